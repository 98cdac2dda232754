import { useCallback } from 'react';
import { api } from '../lib/api';
import type { AlertsResponse } from '../lib/types';
import { usePolled } from './use-polled';
import { useLiveFeed } from './use-live';

/** Open and recently resolved alerts of a host; refreshed when an alert.updated message concerns it. */
export function useAlerts(hostId: string, intervalMs: number | null) {
  const since = new Date(Date.now() - 24 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const fetcher = useCallback(
    async (signal: AbortSignal): Promise<AlertsResponse> => {
      const [open, resolved] = await Promise.all([
        api.alerts({ host: hostId, state: 'open' }, signal),
        api.alerts({ host: hostId, state: 'resolved', since }, signal),
      ]);
      return { status: open.status, alerts: [...open.alerts, ...resolved.alerts] };
    },
    // `since` moves every render; the window is re-anchored when the host changes or on refresh.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [hostId],
  );
  const polled = usePolled<AlertsResponse>(`alerts:${hostId}`, fetcher, intervalMs);
  const { refresh } = polled;
  useLiveFeed([hostId], {
    onAlert: (m) => {
      if (m.host_id === hostId) refresh();
    },
  });
  return polled;
}
