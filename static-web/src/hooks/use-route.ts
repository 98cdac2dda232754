import { useCallback, useSyncExternalStore } from 'react';
import { ALERT_STATES, type AlertFilters, type AlertStateFilter } from '../lib/fleet-alert-types';

// The fleet at "/", a host at "/host?id=<id>&tab=..&range=..", agent keys and enrollment tokens at "/agents". The id
// travels in the query string, encoded, because host ids may contain "/", "#", "?", dots and unicode. The alerting
// pages: "/alerts?severity=..&state=..&host=..&tag=k:v" (filters kept in the address, so a filtered view can be
// shared), "/rules" ("/rules?edit=<id>" opens a rule's editor, "/rules?edit=new" a new one), "/silences", "/channels".

export type Route =
  | { page: 'fleet' }
  | { page: 'host'; hostId: string; tab: string | null; range: string | null }
  | { page: 'agents' }
  | { page: 'alerts'; filters: AlertFilters }
  | { page: 'rules'; edit: string | null }
  | { page: 'silences' }
  | { page: 'channels' }
  | { page: 'perf' };

const subscribers = new Set<() => void>();

function subscribe(callback: () => void): () => void {
  subscribers.add(callback);
  window.addEventListener('popstate', callback);
  return () => {
    subscribers.delete(callback);
    window.removeEventListener('popstate', callback);
  };
}

const snapshot = () => `${window.location.pathname}${window.location.search}`;

export function parseRoute(pathAndQuery: string): Route {
  const url = new URL(pathAndQuery, 'http://dashboard.invalid');
  if (url.pathname === '/host' && url.searchParams.get('id')) {
    return { page: 'host', hostId: url.searchParams.get('id')!, tab: url.searchParams.get('tab'), range: url.searchParams.get('range') };
  }
  if (url.pathname === '/agents') return { page: 'agents' };
  if (url.pathname === '/alerts') return { page: 'alerts', filters: filtersOf(url.searchParams) };
  if (url.pathname === '/rules') return { page: 'rules', edit: url.searchParams.get('edit') || null };
  if (url.pathname === '/silences') return { page: 'silences' };
  if (url.pathname === '/channels') return { page: 'channels' };
  if (url.pathname === '/perf') return { page: 'perf' };
  return { page: 'fleet' };
}

function filtersOf(params: URLSearchParams): AlertFilters {
  const severity = params.get('severity');
  const state = params.get('state');
  return {
    severity: severity === 'warning' || severity === 'critical' ? severity : null,
    state: (ALERT_STATES as readonly string[]).includes(state ?? '') ? (state as AlertStateFilter) : null,
    host: params.get('host') || null,
    tags: params.getAll('tag').filter((t) => t.includes(':')),
  };
}

/** The Alerts page's address for a set of filters. */
export function alertsHref(filters: AlertFilters): string {
  const params = new URLSearchParams();
  if (filters.severity) params.set('severity', filters.severity);
  if (filters.state) params.set('state', filters.state);
  if (filters.host) params.set('host', filters.host);
  for (const tag of filters.tags) params.append('tag', tag);
  const query = params.toString();
  return query ? `/alerts?${query}` : '/alerts';
}

/** The Rules page, with a rule's editor open (`new` for a new rule). */
export function rulesHref(edit?: string | null): string {
  return edit ? `/rules?${new URLSearchParams({ edit }).toString()}` : '/rules';
}

export function hostHref(hostId: string, tab?: string, range?: string): string {
  const params = new URLSearchParams({ id: hostId });
  if (tab) params.set('tab', tab);
  if (range) params.set('range', range);
  return `/host?${params.toString()}`;
}

export function navigate(href: string, replace = false): void {
  if (replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  subscribers.forEach((s) => s());
}

export function useRoute(): { route: Route; navigate: (href: string, replace?: boolean) => void } {
  const current = useSyncExternalStore(subscribe, snapshot, snapshot);
  const go = useCallback((href: string, replace?: boolean) => navigate(href, replace), []);
  return { route: parseRoute(current), navigate: go };
}
