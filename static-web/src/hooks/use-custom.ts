import { useCallback } from 'react';
import { api } from '../lib/api';
import type { CustomResponse, TimeWindow } from '../lib/types';
import type { LabelFilter } from '../lib/custom-series';
import { appendCustomSample } from '../lib/custom-series';
import { usePolled } from './use-polled';
import { useLive, useLiveFeed } from './use-live';
import { POLL_MS } from './use-hosts';
import { windowMs } from './use-summary';

function query(name: string | undefined, labels: LabelFilter) {
  const sorted = Object.keys(labels).sort().map((k) => `${k}:${labels[k]}`);
  return { key: `${name ?? ''}|${sorted.join('|')}`, labels };
}

/**
 * Custom series of a host over a window: without a name, every name (and the first series); with one, that name's
 * series narrowed by the label filter, and while live each sample's values are appended without a request.
 * It polls as the summary does (the list of names slowly while live); `enabled` false asks nothing.
 */
export function useCustom(hostId: string, window: TimeWindow, name: string | undefined, labels: LabelFilter, autoRefresh: boolean, enabled = true) {
  const { enabled: liveOn, state } = useLive();
  const streaming = liveOn && state === 'live';
  const q = query(name, labels);
  const fetcher = useCallback(
    (signal: AbortSignal) => api.custom(hostId, window, { name, labels: q.labels }, signal),
    // The filter is compared by its key, not by its object.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [hostId, window, name, q.key],
  );
  const interval = window === '5m' || window === '15m' || window === '1h' ? POLL_MS : 60_000;
  const pollMs = !autoRefresh ? null : !streaming ? interval : name ? null : 60_000;
  const polled = usePolled<CustomResponse>(enabled ? `custom:${hostId}:${window}:${q.key}` : null, fetcher, pollMs);
  const { mutate } = polled;
  useLiveFeed(enabled && name ? [hostId] : [], {
    onHost: (m) => {
      if (m.host_id !== hostId || !m.sample.custom_metrics) return;
      const metrics = m.sample.custom_metrics;
      mutate((current) => current && appendCustomSample(current, m.timestamp, metrics, windowMs(window)));
    },
  });
  return polled;
}
