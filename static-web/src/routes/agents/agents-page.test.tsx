import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { configureApi } from '../../lib/api';
import type { AgentView, EnrollmentTokenView } from '../../lib/agent-types';
import { fakeRoutes, json } from '../../test/fake-routes';
import { withRole } from '../../test/role-harness';
import { AgentsPage } from './agents-page';

const agents: AgentView[] = [
  { agent_id: 'a1', name: 'web-1', host_ids: ['web-1'], created: '2026-11-30T10:00:00Z', last_used: '2026-12-01T10:00:00Z', revoked: false, tags: { env: 'prod' }, issued_by: 'operator' },
  { agent_id: 'a2', name: 'old', host_ids: ['db-9'], created: '2026-10-01T10:00:00Z', revoked: true, revoked_at: '2026-11-01T10:00:00Z', issued_by: 'admin' },
];
const tokens: EnrollmentTokenView[] = [
  { token_id: 't1', name: 'vmss rollout', created: '2026-11-30T10:00:00Z', expires_at: '2099-01-01T00:00:00Z', max_hosts: 10, hosts_enrolled: 2, host_pattern: 'web-*', revoked: false },
];

function api() {
  return fakeRoutes({
    'GET agents': () => json({ agents }),
    'DELETE agents/a1': () => json({ id: 'a1', revoked: true }),
    'POST agents/a1/rotate': () =>
      json({ agent_id: 'a1', key: 'ifa_a1.new', old_key_expires_at: '2026-12-02T10:00:00Z', install_command: 'curl -fsSL https://dash.example/agent/install.sh | sudo bash -s -- --endpoint https://func.example --key ifa_a1.new' }),
    'GET enrollment-tokens': () => json({ enrollment_tokens: tokens }),
    'POST enrollment-tokens': (_url, body) => json({ ...(body as object), token_id: 't2', token: 'ife_t2.secret', hosts_enrolled: 0, revoked: false }, 201),
    'DELETE enrollment-tokens/t1': () => new Response(null, { status: 204 }),
  });
}

afterEach(() => configureApi({ fetch: (...args) => globalThis.fetch(...args) }));

describe('the Agents page', () => {
  it('tells a reader it needs the operator role and asks for no keys or tokens', async () => {
    const fake = api();
    configureApi({ fetch: fake.fetch });
    render(withRole('reader', <AgentsPage />));
    expect(screen.getByTestId('operator-note').textContent).toContain('needs the operator role');
    expect(screen.queryByRole('button')).toBeNull();
    expect(fake.calls).toHaveLength(0);
  });

  it('lists agent keys with hosts, issuer, tags and state, and never a secret', async () => {
    configureApi({ fetch: api().fetch });
    render(withRole('operator', <AgentsPage />));
    const table = await screen.findByTestId('agents-table');
    const rows = within(table).getAllByRole('row');
    expect(rows[1].textContent).toContain('web-1');
    expect(rows[1].textContent).toContain('operator');
    expect(rows[1].textContent).toContain('env=prod');
    expect(rows[2].textContent).toContain('revoked');
    expect(within(rows[2]).queryByRole('button')).toBeNull();
    expect(table.textContent).not.toMatch(/ifa_/);
  });

  it('rotates a key with the chosen grace period and shows the new key and its command once', async () => {
    const fake = api();
    configureApi({ fetch: fake.fetch });
    render(withRole('operator', <AgentsPage />));
    fireEvent.click(await screen.findByRole('button', { name: 'Rotate the key of web-1' }));
    fireEvent.click(await screen.findByLabelText('24 hours'));
    fireEvent.click(screen.getByRole('button', { name: 'Rotate key' }));

    expect((await screen.findByTestId('secret-value')).textContent).toBe('ifa_a1.new');
    expect(screen.getByTestId('install-command').textContent).toContain('--key ifa_a1.new');
    expect(fake.callsTo('POST', 'agents/a1/rotate')[0].body).toEqual({ grace_seconds: 86_400 });
  });

  it('revokes a key only after the confirmation', async () => {
    const fake = api();
    configureApi({ fetch: fake.fetch });
    render(withRole('operator', <AgentsPage />));
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke the key of web-1' }));
    await screen.findByText('Revoke this agent key?');
    expect(fake.callsTo('DELETE', 'agents/a1')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Revoke key' }));
    await waitFor(() => expect(fake.callsTo('DELETE', 'agents/a1')).toHaveLength(1));
  });

  it('lists enrollment tokens with hosts enrolled, and revokes one after the confirmation', async () => {
    const fake = api();
    configureApi({ fetch: fake.fetch });
    render(withRole('operator', <AgentsPage />));
    const row = within(await screen.findByTestId('tokens-table')).getAllByRole('row')[1];
    expect(row.textContent).toContain('vmss rollout');
    expect(row.textContent).toContain('2 of 10');
    expect(row.textContent).toContain('web-*');
    expect(row.textContent).toContain('active');
    fireEvent.click(within(row).getByRole('button', { name: 'Revoke enrollment token vmss rollout' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke token' }));
    await waitFor(() => expect(fake.callsTo('DELETE', 'enrollment-tokens/t1')).toHaveLength(1));
  });

  it('creates an enrollment token and shows it once with the --enroll form of the install command', async () => {
    const fake = api();
    configureApi({ fetch: fake.fetch, baseUrl: 'https://func.example' });
    render(withRole('operator', <AgentsPage />));
    fireEvent.click(await screen.findByRole('button', { name: 'New enrollment token' }));
    fireEvent.change(await screen.findByLabelText(/^Name/), { target: { value: 'vmss' } });
    fireEvent.change(screen.getByLabelText(/Most hosts/), { target: { value: '5' } });
    fireEvent.change(screen.getByLabelText(/Host id pattern/), { target: { value: 'web-*' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));

    expect((await screen.findByTestId('secret-value')).textContent).toBe('ife_t2.secret');
    // The bases are those of the last install command the server sent (lib/install-bases.test.ts covers the choice).
    expect(screen.getByTestId('install-command').textContent).toMatch(
      /^curl -fsSL https?:\/\/[^ ]+\/agent\/install\.sh \| sudo bash -s -- --endpoint https:\/\/func\.example --enroll ife_t2\.secret$/,
    );
    const body = fake.callsTo('POST', 'enrollment-tokens')[0].body as Record<string, unknown>;
    expect(body).toMatchObject({ name: 'vmss', max_hosts: 5, host_pattern: 'web-*' });
    expect(Date.parse(String(body.expires_at)) - Date.now()).toBeGreaterThan(23 * 3600_000);
    configureApi({ baseUrl: '' });
  });
});
