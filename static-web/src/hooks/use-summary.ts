import { useCallback } from 'react';
import { api } from '../lib/api';
import type { SeriesPoint, SummaryResponse, TimeWindow } from '../lib/types';
import type { HostMetricsMessage } from '../lib/realtime';
import { usePolled } from './use-polled';
import { useLive } from './use-live';
import { POLL_MS } from './use-hosts';

/** A live sample as one more point of the summary series. */
export function pointFromMessage(m: HostMetricsMessage): SeriesPoint {
  const s = m.sample;
  return {
    timestamp: m.timestamp,
    cpu_percent: s.cpu.percent,
    memory_percent: s.memory.percent,
    disk_percent: s.disk.percent,
    swap_percent: s.memory.swap?.percent ?? 0,
    load_1m: s.cpu.load_avg?.one ?? 0,
    network_sent_bytes_per_sec: s.network.sent_bytes_per_sec,
    network_recv_bytes_per_sec: s.network.recv_bytes_per_sec,
    health_score: m.health_score,
  };
}

/** Appends a point when it is newer than the last, and drops points that fell out of the window. */
export function appendPoint(summary: SummaryResponse, point: SeriesPoint, windowMs: number): SummaryResponse {
  const series = summary.series;
  const last = series[series.length - 1];
  if (last && Date.parse(point.timestamp) <= Date.parse(last.timestamp)) return summary;
  const from = Date.parse(point.timestamp) - windowMs;
  const kept = series.filter((p) => Date.parse(p.timestamp) >= from);
  return { ...summary, to: point.timestamp, sample_count: summary.sample_count + 1, series: [...kept, point] };
}

const WINDOW_MS: Record<TimeWindow, number> = {
  '5m': 5 * 60_000,
  '15m': 15 * 60_000,
  '1h': 3_600_000,
  '6h': 6 * 3_600_000,
  '24h': 24 * 3_600_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
};

export function windowMs(window: TimeWindow): number {
  return WINDOW_MS[window];
}

export function useSummary(hostId: string, window: TimeWindow, autoRefresh: boolean) {
  const { enabled, state } = useLive();
  const streaming = enabled && state === 'live';
  const fetcher = useCallback((signal: AbortSignal) => api.summary(hostId, window, signal), [hostId, window]);
  // Long windows change slowly: poll them less often than the 5 s of the short ones.
  const interval = window === '5m' || window === '15m' || window === '1h' ? POLL_MS : 60_000;
  return usePolled<SummaryResponse>(`summary:${hostId}:${window}`, fetcher, autoRefresh && !streaming ? interval : null);
}
