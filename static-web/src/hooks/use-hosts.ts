import { useCallback } from 'react';
import { request } from '../lib/api';
import type { HostsResponse, HostView } from '../lib/types';
import type { FleetMetricsMessage } from '../lib/realtime';
import { usePolled } from './use-polled';
import { useLive, useLiveFeed } from './use-live';

export const POLL_MS = 5_000;

/** The most hosts the API sends in one page. */
export const HOSTS_PAGE_LIMIT = 1000;
/** A bound on the pages one read follows, should a server keep handing out tokens. */
const MAX_PAGES = 200;

/** One page of the hosts list. */
export function hostsPage(pageToken: string | null, signal?: AbortSignal): Promise<HostsResponse> {
  const params = new URLSearchParams({ limit: String(HOSTS_PAGE_LIMIT) });
  if (pageToken) params.set('page_token', pageToken);
  return request<HostsResponse>(`/api/v1/observability/hosts?${params.toString()}`, {}, signal);
}

/**
 * The whole fleet: every page, following `next_page_token` until it is null, merged into one reply. A host a later
 * page repeats (it posted between two pages) keeps its later row, in the place it first had.
 */
export async function fetchAllHosts(signal?: AbortSignal, page: typeof hostsPage = hostsPage): Promise<HostsResponse> {
  const first = await page(null, signal);
  const byId = new Map(first.hosts.map((h) => [h.host_id, h]));
  const seen = new Set<string>();
  let token = first.next_page_token ?? null;
  for (let pages = 1; token && !seen.has(token) && pages < MAX_PAGES; pages++) {
    seen.add(token);
    const next = await page(token, signal);
    for (const h of next.hosts) byId.set(h.host_id, h);
    token = next.next_page_token ?? null;
  }
  const hosts = [...byId.values()];
  return { ...first, count: hosts.length, hosts, next_page_token: null };
}

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

/** The fleet (every page): polled every 5 s when auto-refresh is on and live is off, patched by fleet messages when live. */
export function useHosts(autoRefresh: boolean) {
  const { enabled, state } = useLive();
  const streaming = enabled && state === 'live';
  const fetcher = useCallback((signal: AbortSignal) => fetchAllHosts(signal), []);
  const polled = usePolled<HostsResponse>('hosts', fetcher, autoRefresh && !streaming ? POLL_MS : null);
  const { mutate } = polled;
  useLiveFeed([], {
    onFleet: (m) => mutate((current) => current && { ...current, hosts: applyFleetMessage(current.hosts, m) }),
  });
  return polled;
}
