import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureApi } from '../../lib/api';
import type { HostView } from '../../lib/types';
import { fakeRoutes, json } from '../../test/fake-routes';
import { withRole } from '../../test/role-harness';
import { FleetPage } from './fleet-page';

const command = 'curl -fsSL http://dash.test/agent/install.sh | sudo bash -s -- --endpoint http://api.test --key ifa_a1.secret';
const row = (host_id: string, last_seen: string) =>
  ({ host_id, hostname: host_id, os: 'Linux', status: 'healthy', health_score: 100, level: 'healthy', cpu_percent: 1, memory_percent: 1, disk_percent: 1, first_seen: last_seen, last_seen, latest_timestamp: last_seen, interval_seconds: 30, stale: false }) as HostView;

/** The fleet before the key is issued is `before`; once the key is issued it is `after`. */
function api(before: HostView[], after: HostView[]) {
  let issued = false;
  return fakeRoutes({
    'GET hosts': () => json({ status: 'success', count: 0, hosts: issued ? after : before }),
    'POST agents': (_url, body) => {
      issued = true;
      const { host_id, tags } = body as { host_id: string; tags?: Record<string, string> };
      return json({ agent_id: 'a1', key: 'ifa_a1.secret', install_command: command, host_id, tags: tags ?? {} }, 201);
    },
  });
}

function fleet(role: 'operator' | 'reader', onOpen = vi.fn()) {
  render(withRole(role, <FleetPage onOpen={onOpen} autoRefresh={false} setAutoRefresh={() => {}} />));
  return onOpen;
}

async function openDialog() {
  fireEvent.click(await screen.findByRole('button', { name: 'Add host' }));
  await screen.findByLabelText(/Host id/);
}

function addTag(text: string) {
  const input = screen.getByRole('combobox', { name: 'Tags' });
  // The field takes typing only while it has the focus (other writes are autofill).
  input.focus();
  fireEvent.change(input, { target: { value: text } });
  fireEvent.keyDown(input, { key: 'Enter' });
}

afterEach(() => configureApi({ fetch: (...args) => globalThis.fetch(...args) }));

describe('Add host', () => {
  it('is not offered to a reader', async () => {
    configureApi({ fetch: api([], []).fetch });
    fleet('reader');
    await screen.findByText('No hosts yet');
    expect(screen.queryByRole('button', { name: 'Add host' })).toBeNull();
  });

  it('issues a key for the host id and tags, shows it once with the install command, then the first sample links to the host', async () => {
    const fake = api([row('db-1', '2026-12-01T10:00:00Z')], [row('db-1', '2026-12-01T10:00:00Z'), row('web-1', '2026-12-01T10:05:00Z')]);
    configureApi({ fetch: fake.fetch });
    const onOpen = fleet('operator');

    await openDialog();
    expect(screen.getByText(/as `hostname` prints it/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Host id/), { target: { value: ' web-1 ' } });
    addTag('env=prod');
    addTag('role=web frontend');
    fireEvent.click(screen.getByRole('button', { name: 'Issue key' }));

    expect((await screen.findByTestId('secret-value')).textContent).toBe('ifa_a1.secret');
    expect(screen.getByTestId('install-command').textContent).toBe(command);
    expect(screen.getByText(/shown only this once/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy agent key' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy install command' })).toBeTruthy();
    expect(fake.callsTo('POST', 'agents')[0].body).toEqual({ host_id: 'web-1', tags: { env: 'prod', role: 'web frontend' } });

    const link = await within(await screen.findByTestId('first-sample')).findByRole('link', { name: 'Open web-1' });
    expect(screen.getByText('First sample received')).toBeTruthy();
    expect(link.getAttribute('href')).toBe('/host?id=web-1');
    fireEvent.click(link);
    expect(onOpen).toHaveBeenCalledWith('/host?id=web-1');
  });

  it('keeps waiting while a host already in the fleet has not posted since the key was issued', async () => {
    const same = [row('web-1', '2026-12-01T10:00:00Z')];
    const fake = api(same, same);
    configureApi({ fetch: fake.fetch });
    fleet('operator');

    await openDialog();
    fireEvent.change(screen.getByLabelText(/Host id/), { target: { value: 'web-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Issue key' }));

    await screen.findByTestId('secret-value');
    await waitFor(() => expect(fake.callsTo('GET', 'hosts').length).toBeGreaterThanOrEqual(3));
    expect(screen.getByTestId('waiting-for-sample').textContent).toContain('Waiting for the first sample from web-1');
    expect(screen.queryByTestId('first-sample')).toBeNull();
  });

  it('checks the host id and tags before sending, and shows the server’s field errors beside them', async () => {
    const fake = fakeRoutes({
      'GET hosts': () => json({ status: 'success', count: 0, hosts: [] }),
      'POST agents': () =>
        json({ title: 'Bad Request', status: 400, detail: 'Nothing was issued.', errors: { host_id: ['The host id is 1-256 characters.'] } }, 400, 'application/problem+json'),
    });
    configureApi({ fetch: fake.fetch });
    fleet('operator');

    await openDialog();
    addTag('9lives=yes');
    fireEvent.click(screen.getByRole('button', { name: 'Issue key' }));
    expect(screen.getByText('Enter the host id.')).toBeTruthy();
    expect(screen.getByText(/Tag key '9lives' must start with a letter/)).toBeTruthy();
    expect(fake.callsTo('POST', 'agents')).toHaveLength(0);

    const tags = screen.getByRole('combobox', { name: 'Tags' });
    tags.focus();
    fireEvent.keyDown(tags, { key: 'Backspace' });
    expect(screen.queryByText(/Tag key '9lives'/)).toBeNull();
    fireEvent.change(screen.getByLabelText(/Host id/), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Issue key' }));
    expect(await screen.findByText('The host id is 1-256 characters.')).toBeTruthy();
    // The alert carries the detail; the field error stays beside its field, not repeated in the alert.
    expect(screen.getByTestId('add-host-error').textContent).toContain('Nothing was issued.');
    expect(screen.getByTestId('add-host-error').textContent).not.toContain('1-256');
  });
});
