import type { AnomaliesResponse } from '../lib/observability-types';
import type { TimeWindow } from '../lib/types';
import { useOptionalEndpoint } from './use-optional-endpoint';

/** Anomalies scan raw samples, which the API keeps to 24 h: longer windows show the last 24 h. */
export function anomalyWindow(window: TimeWindow): TimeWindow {
  return window === '7d' || window === '30d' ? '24h' : window;
}

/** A host's anomalies for a window; a 404 or 503 leaves state.kind missing/unavailable and no data. */
export function useAnomalies(hostId: string, window: TimeWindow) {
  const scanned = anomalyWindow(window);
  const result = useOptionalEndpoint<AnomaliesResponse>(`anomalies?host=${encodeURIComponent(hostId)}&window=${scanned}`, 60_000);
  return { ...result, scanned };
}
