import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { configureApi } from '../../lib/api';
import type { FleetAlert } from '../../lib/fleet-alert-types';
import { parseRoute } from '../../hooks/use-route';
import { fakeRoutes, json } from '../../test/fake-routes';
import { withRole } from '../../test/role-harness';
import { AlertsPage } from './alerts-page';
import { chosenMinutes } from './silence-dialog';

const alert = (id: string, patch: Partial<FleetAlert> = {}): FleetAlert => ({
  id, host_id: 'web-1', metric: 'disk.percent{mount=/data}', severity: 'critical', state: 'open', value: 97, threshold: 95,
  message: `Data disk full (${id})`, raised_at: '2026-12-01T10:00:00Z', rule_id: 'rule-0123456789ab', rule_name: 'Data disk', tags: { env: 'prod' }, ...patch,
});

const alerts = [
  alert('a1'),
  alert('a2', { severity: 'warning', acknowledged_at: '2026-12-01T10:05:00Z', acknowledged_by: 'on-call', silenced: true, flapping: true, no_data: true }),
  alert('a3', { state: 'resolved', resolved_at: '2026-12-01T11:00:00Z', raised_at: '2026-12-01T09:00:00Z' }),
];

function api() {
  return fakeRoutes({
    'GET alerts': () => json({ status: 'success', count: alerts.length, alerts }),
    'POST alerts/a1/acknowledge': () => json({ status: 'success', alert: alerts[0] }),
    'POST silences': (_u, body) => json({ status: 'success', silence: { id: 'sil-0123456789ab', ...(body as object) } }, 201),
  });
}

afterEach(() => configureApi({ fetch: (...args) => globalThis.fetch(...args) }));

const route = (href: string) => {
  const r = parseRoute(href);
  if (r.page !== 'alerts') throw new Error(`not the alerts page: ${href}`);
  return r.filters;
};

describe('the Alerts page', () => {
  it('reads its filters from the address and asks the server with them', async () => {
    const fake = api();
    configureApi({ fetch: fake.fetch });
    render(withRole('reader', <AlertsPage filters={route('/alerts?severity=critical&state=silenced&host=web-1&tag=env:prod&tag=role:db')} navigate={() => {}} />));
    await screen.findByTestId('fleet-alerts-table');
    const url = fake.callsTo('GET', 'alerts')[0].url;
    expect(url.searchParams.get('severity')).toBe('critical');
    expect(url.searchParams.get('state')).toBe('silenced');
    expect(url.searchParams.get('host')).toBe('web-1');
    expect(url.searchParams.getAll('tag')).toEqual(['env:prod', 'role:db']);
  });

  it('ignores a state or severity the server does not know in a pasted address', () => {
    expect(route('/alerts?severity=loud&state=sleeping&tag=nocolon')).toEqual({ severity: null, state: null, host: null, tags: [] });
  });

  it('badges each state an open alert is in, and lists open ones before resolved ones', async () => {
    configureApi({ fetch: api().fetch });
    render(withRole('reader', <AlertsPage filters={route('/alerts')} navigate={() => {}} />));
    const rows = within(await screen.findByTestId('fleet-alerts-table')).getAllByRole('row').slice(1);
    expect(within(rows[0]).getByTestId('alert-state').textContent).toBe('open');
    expect(within(rows[1]).getByTestId('alert-state').textContent).toBe('openacknowledgedsilencedflappingno data');
    expect(within(rows[2]).getByTestId('alert-state').textContent).toBe('resolved');
    expect(rows[0].textContent).toContain('Data disk');
    expect(rows[0].textContent).toContain('env=prod');
  });

  it('shows a reader the alerts with the operator note and no buttons', async () => {
    configureApi({ fetch: api().fetch });
    render(withRole('reader', <AlertsPage filters={route('/alerts')} navigate={() => {}} />));
    const table = await screen.findByTestId('fleet-alerts-table');
    expect(screen.getByTestId('operator-note').textContent).toContain('needs the operator role');
    expect(within(table).queryByRole('button')).toBeNull();
  });

  it('changes the address when a filter changes, so the view can be shared', async () => {
    configureApi({ fetch: api().fetch });
    const hrefs: string[] = [];
    render(withRole('operator', <AlertsPage filters={route('/alerts?state=open')} navigate={(h) => hrefs.push(h)} />));
    const host = await screen.findByLabelText('Host');
    fireEvent.change(host, { target: { value: 'db-2' } });
    fireEvent.keyDown(host, { key: 'Enter' });
    expect(hrefs).toEqual(['/alerts?state=open&host=db-2']);
  });

  it('acknowledges an open alert from its row', async () => {
    const fake = api();
    configureApi({ fetch: fake.fetch });
    render(withRole('operator', <AlertsPage filters={route('/alerts')} navigate={() => {}} />));
    fireEvent.click(await screen.findByRole('button', { name: 'Acknowledge Data disk full (a1) on web-1' }));
    await waitFor(() => expect(fake.callsTo('POST', 'alerts/a1/acknowledge')).toHaveLength(1));
    await waitFor(() => expect(fake.callsTo('GET', 'alerts').length).toBeGreaterThan(1));
    // Already acknowledged and silenced: nothing to do from its row.
    expect(screen.queryByRole('button', { name: 'Acknowledge Data disk full (a2) on web-1' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Silence Data disk full (a2) on web-1' })).toBeNull();
  });

  it('silences an alert for the chosen length with its host and rule as matchers', async () => {
    const fake = api();
    configureApi({ fetch: fake.fetch });
    render(withRole('operator', <AlertsPage filters={route('/alerts')} navigate={() => {}} />));
    fireEvent.click(await screen.findByRole('button', { name: 'Silence Data disk full (a1) on web-1' }));
    fireEvent.click(await screen.findByLabelText('4 hours'));
    fireEvent.click(screen.getByRole('button', { name: 'Silence' }));
    await waitFor(() => expect(fake.callsTo('POST', 'silences')).toHaveLength(1));
    const body = fake.callsTo('POST', 'silences')[0].body as { matchers: unknown; ends_at: string };
    expect(body.matchers).toEqual({ host: 'web-1', rule_id: 'rule-0123456789ab' });
    expect(Date.parse(body.ends_at) - Date.now()).toBeGreaterThan(4 * 3600_000 - 60_000);
    expect(Date.parse(body.ends_at) - Date.now()).toBeLessThanOrEqual(4 * 3600_000);
  });

  it('takes a custom length in minutes, hours or days, and refuses none or more than a year', () => {
    expect(chosenMinutes('15', '', '1')).toBe(15);
    expect(chosenMinutes('custom', 90, '1')).toBe(90);
    expect(chosenMinutes('custom', 2, '1440')).toBe(2880);
    expect(chosenMinutes('custom', 0, '60')).toMatch(/at least one minute/);
    expect(chosenMinutes('custom', 400, '1440')).toMatch(/at most a year/);
  });
});
