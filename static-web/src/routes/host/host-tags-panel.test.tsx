import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { configureApi } from '../../lib/api';
import type { HostTagsResponse } from '../../lib/types';
import { fakeRoutes, json } from '../../test/fake-routes';
import { withRole } from '../../test/role-harness';
import { HostTagsPanel } from './host-tags-panel';

const reply: HostTagsResponse = {
  status: 'success',
  host_id: 'web/1',
  tags: { env: 'prod', role: 'web', team: 'core' },
  sources: { env: 'operator', role: 'agent', team: 'enrollment' },
  agent: { role: 'web', env: 'staging' },
  enrollment: { team: 'core' },
  operator: { env: 'prod' },
};

function api(put: (body: unknown) => Response = (body) => json({ ...reply, ...(body as object), operator: (body as { tags: object }).tags })) {
  return fakeRoutes({ 'GET tags': () => json(reply), 'PUT tags': (_url, body) => put(body) });
}

function typeTag(text: string) {
  const input = screen.getByRole('combobox', { name: 'Operator tags' });
  input.focus();
  fireEvent.change(input, { target: { value: text } });
  fireEvent.keyDown(input, { key: 'Enter' });
}

afterEach(() => configureApi({ fetch: (...args) => globalThis.fetch(...args) }));

describe('the host tags panel', () => {
  it('shows each effective tag with where it came from, and tells a reader that changing them needs the operator role', async () => {
    const fake = api();
    configureApi({ fetch: fake.fetch });
    render(withRole('reader', <HostTagsPanel hostId="web/1" />));
    const tags = await screen.findAllByTestId('host-tag');
    expect(tags.map((t) => t.textContent)).toEqual(['env=prod · operator', 'role=web · agent', 'team=core · enrollment']);
    expect(fake.calls[0].url.search).toBe('?host=web%2F1');
    expect(screen.queryByRole('button', { name: 'Edit tags' })).toBeNull();
    expect(screen.getByTestId('operator-note').textContent).toContain("Changing this host's tags needs the operator role");
  });

  it('lets an operator replace the operator tags, starting from the operator’s own, and shows the new effective tags', async () => {
    const fake = api(() => json({ ...reply, tags: { env: 'prod', role: 'web', team: 'core', tier: 'gold' }, sources: { ...reply.sources, tier: 'operator' }, operator: { env: 'prod', tier: 'gold' } }));
    configureApi({ fetch: fake.fetch });
    render(withRole('operator', <HostTagsPanel hostId="web/1" />));
    fireEvent.click(await screen.findByRole('button', { name: 'Edit tags' }));
    const form = await screen.findByTestId('host-tags-form');
    expect(within(form).getByText(/env=staging \(agent\), role=web \(agent\), team=core \(enrollment\)/)).toBeTruthy();
    expect(screen.queryByTestId('operator-note')).toBeNull();
    typeTag('tier=gold');
    fireEvent.click(screen.getByRole('button', { name: 'Save tags' }));

    await waitFor(() => expect(fake.callsTo('PUT', 'tags')).toHaveLength(1));
    const put = fake.callsTo('PUT', 'tags')[0];
    expect(put.url.search).toBe('?host=web%2F1');
    expect(put.body).toEqual({ tags: { env: 'prod', tier: 'gold' } });
    await waitFor(() => expect(screen.getAllByTestId('host-tag').map((t) => t.textContent)).toContain('tier=gold · operator'));
    await waitFor(() => expect(screen.queryByTestId('host-tags-form')).toBeNull());
  });

  it('checks the tags before sending, and shows the server’s field errors beside the field', async () => {
    const problem = { title: 'Bad Request', status: 400, detail: 'The tags are not valid; nothing was changed.', errors: { 'tags.env': ['The tag value may not be longer than 128 characters.'] } };
    const fake = api(() => json(problem, 400, 'application/problem+json'));
    configureApi({ fetch: fake.fetch });
    render(withRole('operator', <HostTagsPanel hostId="web/1" />));
    fireEvent.click(await screen.findByRole('button', { name: 'Edit tags' }));
    await screen.findByTestId('host-tags-form');

    typeTag('9lives=yes');
    fireEvent.click(screen.getByRole('button', { name: 'Save tags' }));
    expect(screen.getByText(/Tag key '9lives' must start with a letter/)).toBeTruthy();
    expect(fake.callsTo('PUT', 'tags')).toHaveLength(0);

    const input = screen.getByRole('combobox', { name: 'Operator tags' });
    input.focus();
    fireEvent.keyDown(input, { key: 'Backspace' });
    fireEvent.click(screen.getByRole('button', { name: 'Save tags' }));
    expect(await screen.findByText('The tag value may not be longer than 128 characters.')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('host-tags-error').textContent).toBe('Tags not changedThe tags are not valid; nothing was changed.');
  });

  it('clears the operator tags with an emptied field', async () => {
    const fake = api();
    configureApi({ fetch: fake.fetch });
    render(withRole('operator', <HostTagsPanel hostId="web/1" />));
    fireEvent.click(await screen.findByRole('button', { name: 'Edit tags' }));
    await screen.findByTestId('host-tags-form');
    const input = screen.getByRole('combobox', { name: 'Operator tags' });
    input.focus();
    fireEvent.keyDown(input, { key: 'Backspace' });
    fireEvent.click(screen.getByRole('button', { name: 'Save tags' }));
    await waitFor(() => expect(fake.callsTo('PUT', 'tags')[0]?.body).toEqual({ tags: {} }));
  });

  it('says a host that has not reported has no tags yet, without an error', async () => {
    configureApi({ fetch: fakeRoutes({ 'GET tags': () => json({ title: 'Not Found', status: 404, detail: 'No host web/1.' }, 404, 'application/problem+json') }).fetch });
    render(withRole('operator', <HostTagsPanel hostId="web/1" />));
    expect(await screen.findByText(/has not reported yet/)).toBeTruthy();
    expect(screen.queryByTestId('error-state')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit tags' })).toBeNull();
  });
});
