import { api } from '../lib/api';
import type { ComponentsResponse } from '../lib/observability-types';
import { usePolled } from './use-polled';

const POLL_MS = 15_000;

/**
 * The service's component health, polled while `enabled`. One caller per page serves every tab that shows it, so
 * moving between those tabs neither asks again nor flashes a loading state.
 */
export function useComponents(enabled: boolean) {
  return usePolled<ComponentsResponse>(enabled ? 'health/components' : null, api.components, POLL_MS);
}
