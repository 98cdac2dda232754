import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { AlignedData, Options } from 'uplot';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureApi } from '../../lib/api';
import type { CustomSeries } from '../../lib/types';
import { fakeApi, hostPage as page, json, requestsTo } from '../../test/host-page-harness';
import { at, report, systemReply } from '../../test/host-replies';

// jsdom draws no canvas: a stand-in uPlot records what each chart was built with and last given.
const charts = vi.hoisted(() => [] as { options: Options; data: AlignedData }[]);
vi.mock('uplot', () => ({
  default: class {
    width: number;
    chart: { options: Options; data: AlignedData };
    constructor(options: Options, data: AlignedData) {
      this.chart = { options, data };
      charts.push(this.chart);
      this.width = options.width;
    }
    setData(data: AlignedData) {
      this.chart.data = data;
    }
    setSize() {}
    redraw() {}
    destroy() {}
  },
}));

const points = (...values: number[]) => values.map((value, i) => ({ timestamp: `2026-11-27T10:0${i}:00Z`, value, min: value - 1, max: value + 1 }));
const stored: CustomSeries[] = [
  { name: 'queue_depth', labels: { queue: 'mail', env: 'prod' }, type: 'gauge', points: points(3, 4, 5) },
  { name: 'queue_depth', labels: { queue: 'batch', env: 'prod' }, type: 'gauge', points: points(10, 12, 14) },
  { name: 'backup_last_success_seconds', labels: {}, type: 'gauge', points: points(1_700_000_000) },
];

/** The custom endpoint as the server answers it: every name, one name's series, narrowed by key:value labels. */
function customReply(url: URL) {
  const name = url.searchParams.get('name');
  const labels = url.searchParams.getAll('label').map((l) => l.split(':') as [string, string]);
  const names = [...new Set(stored.map((s) => s.name))].sort().map((n) => ({ name: n, type: 'gauge', series: stored.filter((s) => s.name === n).length }));
  const series = stored.filter((s) => (!name || s.name === name) && labels.every(([k, v]) => s.labels[k] === v));
  return json({ status: 'success', host_id: 'web-1', window: url.searchParams.get('window'), resolution: 'raw', from: at, to: at, names, series, truncated: false });
}

const api = (routes: Record<string, (url: URL) => Response> = {}) =>
  fakeApi({ 'infrastructure/custom': customReply, 'infrastructure/report': () => json(report), 'infrastructure/system': () => json(systemReply()), ...routes });

afterEach(() => {
  configureApi({ fetch: (...args) => globalThis.fetch(...args) });
  charts.length = 0;
});

const lastChart = () => charts[charts.length - 1];
const lineLabels = () => lastChart().options.series.slice(1).map((s) => s.label);

describe('the Custom tab', () => {
  it('charts the first metric name’s series over the page’s window and lists their latest values', async () => {
    const fetch = api();
    configureApi({ fetch });
    render(page('web-1', 'custom', '6h'));

    const picker = (await screen.findByLabelText('Metric')) as HTMLSelectElement;
    expect([...picker.options].map((o) => o.textContent)).toEqual(['backup_last_success_seconds (gauge, 1 series)', 'queue_depth (gauge, 2 series)']);
    await screen.findByTestId('chart-custom');
    expect(screen.getByTestId('chart-custom').textContent).toContain('backup_last_success_seconds (gauge)');
    expect(lineLabels()).toEqual(['backup_last_success_seconds']);
    expect(requestsTo(fetch, 'infrastructure/custom').every((u) => u.includes('window=6h'))).toBe(true);
    expect(within(screen.getByTestId('custom-latest')).getAllByRole('cell')[1].textContent).toBe('1700000000');
  });

  it('narrows a chosen name by a label chip, asking the server for that label, and charts only the matching series', async () => {
    const fetch = api();
    configureApi({ fetch });
    render(page('web-1', 'custom'));
    fireEvent.change(await screen.findByLabelText('Metric'), { target: { value: 'queue_depth' } });

    await waitFor(() => expect(lineLabels()).toEqual(['{env="prod",queue="mail"}', '{env="prod",queue="batch"}']));
    const chips = within(screen.getByTestId('custom-labels')).getAllByRole('checkbox').map((c) => c.closest('div')!.textContent);
    expect(chips).toEqual(['env:prod', 'queue:batch', 'queue:mail']);

    fireEvent.click(screen.getByRole('checkbox', { name: 'queue:batch' }));

    await waitFor(() => expect(lineLabels()).toEqual(['{env="prod",queue="batch"}']));
    expect(Array.from(lastChart().data[1] as ArrayLike<number>)).toEqual([10, 12, 14]);
    expect(requestsTo(fetch, 'infrastructure/custom').at(-1)).toContain('name=queue_depth&label=queue%3Abatch');
    const rows = within(screen.getByTestId('custom-latest')).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').slice(0, 4).map((c) => c.textContent))).toEqual([['queue_depth{env="prod",queue="batch"}', '14', '9', '15']]);
    // Every value of the name stays offered while one is chosen.
    expect(within(screen.getByTestId('custom-labels')).getAllByRole('checkbox')).toHaveLength(3);

    fireEvent.click(screen.getByRole('checkbox', { name: 'queue:batch' }));
    await waitFor(() => expect(lineLabels()).toHaveLength(2));
  });

  it('says how to send custom metrics when the host has none', async () => {
    configureApi({ fetch: api({ 'infrastructure/custom': (url) => json({ status: 'success', host_id: 'web-1', window: url.searchParams.get('window'), resolution: 'raw', from: at, to: at, names: [], series: [], truncated: false }) }) });
    render(page('web-1', 'custom'));

    expect((await screen.findByText('No custom metrics from this host in the last 1h')).parentElement!.textContent).toContain('textfile_dir');
    expect(screen.queryByTestId('chart-custom')).toBeNull();
  });

  it('warns about a malformed .prom file by its file and line, and about dropped series', async () => {
    const collector_errors = [
      { collector: 'textfile', message: '/var/lib/infra-agent/textfile/app.prom line 4: expected a value after the labels' },
      { collector: 'systemd', message: 'no system bus' },
    ];
    configureApi({ fetch: api({ 'infrastructure/system': () => json(systemReply({ collector_errors, dropped_custom_metrics: 7 })) }) });
    render(page('web-1', 'custom'));

    const warning = await screen.findByTestId('textfile-errors');
    expect(warning.textContent).toContain('app.prom line 4: expected a value after the labels');
    expect(warning.textContent).not.toContain('no system bus');
    expect(screen.getByTestId('custom-dropped').textContent).toContain('left 7 custom series out');
  });
});
