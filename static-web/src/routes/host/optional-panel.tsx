import type { ReactNode } from 'react';
import type { OptionalState } from '../../hooks/use-optional-endpoint';
import { ErrorState, LoadingState, MissingState, UnavailableState } from '../../components/ui/state-views';

/** Loading, not-deployed-yet (404), not-configured (503 detail) and error states of an optional endpoint. */
export function OptionalPanel<T>({
  state,
  title,
  missing,
  onRetry,
  children,
}: {
  state: OptionalState<T>;
  title: string;
  missing: ReactNode;
  onRetry: () => void;
  children: (data: T) => ReactNode;
}) {
  switch (state.kind) {
    case 'loading':
      return <LoadingState label={`Loading ${title.toLowerCase()}…`} />;
    case 'missing':
      return <MissingState title={`${title}: not available in this deployment yet`}>{missing}</MissingState>;
    case 'unavailable':
      return <UnavailableState title={`${title}: not configured`} detail={state.detail} />;
    case 'error':
      return <ErrorState error={state.error} title={`${title} could not be loaded`} onRetry={onRetry} />;
    case 'ready':
      return <>{children(state.data)}</>;
  }
}
