import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as apiModule from './lib/api';
import { storeToken } from './lib/token-store';
import { App } from './app';

vi.mock('./lib/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('./lib/api')>();
  return { ...real, configureApi: vi.fn(real.configureApi) };
});

const configureApi = vi.mocked(apiModule.configureApi);

function json(body: unknown, status = 200, type = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
}

const app = (apiBaseUrl = '') => (
  <MantineProvider>
    <App apiBaseUrl={apiBaseUrl} />
  </MantineProvider>
);

beforeEach(() => window.history.replaceState(null, '', '/'));
afterEach(() => configureApi({ baseUrl: '', fetch: (...args) => globalThis.fetch(...args) }));

describe('the API client', () => {
  it('is configured once, not on every render, and again only for a new base URL', async () => {
    const fetch = vi.fn(async () => json({ status: 'success', count: 0, hosts: [] }));
    configureApi({ fetch });
    storeToken('reader-token');
    configureApi.mockClear();

    const view = render(app());
    await screen.findByText('No hosts yet');
    view.rerender(app());
    view.rerender(app());
    expect(configureApi).toHaveBeenCalledTimes(1);

    view.rerender(app('https://func.example'));
    expect(configureApi).toHaveBeenCalledTimes(2);
  });

  it('sends the stored token with the first request, and a 401 brings back the prompt with its detail', async () => {
    const fetch = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) =>
      json({ title: 'Unauthorized', status: 401, detail: 'The token is revoked.' }, 401, 'application/problem+json'),
    );
    configureApi({ fetch });
    storeToken('revoked-token');

    render(app());

    expect((await screen.findByTestId('token-error')).textContent).toContain('The token is revoked.');
    const headers = new Headers(fetch.mock.calls[0][1]?.headers);
    expect(headers.get('Authorization')).toBe('Bearer revoked-token');
  });
});
