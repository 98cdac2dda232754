import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { configureApi } from '../../lib/api';
import { fakeApi, hostPage as page, json, requestsTo } from '../../test/host-page-harness';

/** The API as the host page sees it: a summary without samples, no anomalies, and 404 for the rest. */
const emptyHost = () =>
  fakeApi({
    'infrastructure/summary': (url) => {
      const at = '2026-11-27T10:00:00Z';
      const window = url.searchParams.get('window');
      return json({ status: 'ok', host: url.searchParams.get('host'), window, resolution: 'raw', from: at, to: at, sample_count: 0, metrics: {}, series: [] });
    },
    anomalies: (url) =>
      json({ status: 'ok', host_id: url.searchParams.get('host'), window: url.searchParams.get('window'), sensitivity: 'medium', from: '', to: '', count: 0, baselines: {}, anomalies: [], disk_forecast: null, forecast_alert_id: null }),
  });

afterEach(() => configureApi({ fetch: (...args) => globalThis.fetch(...args) }));

describe('host page anomalies', () => {
  it('are fetched once for the Metrics and Anomalies tabs of one host and window', async () => {
    const fetch = emptyHost();
    configureApi({ fetch });
    const anomalyRequests = () => requestsTo(fetch, 'anomalies');

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
