import { useCallback } from 'react';
import { api, ApiError } from '../lib/api';
import { usePolled } from './use-polled';

export type OptionalState<T> =
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'unavailable'; detail: string }
  | { kind: 'error'; error: unknown }
  | { kind: 'ready'; data: T };

/** Classifies a reply: a 404 route is not deployed yet; a 503 names what is not configured. */
export function classify<T>(data: T | undefined, error: unknown, loading: boolean): OptionalState<T> {
  if (data !== undefined) return { kind: 'ready', data };
  if (error instanceof ApiError && error.missing) return { kind: 'missing' };
  if (error instanceof ApiError && error.status === 503) {
    return { kind: 'unavailable', detail: error.problem.detail ?? error.problem.title ?? 'The service is unavailable.' };
  }
  if (error) return { kind: 'error', error };
  return loading ? { kind: 'loading' } : { kind: 'loading' };
}

/** An endpoint that may not exist in this deployment yet (traces, anomalies, metrics, component health). */
export function useOptionalEndpoint<T>(path: string | null, intervalMs: number | null = null) {
  const fetcher = useCallback((signal: AbortSignal) => api.optional(path ?? '', signal) as Promise<T>, [path]);
  const polled = usePolled<T>(path, fetcher, intervalMs);
  return { ...polled, state: classify(polled.data, polled.error, polled.loading) };
}
