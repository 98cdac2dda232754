import { MantineProvider } from '@mantine/core';
import { render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureApi } from '../../lib/api';
import { LiveContext, type LiveContextValue } from '../../hooks/use-live';
import { HostPage } from './host-page';

const live: LiveContextValue = {
  enabled: false,
  state: 'off',
  detail: undefined,
  setEnabled: () => {},
  watch: () => () => {},
  listen: () => () => {},
};

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** The API as the host page sees it: a summary without samples, no anomalies, and 404 for the rest. */
function fakeApi() {
  return vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost');
    const window = url.searchParams.get('window') ?? '1h';
    if (url.pathname.endsWith('/infrastructure/summary')) {
      const at = '2026-11-27T10:00:00Z';
      return json({ status: 'ok', host: url.searchParams.get('host'), window, resolution: 'raw', from: at, to: at, sample_count: 0, metrics: {}, series: [] });
    }
    if (url.pathname.endsWith('/anomalies')) {
      return json({ status: 'ok', host_id: url.searchParams.get('host'), window, sensitivity: 'medium', from: '', to: '', count: 0, baselines: {}, anomalies: [], disk_forecast: null, forecast_alert_id: null });
    }
    return json({ title: 'Not Found', status: 404 }, 404);
  });
}

function page(hostId: string, tab: string, range = '1h'): ReactNode {
  return (
    <MantineProvider>
      <LiveContext.Provider value={live}>
        <HostPage hostId={hostId} tab={tab} range={range} navigate={() => {}} autoRefresh={false} setAutoRefresh={() => {}} />
      </LiveContext.Provider>
    </MantineProvider>
  );
}

afterEach(() => configureApi({ fetch: (...args) => globalThis.fetch(...args) }));

describe('host page anomalies', () => {
  it('are fetched once for the Metrics and Anomalies tabs of one host and window', async () => {
    const fetch = fakeApi();
    configureApi({ fetch });
    const anomalyRequests = () => fetch.mock.calls.filter(([url]) => String(url).includes('/anomalies?')).map(([url]) => String(url));

    const view = render(page('web-1', 'metrics'));
    await screen.findByTestId('summary-window');
    await waitFor(() => expect(anomalyRequests()).toHaveLength(1));

    view.rerender(page('web-1', 'anomalies'));
    await screen.findByText('No anomalies in this window.');
    view.rerender(page('web-1', 'metrics'));
    await screen.findByTestId('summary-window');
    view.rerender(page('web-1', 'anomalies'));
    await screen.findByText('No anomalies in this window.');
    expect(anomalyRequests()).toHaveLength(1);

    view.rerender(page('web-1', 'anomalies', '6h'));
    await waitFor(() => expect(anomalyRequests()).toHaveLength(2));
    view.rerender(page('web-1', 'metrics', '6h'));
    await screen.findByText(/Window 6h/);

    view.rerender(page('db-1', 'metrics', '6h'));
    await waitFor(() => expect(anomalyRequests()).toHaveLength(3));
    expect(anomalyRequests()).toEqual([
      expect.stringContaining('host=web-1&window=1h'),
      expect.stringContaining('host=web-1&window=6h'),
      expect.stringContaining('host=db-1&window=6h'),
    ]);
  });
});
