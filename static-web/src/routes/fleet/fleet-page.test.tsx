import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { configureApi } from '../../lib/api';
import type { HostView } from '../../lib/types';
import { fakeRoutes, json } from '../../test/fake-routes';
import { withRole } from '../../test/role-harness';
import { FleetPage } from './fleet-page';

const row = (host_id: string, status: HostView['status'], cpu: number, last_seen: string, tags?: Record<string, string>) =>
  ({ host_id, hostname: host_id, os: 'Linux', status, health_score: 90, level: 'healthy', cpu_percent: cpu, memory_percent: 10, disk_percent: 10, first_seen: last_seen, last_seen, latest_timestamp: last_seen, interval_seconds: 30, stale: false, tags }) as HostView;

const hosts = [
  row('web-1', 'healthy', 20, '2026-12-01T10:00:03Z', { env: 'prod', role: 'web' }),
  row('db-1', 'critical', 95, '2026-12-01T10:00:01Z', { env: 'prod', role: 'db' }),
  row('web-2', 'degraded', 60, '2026-12-01T10:00:02Z', { env: 'staging', role: 'web' }),
  row('lab', 'down', 5, '2026-12-01T09:00:00Z'),
];

function fleet(list = hosts) {
  const fake = fakeRoutes({ 'GET hosts': () => json({ status: 'success', count: list.length, hosts: list, next_page_token: null }) });
  configureApi({ fetch: fake.fetch });
  render(withRole('reader', <FleetPage onOpen={() => {}} autoRefresh={false} setAutoRefresh={() => {}} />));
  return fake;
}

const rowIds = () => screen.getAllByTestId('host-row').map((r) => r.getAttribute('data-host-id'));

async function tableMode() {
  fireEvent.click(await screen.findByText('Table'));
  await screen.findByTestId('fleet-table');
}

function filterByTag(text: string) {
  const input = screen.getByRole('combobox', { name: 'Filter by tag' });
  input.focus();
  fireEvent.change(input, { target: { value: text } });
  fireEvent.keyDown(input, { key: 'Enter' });
}

afterEach(() => configureApi({ fetch: (...args) => globalThis.fetch(...args) }));

describe('the fleet table', () => {
  it('lists every host worst first, and sorts by a column when its heading is clicked, the other way on a second click', async () => {
    fleet();
    await tableMode();
    expect(rowIds()).toEqual(['lab', 'db-1', 'web-2', 'web-1']);
    fireEvent.click(screen.getByTestId('sort-cpu'));
    expect(rowIds()).toEqual(['db-1', 'web-2', 'web-1', 'lab']);
    expect(screen.getByTestId('sort-cpu').closest('th')?.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(screen.getByTestId('sort-cpu'));
    expect(rowIds()).toEqual(['lab', 'web-1', 'web-2', 'db-1']);
    fireEvent.click(screen.getByTestId('sort-last_seen'));
    expect(rowIds()).toEqual(['lab', 'db-1', 'web-2', 'web-1']);
    expect(screen.getByTestId('sort-last_seen').closest('th')?.getAttribute('aria-sort')).toBe('ascending');
  });

  it('shows each host’s tags, and the view is remembered in this browser', async () => {
    fleet();
    await tableMode();
    const web1 = screen.getAllByTestId('host-row').find((r) => r.getAttribute('data-host-id') === 'web-1')!;
    expect(within(web1).getByTestId('host-tags').textContent).toBe('env=prodrole=web');
    expect(localStorage.getItem('infrafunctions.fleet.view')).toBe('table');
  });

  it('narrows the hosts to those carrying every tag filter, together with the name filter', async () => {
    fleet();
    await tableMode();
    filterByTag('env:prod');
    await waitFor(() => expect(rowIds()).toEqual(['db-1', 'web-1']));
    expect(screen.getByTestId('fleet-count').textContent).toBe('2 of 4 hosts shown');
    filterByTag('role:web');
    await waitFor(() => expect(rowIds()).toEqual(['web-1']));
    fireEvent.change(screen.getByLabelText('Filter by name'), { target: { value: 'db' } });
    expect(await screen.findByText('No host matches the filter')).toBeTruthy();
  });

  it('says which tag filter is not key:value', async () => {
    fleet();
    await screen.findAllByTestId('host-card');
    filterByTag('env=prod');
    expect(await screen.findByText("'env=prod' is not key:value.")).toBeTruthy();
    expect(screen.getAllByTestId('host-card')).toHaveLength(4);
  });

  it('groups the hosts by the tag key chosen last time, with each group’s count and worst status, the hosts without it last', async () => {
    // Choosing the key in the list is driven in Chromium (tests/InfraFunctions.EndToEnd); here the remembered choice.
    localStorage.setItem('infrafunctions.fleet.group', 'role');
    fleet();
    await tableMode();
    expect(screen.getByTestId('fleet-group-by')).toHaveProperty('value', 'role');
    const chips = await screen.findAllByTestId('group-chip');
    expect(chips.map((c) => c.textContent)).toEqual(['role=db: 1', 'role=web: 2', 'untagged: 1']);
    const headings = screen.getAllByTestId('group-heading');
    expect(headings.map((h) => h.getAttribute('data-group'))).toEqual(['db', 'web', '']);
    expect(within(headings[1]).getByLabelText('Worst status: degraded')).toBeTruthy();
    expect(headings[1].textContent).toContain('2 hosts');
    expect(rowIds()).toEqual(['db-1', 'web-2', 'web-1', 'lab']);

    // A group's chip filters the fleet to it.
    fireEvent.click(screen.getByRole('button', { name: /Show only role=web/ }));
    await waitFor(() => expect(rowIds()).toEqual(['web-2', 'web-1']));
  });

  it('renders only the rows near the viewport of a fleet of 1,000, in the sorted order', async () => {
    const many = Array.from({ length: 1000 }, (_, i) => row(`h-${String(i).padStart(4, '0')}`, 'healthy', i % 100, '2026-12-01T10:00:00Z'));
    fleet(many);
    await tableMode();
    expect(screen.getByTestId('fleet-count').textContent).toBe('1000 hosts');
    const shown = rowIds();
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.length).toBeLessThan(100);
    fireEvent.click(screen.getByTestId('sort-cpu'));
    await waitFor(() => expect(rowIds().slice(0, 3)).toEqual(['h-0099', 'h-0199', 'h-0299']));
  });
});
