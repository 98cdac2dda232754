import { useCallback } from 'react';
import { api } from '../lib/api';
import type { AnomaliesResponse } from '../lib/observability-types';
import type { TimeWindow } from '../lib/types';
import { usePolled } from './use-polled';

const POLL_MS = 60_000;
// A poll tick lands one interval after the request it follows; the margin makes sure it asks again.
const FRESH_MS = POLL_MS - 1_000;

interface SharedReply {
  startedAt: number;
  reply: Promise<AnomaliesResponse>;
  data?: AnomaliesResponse;
}

// The Metrics and Anomalies tabs show the same scan: one request per host and window serves both.
const shared = new Map<string, SharedReply>();

function fetchShared(path: string, hostId: string, window: TimeWindow): Promise<AnomaliesResponse> {
  const now = Date.now();
  const hit = shared.get(path);
  if (hit && now - hit.startedAt < FRESH_MS) return hit.reply;
  for (const [key, entry] of shared) if (now - entry.startedAt >= FRESH_MS) shared.delete(key);
  // No abort signal: the reply is shared, so the tab that asked must not cancel it for the next one by closing.
  const entry: SharedReply = { startedAt: now, reply: api.anomalies(hostId, window) };
  shared.set(path, entry);
  entry.reply.then(
    (data) => {
      entry.data = data;
    },
    // A failure is not kept: the next view asks again.
    () => {
      if (shared.get(path) === entry) shared.delete(path);
    },
  );
  return entry.reply;
}

/** Anomalies scan raw samples, which the API keeps to 24 h: longer windows show the last 24 h. */
export function anomalyWindow(window: TimeWindow): TimeWindow {
  return window === '7d' || window === '30d' ? '24h' : window;
}

/**
 * A host's anomalies for a window, and the window actually scanned. Every caller with the same host and window
 * shares one request, polled once a minute.
 */
export function useAnomalies(hostId: string, window: TimeWindow) {
  const scanned = anomalyWindow(window);
  const path = `anomalies?host=${encodeURIComponent(hostId)}&window=${scanned}`;
  const fetcher = useCallback(() => fetchShared(path, hostId, scanned), [path, hostId, scanned]);
  const polled = usePolled<AnomaliesResponse>(path, fetcher, POLL_MS);
  const { refresh: refetch } = polled;
  const refresh = useCallback(() => {
    shared.delete(path);
    refetch();
  }, [path, refetch]);
  // A tab opened after the other one fetched shows the shared reply at once, not a loading state first.
  const data = polled.data ?? shared.get(path)?.data;
  return { data, error: polled.error, refresh, scanned };
}
