import { vi } from 'vitest';
import { json } from './host-page-harness';

export type FakeRoute = (url: URL, body: unknown) => Response;

/**
 * A fake API from "METHOD path" (path after /api/v1/observability/, e.g. "POST agents") to replies; anything else
 * is a 404 problem. Each call's method, path and parsed body are kept for assertions.
 */
export function fakeRoutes(routes: Record<string, FakeRoute>) {
  const calls: { method: string; path: string; url: URL; body: unknown }[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init?.method ?? 'GET';
    const path = url.pathname.replace('/api/v1/observability/', '');
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, path, url, body });
    const route = routes[`${method} ${path}`];
    return route ? route(url, body) : json({ title: 'Not Found', status: 404 }, 404, 'application/problem+json');
  });
  return { fetch, calls, callsTo: (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path) };
}

export { json };
