import { MantineProvider } from '@mantine/core';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { LiveContext, type LiveContextValue } from '../hooks/use-live';
import { HostPage } from '../routes/host/host-page';

const live: LiveContextValue = {
  enabled: false,
  state: 'off',
  detail: undefined,
  setEnabled: () => {},
  watch: () => () => {},
  listen: () => () => {},
};

export function json(body: unknown, status = 200, type = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
}

/** A fake API from endpoint paths (after /api/v1/observability/) to replies; anything else is a 404. */
export function fakeApi(routes: Record<string, (url: URL) => Response>) {
  return vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost');
    const route = routes[url.pathname.replace('/api/v1/observability/', '')];
    return route ? route(url) : json({ title: 'Not Found', status: 404 }, 404);
  });
}

/** The requests a fake API received for one endpoint path. */
export function requestsTo(fetch: ReturnType<typeof fakeApi>, path: string): string[] {
  return fetch.mock.calls.map(([url]) => String(url)).filter((url) => new URL(url, 'http://localhost').pathname.endsWith(`/${path}`));
}

export function hostPage(hostId: string, tab: string, range = '1h'): ReactNode {
  return (
    <MantineProvider>
      <LiveContext.Provider value={live}>
        <HostPage hostId={hostId} tab={tab} range={range} navigate={() => {}} autoRefresh={false} setAutoRefresh={() => {}} />
      </LiveContext.Provider>
    </MantineProvider>
  );
}
