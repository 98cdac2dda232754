import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { configureApi } from '../../lib/api';
import type { Rule } from '../../lib/rule-types';
import { fakeRoutes, json } from '../../test/fake-routes';
import { withRole } from '../../test/role-harness';
import { RulesPage } from './rules-page';

const builtIn: Rule = {
  id: 'builtin-cpu', name: 'CPU usage', metric: 'cpu.percent', scope: { host: null, tags: null }, condition: 'above', warning: 80, critical: 95,
  duration_seconds: 60, clear_margin: 5, channels: [], renotify_minutes: 0, enabled: true, built_in: true,
};
const own: Rule = {
  ...builtIn, id: 'rule-0123456789ab', name: 'Data disk', metric: 'disk.percent{mount=/data}', scope: { host: null, tags: { env: 'prod' } }, built_in: false, channels: ['ch-aaaaaaaaaaaa'],
};

const metrics = {
  status: 'success', count: 3,
  metrics: [
    { metric: 'cpu.percent', family: 'cpu.percent', title: 'CPU usage', unit: '%', hosts: 4 },
    { metric: 'disk.percent{mount=/data}', family: 'disk.percent', title: 'Disk usage', unit: '%', hosts: 3 },
    { metric: 'disk.percent{mount=/var}', family: 'disk.percent', title: 'Disk usage', unit: '%', hosts: 1 },
  ],
  families: [
    { name: 'cpu.percent', title: 'CPU usage', unit: '%', label: null, label_optional: false },
    { name: 'disk.percent', title: 'Disk usage', unit: '%', label: 'mount', label_optional: true },
  ],
};

function api(extra: Record<string, Parameters<typeof fakeRoutes>[0][string]> = {}) {
  return fakeRoutes({
    'GET rules': () => json({ status: 'success', count: 2, rules: [builtIn, own] }),
    'GET rules/metrics': () => json(metrics),
    'GET channels': () => json({ status: 'success', channels: [{ id: 'ch-aaaaaaaaaaaa', name: 'On-call Slack', kind: 'slack', default: false, source: 'api', url_hint: 'https://hooks.slack.com/…a1b2', routing_key_hint: null, api_key_hint: null }] }),
    'POST rules/preview': () => json({ status: 'success', matched: 2, hosts: [
      { host_id: 'web-1', hostname: 'web-1', value: 97.5, would_fire: 'critical', stale: false },
      { host_id: 'web-2', hostname: 'web-2', value: null, would_fire: null, stale: false },
    ] }),
    'POST rules': (_u, body) => json({ status: 'success', rule: { ...(body as object), id: 'rule-ffffffffffff', built_in: false } }, 201),
    'DELETE rules/rule-0123456789ab': () => json({ status: 'success', deleted: own.id }),
    ...extra,
  });
}

afterEach(() => configureApi({ fetch: (...args) => globalThis.fetch(...args) }));

describe('the Rules page', () => {
  it('lists built-in rules marked as such, with scope, levels and channel names', async () => {
    configureApi({ fetch: api().fetch });
    render(withRole('operator', <RulesPage edit={null} navigate={() => {}} />));
    const rows = within(await screen.findByTestId('rules-table')).getAllByRole('row').slice(1);
    expect(within(rows[0]).getByTestId('built-in')).toBeTruthy();
    expect(within(rows[1]).queryByTestId('built-in')).toBeNull();
    expect(rows[1].textContent).toContain('hosts tagged env=prod');
    expect(rows[1].textContent).toContain('above 80 warning, 95 critical');
    expect(rows[1].textContent).toContain('On-call Slack');
    expect(within(rows[0]).queryByRole('button', { name: /Delete/ })).toBeNull();
  });

  it('shows a reader the rules with the note, no new or delete buttons, and a read-only editor', async () => {
    const fake = api();
    configureApi({ fetch: fake.fetch });
    const view = render(withRole('reader', <RulesPage edit={null} navigate={() => {}} />));
    await screen.findByTestId('rules-table');
    expect(screen.getByTestId('operator-note').textContent).toContain('Creating and changing rules needs the operator role');
    expect(screen.queryByRole('button', { name: 'New rule' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Delete/ })).toBeNull();
    view.unmount();

    render(withRole('reader', <RulesPage edit={own.id} navigate={() => {}} />));
    const name = await screen.findByLabelText(/^Name/);
    expect((name as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save rule' })).toBeNull();
  });

  it('deletes a rule of one’s own only after the confirmation', async () => {
    const fake = api();
    configureApi({ fetch: fake.fetch });
    render(withRole('operator', <RulesPage edit={null} navigate={() => {}} />));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete rule Data disk' }));
    await screen.findByText('Delete this rule?');
    expect(fake.callsTo('DELETE', `rules/${own.id}`)).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Delete rule' }));
    await waitFor(() => expect(fake.callsTo('DELETE', `rules/${own.id}`)).toHaveLength(1));
  });

  it('creates a tag-scoped rule from the picked metric and label, and previews it once the typing stops', async () => {
    const fake = api();
    configureApi({ fetch: fake.fetch });
    const hrefs: string[] = [];
    render(withRole('operator', <RulesPage edit="new" navigate={(h) => hrefs.push(h)} />));
    fireEvent.change(await screen.findByLabelText(/^Name/), { target: { value: 'Var disk' } });
    fireEvent.change(screen.getByTestId('metric-input'), { target: { value: 'disk.percent' } });
    fireEvent.change(await screen.findByTestId('metric-label-input'), { target: { value: '/var' } });
    expect((screen.getByTestId('metric-input') as HTMLInputElement).value).toBe('disk.percent{mount=/var}');
    fireEvent.click(screen.getByText('Hosts with tags'));
    const tags = await screen.findByRole('combobox', { name: 'Tag selector (all must match)' });
    // The field takes typing only while it has the focus (other writes are autofill).
    tags.focus();
    fireEvent.change(tags, { target: { value: 'env=prod' } });
    fireEvent.keyDown(tags, { key: 'Enter' });
    fireEvent.change(screen.getByLabelText(/^Warning/), { target: { value: '80' } });
    fireEvent.change(screen.getByLabelText(/^Critical/), { target: { value: '90' } });

    expect((await screen.findByTestId('preview-summary', {}, { timeout: 3000 })).textContent).toBe('The scope matches 2 hosts now; 1 would fire.');
    const previews = fake.callsTo('POST', 'rules/preview');
    // Debounced: the last edits are asked once, not per keystroke.
    expect(previews.length).toBeLessThanOrEqual(2);
    expect(previews.at(-1)!.body).toMatchObject({ metric: 'disk.percent{mount=/var}', scope: { host: null, tags: { env: 'prod' } }, warning: 80, critical: 90 });
    expect(within(screen.getByTestId('preview-table')).getAllByRole('row')[2].textContent).toContain('no data');

    fireEvent.click(screen.getByRole('button', { name: 'Create rule' }));
    await waitFor(() => expect(fake.callsTo('POST', 'rules')).toHaveLength(1));
    expect(fake.callsTo('POST', 'rules')[0].body).toEqual({
      name: 'Var disk', metric: 'disk.percent{mount=/var}', scope: { host: null, tags: { env: 'prod' } }, condition: 'above', warning: 80, critical: 90,
      duration_seconds: 60, clear_margin: 0, channels: [], renotify_minutes: 0, enabled: true,
    });
    await waitFor(() => expect(hrefs).toEqual(['/rules']));
    // A whole editor with a debounced preview: slow on a busy shared runner.
  }, 45_000);

  it('checks the levels before sending, and shows the server’s errors beside their fields', async () => {
    const fake = api({
      'POST rules': () => json({ title: 'Bad Request', status: 400, detail: 'The rule is not valid; see errors.', errors: { metric: ['Unknown metric foo.'], 'scope.tags.env': ['Bad value.'], 'channels[0]': ['No channel ch-x.'] } }, 400, 'application/problem+json'),
    });
    configureApi({ fetch: fake.fetch });
    render(withRole('operator', <RulesPage edit="new" navigate={() => {}} />));
    fireEvent.change(await screen.findByLabelText(/^Name/), { target: { value: 'Odd' } });
    fireEvent.change(screen.getByTestId('metric-input'), { target: { value: 'foo' } });
    fireEvent.change(screen.getByLabelText(/^Warning/), { target: { value: '90' } });
    fireEvent.change(screen.getByLabelText(/^Critical/), { target: { value: '80' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create rule' }));
    expect(await screen.findByText('Above: the warning level is below the critical one.')).toBeTruthy();
    expect(fake.callsTo('POST', 'rules')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText(/^Critical/), { target: { value: '95' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create rule' }));
    expect(await screen.findByText('Unknown metric foo.')).toBeTruthy();
    expect(screen.getByText('No channel ch-x.')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('The rule is not valid');
  });

  it('lets only the editable fields of a built-in rule change, and says where its levels come from', async () => {
    configureApi({ fetch: api().fetch });
    render(withRole('operator', <RulesPage edit="builtin-cpu" navigate={() => {}} />));
    expect((await screen.findByTestId('built-in-note')).textContent).toContain('Thresholds__');
    expect((screen.getByTestId('metric-input') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText(/^Warning/) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText(/^Name/) as HTMLInputElement).disabled).toBe(false);
    expect((screen.getByLabelText(/^Duration/) as HTMLInputElement).disabled).toBe(false);
  });
});
