import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureApi } from '../../lib/api';
import { LiveContext, type LiveContextValue } from '../../hooks/use-live';
import { RoleContext } from '../../hooks/use-role';
import type { ThresholdOverrides, Thresholds } from '../../lib/types';
import { HostPage } from './host-page';

const live: LiveContextValue = { enabled: false, state: 'off', detail: undefined, setEnabled: () => {}, watch: () => () => {}, listen: () => () => {} };
const defaults: Thresholds = { cpu_warning: 70, cpu_critical: 90, memory_warning: 75, memory_critical: 90, disk_warning: 80, disk_critical: 95 };
const at = '2026-11-27T10:00:00Z';

function json(body: unknown, status = 200, type = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
}

/** The API as the Infrastructure tab sees it: one host whose report follows its overrides, and a PUT answered by `onPut`. */
function fakeApi(initial: ThresholdOverrides, onPut: (body: ThresholdOverrides) => Response | null = () => null) {
  let overrides = initial;
  const reply = (hostId: string) => json({ status: 'success', host_id: hostId, thresholds: { ...defaults, ...overrides }, defaults, overrides });
  return vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const host = url.searchParams.get('host') ?? '';
    const cpu = { percent: 20, count: 2, freq_mhz: 0 };
    const memory = { total_gb: 8, used_gb: 4, available_gb: 4, percent: 50 };
    const disk = { total_gb: 100, used_gb: 85, free_gb: 15, percent: 85 };
    const network = { bytes_sent: 0, bytes_recv: 0, connections: 1, sent_bytes_per_sec: 0, recv_bytes_per_sec: 0 };
    if (url.pathname.endsWith('/infrastructure/report')) {
      const thresholds = { ...defaults, ...overrides };
      const platform = { system: 'Linux', release: '6.8', hostname: host, runtime_version: '10.0', os: 'Ubuntu', architecture: 'x64', boot_time: at, agent_version: '1.0' };
      return json({ status: 'success', timestamp: at, host, platform, system: { cpu, memory, disk, network }, process: null, top_processes: [], threshold_check: { status: 'healthy', warnings: [], critical: [], thresholds }, health_score: 90, level: 'healthy', stale: false });
    }
    if (url.pathname.endsWith('/infrastructure/system')) {
      return json({ status: 'success', host, timestamp: at, cpu, memory, disk, network, disks: [], containers: [] });
    }
    if (url.pathname.endsWith('/thresholds')) {
      if (init?.method === 'PUT') {
        const body = JSON.parse(String(init.body)) as ThresholdOverrides;
        const refusal = onPut(body);
        if (refusal) return refusal;
        overrides = body;
      }
      if (init?.method === 'DELETE') overrides = {};
      return reply(host);
    }
    return json({ title: 'Not Found', status: 404 }, 404);
  });
}

function renderPage(hostId: string, role: 'operator' | 'reader' = 'operator') {
  return render(
    <MantineProvider>
      <RoleContext.Provider value={{ role, loading: false }}>
        <LiveContext.Provider value={live}>
          <HostPage hostId={hostId} tab="infrastructure" range="1h" navigate={() => {}} autoRefresh={false} setAutoRefresh={() => {}} />
        </LiveContext.Provider>
      </RoleContext.Provider>
    </MantineProvider>,
  );
}

async function openEditor() {
  fireEvent.click(await screen.findByRole('button', { name: 'Edit thresholds' }));
  return screen.findByLabelText('Disk warning');
}

afterEach(() => configureApi({ fetch: (...args) => globalThis.fetch(...args) }));

describe('the thresholds editor', () => {
  it('saves the edited levels with a PUT for the URL-encoded host and refreshes the thresholds line', async () => {
    const fetch = fakeApi({ cpu_warning: 60 });
    configureApi({ fetch });
    renderPage('db/1 #a');

    const diskWarning = await openEditor();
    expect(screen.getByLabelText('CPU warning')).toHaveProperty('value', '60%');
    expect(diskWarning).toHaveProperty('value', '');
    expect(diskWarning).toHaveProperty('placeholder', '80');
    expect(screen.getByText('Host override · default 70%')).toBeTruthy();
    fireEvent.change(diskWarning, { target: { value: '90' } });
    fireEvent.change(screen.getByLabelText('Disk critical'), { target: { value: '97' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.getByTestId('thresholds-line').textContent).toContain('disk 90/97%'));
    const put = fetch.mock.calls.find(([, init]) => init?.method === 'PUT');
    expect(String(put?.[0])).toContain('/api/v1/observability/thresholds?host=db%2F1%20%23a');
    expect(JSON.parse(String(put?.[1]?.body))).toEqual({ cpu_warning: 60, disk_warning: 90, disk_critical: 97 });
    expect(screen.getByTestId('thresholds-line').textContent).toContain('CPU 60/90%');
  });

  it('is not offered to a reader, whose thresholds line still shows the levels in force', async () => {
    configureApi({ fetch: fakeApi({ cpu_warning: 60 }) });
    renderPage('web-1', 'reader');

    expect((await screen.findByTestId('thresholds-line')).textContent).toContain('CPU 60/90%');
    expect(screen.queryByRole('button', { name: 'Edit thresholds' })).toBeNull();
  });

  it('shows the detail of a 403 when the server refuses the change', async () => {
    const detail = "Changing thresholds needs the operator role; this token's role is reader.";
    configureApi({ fetch: fakeApi({}, () => json({ title: 'Forbidden', status: 403, detail }, 403, 'application/problem+json')) });
    renderPage('web-1');

    fireEvent.change(await openEditor(), { target: { value: '85' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect((await screen.findByTestId('thresholds-error')).textContent).toContain(detail);
  });

  it('shows a 400 field error beside its level', async () => {
    const message = 'cpu warning (95) must be below cpu critical (90); the defaults fill in any level left out.';
    const problem = { title: 'Bad Request', status: 400, detail: "These thresholds are not valid; see 'errors'. Nothing was changed.", errors: { cpu_warning: [message] } };
    configureApi({ fetch: fakeApi({}, () => json(problem, 400, 'application/problem+json')) });
    renderPage('web-1');

    await openEditor();
    fireEvent.change(screen.getByLabelText('CPU warning'), { target: { value: '95' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText(message)).toBeTruthy();
    expect(screen.getByTestId('thresholds-error').textContent).toContain('Nothing was changed.');
    expect(screen.getByLabelText('CPU warning').getAttribute('aria-invalid')).toBe('true');
  });
});
