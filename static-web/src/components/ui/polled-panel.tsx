import type { ReactNode } from 'react';
import { isUnavailable } from '../../lib/api';
import { ErrorState, LoadingState, UnavailableState } from './state-views';

/** What a panel needs of a fetch: the last good reply, the last failure, and a way to ask again. */
export interface Reply<T> {
  data: T | undefined;
  error: unknown;
  refresh: () => void;
}

/**
 * A reply's data once it has some (a failed poll keeps showing the last good reply); before that, loading, a 503's
 * unavailable state, or the error, each with a way to ask again.
 */
export function PolledPanel<T>({ reply, title, children }: { reply: Reply<T>; title: string; children: (data: T) => ReactNode }) {
  const { data, error, refresh } = reply;
  if (data !== undefined) return <>{children(data)}</>;
  if (isUnavailable(error)) {
    const { title: reason, detail } = error.problem;
    return <UnavailableState title={`${title}: ${reason ?? 'unavailable'}`} detail={detail ?? 'The service is unavailable. Try again shortly.'} onRetry={refresh} />;
  }
  if (error != null) return <ErrorState error={error} title={`${title} could not be loaded`} onRetry={refresh} />;
  return <LoadingState label={`Loading ${title.toLowerCase()}…`} />;
}
