import { describe, expect, it, vi } from 'vitest';
import { api, ApiError, configureApi, describeError, isUnavailable, loadApiBaseUrl } from './api';

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

describe('api', () => {
  it('sends the bearer token and URL-encodes host ids', async () => {
    const fetch = vi.fn().mockResolvedValue(json(200, { status: 'success' }));
    configureApi({ baseUrl: 'https://api.example/', getToken: () => 'tok', fetch });
    await api.report('a/b #1?"ü');
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('https://api.example/api/v1/observability/infrastructure/report?host=a%2Fb%20%231%3F%22%C3%BC');
    expect((init.headers as Headers).get('Authorization')).toBe('Bearer tok');
  });

  it('reads, replaces and resets a host\'s thresholds on one URL with GET, PUT and DELETE', async () => {
    const fetch = vi.fn().mockImplementation(async () => json(200, { status: 'success' }));
    configureApi({ baseUrl: '', getToken: () => 'tok', fetch });
    await api.thresholds('db 1');
    await api.setThresholds('db 1', { disk_warning: 90 });
    await api.resetThresholds('db 1');
    const calls = fetch.mock.calls.map(([url, init]) => [url, init.method ?? 'GET', init.body]);
    const url = '/api/v1/observability/thresholds?host=db%201';
    expect(calls).toEqual([
      [url, 'GET', undefined],
      [url, 'PUT', '{"disk_warning":90}'],
      [url, 'DELETE', undefined],
    ]);
  });

  it('turns problem+json into an ApiError with the detail, and a 401 brings back the prompt', async () => {
    const onUnauthorized = vi.fn();
    const fetch = vi.fn().mockResolvedValue(json(401, { title: 'Unauthorized', detail: 'The token is revoked.' }, 'application/problem+json'));
    configureApi({ baseUrl: '', getToken: () => 'old', onUnauthorized, fetch });
    const error = await api.hosts().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(describeError(error)).toBe('The token is revoked.');
    expect(onUnauthorized).toHaveBeenCalledWith('The token is revoked.');
  });

  it('lists field errors after the detail', async () => {
    const fetch = vi.fn().mockResolvedValue(json(400, { title: 'Bad', detail: 'Invalid window.', errors: { window: ['Use 5m, 15m, 1h, 6h or 24h.'] } }, 'application/problem+json'));
    configureApi({ fetch });
    const error = await api.summary('h', '7d').catch((e: unknown) => e);
    expect(describeError(error)).toBe('Invalid window. window: Use 5m, 15m, 1h, 6h or 24h.');
  });

  it('asks each observability endpoint on its own typed URL', async () => {
    const fetch = vi.fn().mockImplementation(async () => json(200, { status: 'success' }));
    configureApi({ baseUrl: '', getToken: () => 'tok', fetch });
    await api.traces('6h');
    await api.anomalies('db 1', '24h');
    await api.metrics('1h');
    await api.components();
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      '/api/v1/observability/traces?window=6h',
      '/api/v1/observability/anomalies?host=db%201&window=24h',
      '/api/v1/observability/metrics?window=1h',
      '/api/v1/observability/health/components',
    ]);
  });

  it('tells a 503 with its detail apart from a 404, which is an error like any other', async () => {
    configureApi({ fetch: vi.fn().mockResolvedValue(json(503, { title: 'Log Analytics is not configured', detail: 'Set Monitor__WorkspaceId.' }, 'application/problem+json')) });
    const unavailable = await api.traces('1h').catch((e: unknown) => e);
    expect(isUnavailable(unavailable)).toBe(true);
    expect((unavailable as ApiError).problem.detail).toBe('Set Monitor__WorkspaceId.');
    configureApi({ fetch: vi.fn().mockResolvedValue(new Response('', { status: 404 })) });
    const notFound = await api.traces('1h').catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(ApiError);
    expect(isUnavailable(notFound)).toBe(false);
  });

  it('reads the API base URL from /config.json, defaulting to the same origin', async () => {
    expect(await loadApiBaseUrl(vi.fn().mockResolvedValue(json(200, { api_base_url: 'https://func.example/ ' })))).toBe('https://func.example');
    expect(await loadApiBaseUrl(vi.fn().mockResolvedValue(new Response('<html>', { status: 200, headers: { 'content-type': 'text/html' } })))).toBe('');
    expect(await loadApiBaseUrl(vi.fn().mockResolvedValue(new Response('', { status: 404 })))).toBe('');
    expect(await loadApiBaseUrl(vi.fn().mockRejectedValue(new TypeError('offline')))).toBe('');
  });
});
