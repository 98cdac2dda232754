import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { configureApi } from '../../lib/api';
import type { HostAgentSettingsResponse } from '../../lib/agent-types';
import { fakeRoutes, json } from '../../test/fake-routes';
import { withRole } from '../../test/role-harness';
import { AgentSettingsPanel } from './agent-settings-panel';

const reply: HostAgentSettingsResponse = {
  host_id: 'web/1',
  settings: { watch: ['nginx'], top: 5, sources: { watch: 'host', top: 'tag env=prod' } },
  in_force: [
    { name: 'watch', value: 'nginx', source: 'server', scope: 'host' },
    { name: 'top', value: '5', source: 'server', scope: 'tag env=prod' },
    { name: 'sample_interval_seconds', value: '15', source: 'file' },
  ],
  reported_at: new Date().toISOString(),
};

function api(put: (body: unknown) => Response = () => json({})) {
  return fakeRoutes({
    'GET agent-settings': () => json(reply),
    'PUT agent-settings': (_url, body) => put(body),
    'DELETE agent-settings': () => new Response(null, { status: 204 }),
  });
}

afterEach(() => configureApi({ fetch: (...args) => globalThis.fetch(...args) }));

describe('the agent settings panel', () => {
  it('shows each setting in force with its value, source and scope, and a reader cannot edit', async () => {
    const fake = api();
    configureApi({ fetch: fake.fetch });
    render(withRole('reader', <AgentSettingsPanel hostId="web/1" />));
    const rows = within(await screen.findByTestId('settings-in-force')).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual(['SettingValueSourceScope', 'watchnginxserverhost', 'top5servertag env=prod', 'sample_interval_seconds15file—']);
    expect(screen.getByTestId('settings-pushed').textContent).toContain('top processes 5 (tag env=prod)');
    expect(screen.queryByRole('button', { name: 'Edit pushed settings' })).toBeNull();
    expect(fake.calls[0].url.search).toBe('?host=web%2F1');
  });

  it('lets an operator set the host’s pushed settings, starting from the host scope’s own values', async () => {
    const fake = api();
    configureApi({ fetch: fake.fetch });
    render(withRole('operator', <AgentSettingsPanel hostId="web/1" />));
    fireEvent.click(await screen.findByRole('button', { name: 'Edit pushed settings' }));
    const interval = await screen.findByLabelText('Sample interval (s)');
    expect(screen.getByText(/Empty: 5 from tag env=prod/)).toBeTruthy();
    fireEvent.change(interval, { target: { value: '10' } });
    fireEvent.click(screen.getByLabelText('temperatures'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(fake.callsTo('PUT', 'agent-settings')).toHaveLength(1));
    const put = fake.callsTo('PUT', 'agent-settings')[0];
    expect(put.url.search).toBe('?host=web%2F1');
    expect(put.body).toEqual({ watch: ['nginx'], sample_interval_seconds: 10, collectors: ['temperatures'] });
  });

  it('shows the server’s field errors beside their fields', async () => {
    const problem = { title: 'Bad Request', status: 400, detail: 'These settings are not valid; nothing was changed.', errors: { top: ['top is 0-100; 500 is not.'], 'watch[0]': ['A name may not hold control characters.'] } };
    configureApi({ fetch: api(() => json(problem, 400, 'application/problem+json')).fetch });
    render(withRole('operator', <AgentSettingsPanel hostId="web/1" />));
    fireEvent.click(await screen.findByRole('button', { name: 'Edit pushed settings' }));
    await screen.findByLabelText('Top processes');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('top is 0-100; 500 is not.')).toBeTruthy();
    expect(screen.getByText('A name may not hold control characters.')).toBeTruthy();
    expect(screen.getByLabelText('Top processes').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('agent-settings-error').textContent).toBe('Settings not changedThese settings are not valid; nothing was changed.');
  });

  it('checks the bounds before saving, so an interval out of range is never sent', async () => {
    const fake = api();
    configureApi({ fetch: fake.fetch });
    render(withRole('operator', <AgentSettingsPanel hostId="web/1" />));
    fireEvent.click(await screen.findByRole('button', { name: 'Edit pushed settings' }));
    fireEvent.change(await screen.findByLabelText('Sample interval (s)'), { target: { value: '0.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('From 1 to 300 seconds.')).toBeTruthy();
    expect(fake.callsTo('PUT', 'agent-settings')).toHaveLength(0);
  });

  it('removes the host’s own settings when the form is emptied, since a PUT must set something', async () => {
    const fake = api();
    configureApi({ fetch: fake.fetch });
    render(withRole('operator', <AgentSettingsPanel hostId="web/1" />));
    fireEvent.click(await screen.findByRole('button', { name: 'Edit pushed settings' }));
    const watch = await screen.findByRole('combobox', { name: 'Watched processes' });
    watch.focus();
    fireEvent.keyDown(watch, { key: 'Backspace' });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(fake.callsTo('DELETE', 'agent-settings')).toHaveLength(1));
    expect(fake.callsTo('PUT', 'agent-settings')).toHaveLength(0);
  });
});
