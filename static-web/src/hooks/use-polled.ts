import { useCallback, useEffect, useRef, useState } from 'react';

export interface Polled<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** When the last successful reply arrived (ms since epoch). */
  updatedAt: number | undefined;
  refresh: () => void;
  /** Replaces the data locally, e.g. with a live message, without a request. */
  mutate: (update: (current: T | undefined) => T | undefined) => void;
}

/**
 * Fetches on mount and whenever `key` changes, then every `intervalMs` while it is set (null: no polling).
 * A failed poll keeps the last good data and reports the error beside it. A poll never interrupts a request still
 * in flight: a reply slower than the interval (a cold start, a long window) is awaited, not aborted and re-sent.
 */
export function usePolled<T>(key: string | null, fetcher: (signal: AbortSignal) => Promise<T>, intervalMs: number | null): Polled<T> {
  const [state, setState] = useState<{ key: string | null; data?: T; error?: unknown; loading: boolean; updatedAt?: number }>({
    key,
    loading: key !== null,
  });
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  const [tick, setTick] = useState(0);
  const inFlight = useRef(false);

  // A new key starts from nothing: never show one host's data under another's name.
  if (state.key !== key) setState({ key, loading: key !== null });

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    inFlight.current = true;
    fetcherRef.current(controller.signal).then(
      (data) => {
        if (controller.signal.aborted) return;
        inFlight.current = false;
        setState({ key, data, error: undefined, loading: false, updatedAt: Date.now() });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        inFlight.current = false;
        setState((s) => ({ ...s, error, loading: false }));
      },
    );
    return () => {
      controller.abort();
      inFlight.current = false;
    };
  }, [key, tick]);

  useEffect(() => {
    if (key === null || intervalMs === null) return;
    const timer = setInterval(() => {
      if (!inFlight.current) setTick((t) => t + 1);
    }, intervalMs);
    return () => clearInterval(timer);
  }, [key, intervalMs]);

  const refresh = useCallback(() => setTick((t) => t + 1), []);
  const mutate = useCallback((update: (current: T | undefined) => T | undefined) => {
    setState((s) => ({ ...s, data: update(s.data), updatedAt: Date.now() }));
  }, []);

  return { data: state.key === key ? state.data : undefined, error: state.error, loading: state.loading, updatedAt: state.updatedAt, refresh, mutate };
}
