import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { configureApi } from '../../lib/api';
import type { Silence } from '../../lib/silence-types';
import { fakeRoutes, json } from '../../test/fake-routes';
import { withRole } from '../../test/role-harness';
import { bodyOf, newSilence } from './silence-draft';
import { SilencesPage } from './silences-page';

const base: Omit<Silence, 'id'> = {
  matchers: { host: null, tags: null, rule_id: null }, starts_at: null, ends_at: null, cron: null, duration_minutes: null, time_zone: null,
  comment: null, created_by: 'on-call', created_at: '2026-11-01T00:00:00Z', active: false, current_window: null, next_window: null,
};
const silences: Silence[] = [
  { ...base, id: 'sil-ended0000000', matchers: { host: 'old-1', tags: null, rule_id: null }, starts_at: '2026-11-01T00:00:00Z', ends_at: '2026-11-02T00:00:00Z' },
  { ...base, id: 'sil-weekly000000', matchers: { host: null, tags: { env: 'prod' }, rule_id: null }, cron: '0 2 * * 0', duration_minutes: 120, time_zone: 'Europe/Berlin',
    next_window: { starts_at: '2026-12-06T01:00:00Z', ends_at: '2026-12-06T03:00:00Z' } },
  { ...base, id: 'sil-now000000000', matchers: { host: 'web-1', tags: null, rule_id: 'rule-0123456789ab' }, starts_at: '2026-12-01T00:00:00Z', ends_at: '2026-12-01T04:00:00Z', active: true,
    current_window: { starts_at: '2026-12-01T00:00:00Z', ends_at: '2026-12-01T04:00:00Z' }, comment: 'disk swap' },
];

function api() {
  return fakeRoutes({
    'GET silences': () => json({ status: 'success', count: silences.length, silences }),
    'GET rules': () => json({ status: 'success', count: 1, rules: [{ id: 'rule-0123456789ab', name: 'Data disk', built_in: false }] }),
    'POST silences': (_u, body) => json({ status: 'success', silence: { ...base, id: 'sil-new000000000', ...(body as object) } }, 201),
    'DELETE silences/sil-now000000000': () => json({ status: 'success', deleted: 'sil-now000000000' }),
  });
}

afterEach(() => configureApi({ fetch: (...args) => globalThis.fetch(...args) }));

describe('the Silences page', () => {
  it('lists active silences first, then upcoming, then ended, with what they match and their windows', async () => {
    configureApi({ fetch: api().fetch });
    render(withRole('reader', <SilencesPage />));
    const rows = within(await screen.findByTestId('silences-table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent?.match(/^(active|upcoming|ended)/)?.[1])).toEqual(['active', 'upcoming', 'ended']);
    expect(rows[0].textContent).toContain('host web-1 and rule Data disk');
    expect(rows[1].textContent).toContain('0 2 * * 0 for 120 min (Europe/Berlin)');
    expect(screen.getByTestId('operator-note').textContent).toContain('needs the operator role');
    expect(screen.queryByRole('button', { name: /Delete|New silence/ })).toBeNull();
  });

  it('creates a recurring silence from an example, with its cron, length and time zone', async () => {
    const fake = api();
    configureApi({ fetch: fake.fetch });
    render(withRole('operator', <SilencesPage />));
    fireEvent.click(await screen.findByRole('button', { name: 'New silence' }));
    fireEvent.change(await screen.findByLabelText(/^Host$/), { target: { value: 'db-1' } });
    fireEvent.click(screen.getByText('Recurring'));
    fireEvent.click(await screen.findByRole('button', { name: 'Every Sunday 02:00–04:00 Europe/Berlin' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create silence' }));
    await waitFor(() => expect(fake.callsTo('POST', 'silences')).toHaveLength(1));
    expect(fake.callsTo('POST', 'silences')[0].body).toEqual({ matchers: { host: 'db-1' }, cron: '0 2 * * 0', duration_minutes: 120, time_zone: 'Europe/Berlin' });
  });

  it('refuses a silence that matches nothing or ends before it starts, before sending', async () => {
    const fake = api();
    configureApi({ fetch: fake.fetch });
    render(withRole('operator', <SilencesPage />));
    fireEvent.click(await screen.findByRole('button', { name: 'New silence' }));
    fireEvent.change(await screen.findByLabelText(/^Starts/), { target: { value: '2030-01-02T10:00' } });
    fireEvent.change(screen.getByLabelText(/^Ends/), { target: { value: '2030-01-02T09:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create silence' }));
    expect(await screen.findByText('Say what it silences: a host, tags, a rule, or a combination.')).toBeTruthy();
    expect(screen.getByText('The end is after the start, and in the future.')).toBeTruthy();
    expect(fake.callsTo('POST', 'silences')).toHaveLength(0);
  });

  it('sends a one-off window as UTC instants from the browser’s local times', () => {
    const body = bodyOf({ ...newSilence('UTC'), tagChips: ['env=prod'], startsAt: '2030-01-02T10:00', endsAt: '2030-01-02T12:30' });
    expect(body).toEqual({ matchers: { tags: { env: 'prod' } }, starts_at: new Date('2030-01-02T10:00').toISOString(), ends_at: new Date('2030-01-02T12:30').toISOString() });
  });

  it('deletes a silence after the confirmation', async () => {
    const fake = api();
    configureApi({ fetch: fake.fetch });
    render(withRole('operator', <SilencesPage />));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete silence of host web-1 and rule Data disk' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete silence' }));
    await waitFor(() => expect(fake.callsTo('DELETE', 'silences/sil-now000000000')).toHaveLength(1));
  });
});
