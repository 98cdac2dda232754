import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HostView } from '../../lib/types';
import { HostCard, outdatedAgentText } from './host-card';

const base: HostView = {
  host_id: 'db-1',
  hostname: 'db-1',
  os: 'Debian GNU/Linux 12',
  status: 'healthy',
  health_score: 80,
  level: 'degraded',
  cpu_percent: 20,
  memory_percent: 30,
  disk_percent: 85,
  first_seen: '2026-11-27T09:00:00Z',
  last_seen: '2026-11-27T10:00:00Z',
  latest_timestamp: '2026-11-27T10:00:00Z',
  interval_seconds: 30,
  stale: false,
};

/** The colour Mantine gave the disk bar (the labelled progress section), from its CSS variable. */
function diskBarColor(host: HostView): string {
  const { unmount } = render(
    <MantineProvider>
      <HostCard host={host} now={Date.parse('2026-11-27T10:00:05Z')} onOpen={() => {}} />
    </MantineProvider>,
  );
  const section = screen.getByLabelText('Disk 85.0%');
  const color = section.style.getPropertyValue('--progress-section-color');
  unmount();
  return color;
}

describe('fleet host card', () => {
  it("colours the bars by the host's own thresholds when the fleet row carries them", () => {
    const byDefault = diskBarColor(base); // 85% is over the default disk warning (80)
    const ownLevels = diskBarColor({
      ...base,
      thresholds: { cpu_warning: 70, cpu_critical: 90, memory_warning: 75, memory_critical: 90, disk_warning: 90, disk_critical: 97 },
    });

    expect(byDefault).toContain('orange');
    expect(ownLevels).toContain('teal'); // under this host's own warning (90)
  });

  it('shows an update badge only on a host whose agent is older than the deployment', () => {
    render(
      <MantineProvider>
        <HostCard host={{ ...base, agent_version: '0.1.0', agent_outdated: true }} now={Date.parse('2026-11-27T10:00:05Z')} onOpen={() => {}} deploymentVersion="0.2.0" />
        <HostCard host={{ ...base, host_id: 'db-2', agent_version: '0.2.0', agent_outdated: false }} now={Date.parse('2026-11-27T10:00:05Z')} onOpen={() => {}} deploymentVersion="0.2.0" />
      </MantineProvider>,
    );
    const badges = screen.getAllByTestId('agent-outdated');
    expect(badges).toHaveLength(1);
    expect(badges[0].textContent).toBe('agent 0.1.0 (update available: 0.2.0)');
  });

  it('leaves the version out of the badge when the fleet reply does not name the deployment’s', () => {
    expect(outdatedAgentText({ ...base, agent_version: '0.1.0', agent_outdated: true })).toBe('agent 0.1.0 (update available)');
    expect(outdatedAgentText({ ...base, agent_version: '0.1.0' }, '0.2.0')).toBeNull();
  });
});
