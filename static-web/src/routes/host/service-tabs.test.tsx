import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { configureApi } from '../../lib/api';
import type { ComponentsResponse, MetricsResponse, TracesResponse } from '../../lib/observability-types';
import { fakeApi, hostPage as page, json, requestsTo } from '../../test/host-page-harness';
import { at, report, systemReply } from '../../test/host-replies';

// As the API writes them: null fields are left out.
const components: ComponentsResponse = {
  status: 'success', overall: 'healthy', checked_at: at,
  components: [{ name: 'table_storage', status: 'healthy', latency_ms: 4 }, { name: 'signalr', status: 'degraded', latency_ms: 120, last_error: 'slow negotiate' }],
  clients: [{ name: 'webhooks', circuit: 'half_open', consecutive_failures: 2 }],
  counters: { ingest_throttled_posts: 0, realtime_published: 5, realtime_failed: 0, realtime_dropped: 0, webhooks_delivered: 1, webhooks_failed: 0 },
};
const metrics: MetricsResponse = {
  status: 'success', window: '1h', from: at, to: at,
  service: {
    ingest_rate_samples_per_second: 0.5, ingest_rate_posts_per_minute: 2, accepted_samples: 120, rejected_samples: 1, throttled_posts: 0, counters_since: at,
    total_hosts: 3, active_hosts: 2, stale_hosts: 1, open_alerts_by_severity: {},
  },
};
const traces: TracesResponse = {
  status: 'success', window: '1h', count: 1,
  traces: [{
    operation_id: 'op-1', operation: 'IngestMetrics', start: at, duration_ms: 42, success: false, result_code: '500', span_count: 2,
    spans: [
      { id: 's1', kind: 'request', name: 'POST /api/v1/ingest', start: at, duration_ms: 42, success: false, result_code: '500', depth: 0, offset_ms: 0 },
      { id: 's2', parent_id: 's1', kind: 'dependency', name: 'UpsertEntity', target: 'tables.example', type: 'Azure table', start: at, duration_ms: 30, success: true, depth: 1, offset_ms: 0 },
    ],
  }],
};

const serviceApi = (overrides: Record<string, (url: URL) => Response> = {}) =>
  fakeApi({
    'infrastructure/report': () => json(report),
    'infrastructure/system': () => json(systemReply()),
    alerts: () => json({ status: 'success', alerts: [] }),
    'health/components': () => json(components),
    metrics: () => json(metrics),
    traces: () => json(traces),
    ...overrides,
  });

afterEach(() => configureApi({ fetch: (...args) => globalThis.fetch(...args) }));

describe('service figures on the host page', () => {
  it('ask for component health once for the Load Balancing and System Health tabs', async () => {
    const fetch = serviceApi();
    configureApi({ fetch });

    const view = render(page('web-1', 'load-balancing'));
    expect(within(await screen.findByTestId('lb-clients')).getByLabelText('webhooks circuit: half open')).toBeTruthy();
    view.rerender(page('web-1', 'system-health'));
    expect(within(await screen.findByTestId('components-table')).getByText('slow negotiate')).toBeTruthy();
    view.rerender(page('web-1', 'load-balancing'));
    await screen.findByTestId('lb-components');

    expect(requestsTo(fetch, 'health/components')).toHaveLength(1);
  });

  it('are headed as service-wide on the Load Balancing tab, not as the host’s', async () => {
    configureApi({ fetch: serviceApi() });
    render(page('web-1', 'load-balancing'));

    const scope = await screen.findByTestId('lb-scope');
    expect(within(scope).getByRole('heading').textContent).toMatch(/service-wide/i);
    await waitFor(() => expect(scope.textContent).toContain('not for web-1.example'));
    expect(scope.textContent).toContain('whole service');
    expect((await screen.findByTestId('lb-accepted')).textContent).toContain('120');
  });
});

describe('the Load Balancing tab’s ingest figures', () => {
  const fleet = {
    source: 'azure_monitor', accepted_samples: 98_765, rejected_samples: 10, rejected_by_reason: { out_of_range: 7, future_timestamp: 3 },
    realtime_messages: { published: 300, dropped: 2 }, webhook_deliveries: { delivered: 5, failed: 1 },
    alert_evaluations: 100, alert_evaluations_by_result: { raised: 4, unchanged: 96 }, table_write_latency_ms: { mean: 5, max: 42.5, writes: 100 },
  };

  it('show every instance’s sums from Azure Monitor, and label the in-process counters as this instance’s', async () => {
    configureApi({ fetch: serviceApi({ metrics: () => json({ ...metrics, service: { ...metrics.service, counters_scope: 'this_instance' }, fleet }) }) });
    render(page('web-1', 'load-balancing'));

    const all = await screen.findByTestId('lb-fleet');
    expect(all.textContent).toMatch(/All instances \(1h, from Azure Monitor\)/);
    expect(within(all).getByTestId('lb-fleet-accepted').textContent).toContain('98765');
    expect(within(all).getByTestId('lb-fleet-realtime').textContent).toContain('300 / 2');
    expect(within(all).getByTestId('lb-fleet-webhooks').textContent).toContain('5 / 1');
    expect(within(all).getByTestId('lb-fleet-evaluations').textContent).toContain('100');
    expect(within(all).getByTestId('lb-fleet-latency').textContent).toContain('5.0 / 42.5 ms');
    expect(all.textContent).toContain('out_of_range 7, future_timestamp 3');
    const instance = screen.getByTestId('lb-ingest');
    expect(instance.textContent).toMatch(/^This instance/);
    expect(within(instance).getByTestId('lb-accepted').textContent).toContain('120');
    expect(screen.queryByTestId('lb-fleet-note')).toBeNull();
  });

  it('say why there are no fleet-wide figures when Log Analytics is off, and still show this instance’s', async () => {
    const note = 'Fleet-wide figures are off: set Monitor__WorkspaceId to the Log Analytics workspace of the app’s Application Insights.';
    configureApi({ fetch: serviceApi({ metrics: () => json({ ...metrics, fleet_note: note }) }) });
    render(page('web-1', 'load-balancing'));

    expect((await screen.findByTestId('lb-fleet-note')).textContent).toBe(note);
    expect(screen.queryByTestId('lb-fleet')).toBeNull();
    expect(screen.getByTestId('lb-ingest').textContent).toMatch(/^This instance/);
    expect(screen.getByTestId('lb-accepted').textContent).toContain('120');
  });
});

describe('the Traces tab', () => {
  it('lists each operation with its result and its spans', async () => {
    configureApi({ fetch: serviceApi() });
    render(page('web-1', 'traces'));

    const table = await screen.findByTestId('traces-table');
    expect(within(table).getByText('IngestMetrics')).toBeTruthy();
    expect(within(table).getByText('failure · 500')).toBeTruthy();
    expect(within(table).queryByText('dependency UpsertEntity → tables.example · 30 ms · ok')).toBeNull();

    const expand = within(table).getByRole('button', { name: /2/ });
    expect(expand.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(expand);

    expect(expand.getAttribute('aria-expanded')).toBe('true');
    const request = within(table).getByText('request POST /api/v1/ingest · 42 ms · failed (500)').closest('li')!;
    const dependency = within(table).getByText('dependency UpsertEntity → tables.example · 30 ms · ok').closest('li')!;
    expect(request.contains(dependency)).toBe(true);
    expect(dependency.getAttribute('data-depth')).toBe('1');
  });

  it("shows a 503's detail with a retry that asks again, and then the traces", async () => {
    let configured = false;
    const problem = { title: 'Log Analytics is not configured', status: 503, detail: "Set the app setting 'Monitor__WorkspaceId' to enable this endpoint." };
    const fetch = serviceApi({ traces: () => (configured ? json(traces) : json(problem, 503, 'application/problem+json')) });
    configureApi({ fetch });
    render(page('web-1', 'traces'));

    expect((await screen.findByTestId('unavailable-state')).textContent).toContain('Monitor__WorkspaceId');
    configured = true;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByTestId('traces-table');
    expect(requestsTo(fetch, 'traces')).toHaveLength(2);
  });
});
