import { useCallback } from 'react';
import { alertingApi, alertsQuery } from '../lib/alerting-api';
import type { AlertFilters, FleetAlertsResponse } from '../lib/fleet-alert-types';
import { usePolled } from './use-polled';
import { useLive, useLiveFeed } from './use-live';

/**
 * The fleet's alerts under the server-side filters. An alert.updated message (every streaming dashboard gets the
 * fleet's) asks again, since whether the changed alert passes the filters is the server's to say; while live is
 * streaming the list is polled only as a fallback.
 */
export function useFleetAlerts(filters: AlertFilters) {
  const query = alertsQuery(filters);
  const fetcher = useCallback(
    (signal: AbortSignal) => alertingApi.alerts(filters, signal),
    // The query text is the filters' identity: a new object with the same filters asks nothing new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [query],
  );
  const { state } = useLive();
  const polled = usePolled<FleetAlertsResponse>(`fleet-alerts:${query}`, fetcher, state === 'live' ? 60_000 : 15_000);
  const { refresh } = polled;
  useLiveFeed([], { onAlert: () => refresh() });
  return polled;
}
