import { useCallback } from 'react';
import { api } from '../lib/api';
import type { HostsResponse, HostView } from '../lib/types';
import type { FleetMetricsMessage } from '../lib/realtime';
import { usePolled } from './use-polled';
import { useLive, useLiveFeed } from './use-live';

export const POLL_MS = 5_000;

export function applyFleetMessage(hosts: HostView[], m: FleetMetricsMessage): HostView[] {
  const index = hosts.findIndex((h) => h.host_id === m.host_id);
  const patch: Partial<HostView> = {
    hostname: m.hostname,
    os: m.os,
    status: m.status,
    health_score: m.health_score,
    level: m.level,
    cpu_percent: m.cpu_percent,
    memory_percent: m.memory_percent,
    disk_percent: m.disk_percent,
    latest_timestamp: m.timestamp,
    last_seen: m.timestamp,
    stale: false,
  };
  if (index < 0) {
    const added: HostView = { host_id: m.host_id, first_seen: m.timestamp, interval_seconds: 0, ...patch } as HostView;
    return [...hosts, added];
  }
  const next = hosts.slice();
  next[index] = { ...hosts[index], ...patch };
  return next;
}

/** The fleet: polled every 5 s when auto-refresh is on and live is off, patched by fleet messages when live. */
export function useHosts(autoRefresh: boolean) {
  const { enabled, state } = useLive();
  const streaming = enabled && state === 'live';
  const fetcher = useCallback((signal: AbortSignal) => api.hosts(signal), []);
  const polled = usePolled<HostsResponse>('hosts', fetcher, autoRefresh && !streaming ? POLL_MS : null);
  const { mutate } = polled;
  useLiveFeed([], {
    onFleet: (m) => mutate((current) => current && { ...current, hosts: applyFleetMessage(current.hosts, m) }),
  });
  return polled;
}
