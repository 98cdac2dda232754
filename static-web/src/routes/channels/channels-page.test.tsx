import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { configureApi } from '../../lib/api';
import type { Channel } from '../../lib/channel-types';
import { fakeRoutes, json } from '../../test/fake-routes';
import { withRole } from '../../test/role-harness';
import { ChannelsPage } from './channels-page';

const slack: Channel = {
  id: 'ch-aaaaaaaaaaaa', name: 'On-call Slack', kind: 'slack', default: false, source: 'api', url_hint: 'https://hooks.slack.com/…a1b2',
  routing_key_hint: null, api_key_hint: null, updated_at: '2026-12-01T10:00:00Z', updated_by: 'on-call',
};
const configured: Channel = { ...slack, id: 'config-webhook-0', name: 'Webhook 1', kind: 'webhook', default: true, source: 'configuration', url_hint: 'https://hooks.example/…9f00' };
const pager: Channel = { ...slack, id: 'ch-bbbbbbbbbbbb', name: 'Pager', kind: 'pagerduty', url_hint: null, routing_key_hint: '…7c1d' };

function api() {
  return fakeRoutes({
    'GET channels': () => json({ status: 'success', count: 3, channels: [configured, slack, pager] }),
    'POST channels': (_u, body) => json({ status: 'success', channel: { ...slack, ...(body as object), id: 'ch-cccccccccccc' } }, 201),
    'PUT channels/ch-bbbbbbbbbbbb': (_u, body) => json({ status: 'success', channel: { ...pager, ...(body as object) } }),
    'DELETE channels/ch-aaaaaaaaaaaa': () => json({ status: 'success', deleted: slack.id }),
    'POST channels/ch-aaaaaaaaaaaa/test': () => json({ status: 'success', delivered: false, receiver_status: 404, receiver_reply: 'no_service', duration_ms: 41, error: 'The receiver answered 404.' }),
  });
}

afterEach(() => configureApi({ fetch: (...args) => globalThis.fetch(...args) }));

describe('the Channels page', () => {
  it('lists channels with masked hints and their source, and configured ones cannot be edited or deleted', async () => {
    configureApi({ fetch: api().fetch });
    render(withRole('operator', <ChannelsPage />));
    const rows = within(await screen.findByTestId('channels-table')).getAllByRole('row').slice(1);
    expect(rows[0].textContent).toContain('app setting');
    expect(rows[0].textContent).toContain('https://hooks.example/…9f00');
    expect(within(rows[0]).queryByRole('button', { name: /Edit|Delete/ })).toBeNull();
    expect(within(rows[0]).getByRole('button', { name: 'Send a test through Webhook 1' })).toBeTruthy();
    expect(rows[2].textContent).toContain('key …7c1d');
  });

  it('shows a reader the channels with the note and no buttons', async () => {
    configureApi({ fetch: api().fetch });
    render(withRole('reader', <ChannelsPage />));
    await screen.findByTestId('channels-table');
    expect(screen.getByTestId('operator-note').textContent).toContain('needs the operator role');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('creates a Slack channel with its URL', async () => {
    const fake = api();
    configureApi({ fetch: fake.fetch });
    render(withRole('operator', <ChannelsPage />));
    fireEvent.click(await screen.findByRole('button', { name: 'New channel' }));
    fireEvent.change(await screen.findByLabelText(/^Name/), { target: { value: 'Ops' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create channel' }));
    expect(await screen.findByText('Give the incoming webhook url.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Incoming webhook URL/), { target: { value: 'https://hooks.slack.com/services/T/B/x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create channel' }));
    await waitFor(() => expect(fake.callsTo('POST', 'channels')).toHaveLength(1));
    expect(fake.callsTo('POST', 'channels')[0].body).toEqual({ name: 'Ops', kind: 'slack', default: false, url: 'https://hooks.slack.com/services/T/B/x' });
  });

  it('edits a channel without showing its secrets, and leaving them empty keeps the stored ones', async () => {
    const fake = api();
    configureApi({ fetch: fake.fetch });
    render(withRole('operator', <ChannelsPage />));
    fireEvent.click(await screen.findByRole('button', { name: 'Edit channel Pager' }));
    const key = (await screen.findByLabelText(/^Routing key/)) as HTMLInputElement;
    expect(key.value).toBe('');
    expect(screen.getByText('Leave empty to keep the stored one (…7c1d).')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Name/), { target: { value: 'Pager (prod)' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save channel' }));
    await waitFor(() => expect(fake.callsTo('PUT', 'channels/ch-bbbbbbbbbbbb')).toHaveLength(1));
    expect(fake.callsTo('PUT', 'channels/ch-bbbbbbbbbbbb')[0].body).toEqual({ name: 'Pager (prod)', kind: 'pagerduty', default: false });
  });

  it('sends a test and shows what the receiver answered', async () => {
    const fake = api();
    configureApi({ fetch: fake.fetch });
    render(withRole('operator', <ChannelsPage />));
    fireEvent.click(await screen.findByRole('button', { name: 'Send a test through On-call Slack' }));
    const result = await screen.findByTestId('test-result');
    expect(result.textContent).toContain('not delivered');
    expect(result.textContent).toContain('HTTP 404');
    expect(screen.getByTestId('receiver-reply').textContent).toBe('no_service');
    expect(fake.callsTo('POST', 'channels/ch-aaaaaaaaaaaa/test')).toHaveLength(1);
  });

  it('deletes a channel after the confirmation', async () => {
    const fake = api();
    configureApi({ fetch: fake.fetch });
    render(withRole('operator', <ChannelsPage />));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete channel On-call Slack' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete channel' }));
    await waitFor(() => expect(fake.callsTo('DELETE', 'channels/ch-aaaaaaaaaaaa')).toHaveLength(1));
  });
});
