import { useCallback, useSyncExternalStore } from 'react';

// The fleet at "/", a host at "/host?id=<id>&tab=..&range=..", agent keys and enrollment tokens at "/agents". The id
// travels in the query string, encoded, because host ids may contain "/", "#", "?", dots and unicode.

export type Route =
  | { page: 'fleet' }
  | { page: 'host'; hostId: string; tab: string | null; range: string | null }
  | { page: 'agents' }
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
  if (url.pathname === '/perf') return { page: 'perf' };
  return { page: 'fleet' };
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
