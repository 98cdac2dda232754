import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { memo } from 'react';
import type { HostView } from '../../lib/types';
import { DEFAULT_THRESHOLDS } from '../../lib/health';
import { formatAgo } from '../../lib/format';
import { ScoreBadge, StatusBadge } from '../../components/ui/status-badge';
import { UsageBar } from '../../components/ui/metric-card';
import { hostHref } from '../../hooks/use-route';
import { TagBadges } from './tag-badges';

/** "agent 0.1.0 (update available: 0.2.0)" for an agent older than the deployment, else null. */
export function outdatedAgentText(host: HostView, deploymentVersion?: string | null): string | null {
  if (!host.agent_outdated) return null;
  return `agent ${host.agent_version || 'of unknown version'} (update available${deploymentVersion ? `: ${deploymentVersion}` : ''})`;
}

interface HostCardProps {
  host: HostView;
  now: number;
  onOpen: (href: string) => void;
  /** The deployment's version, for the outdated-agent badge. */
  deploymentVersion?: string | null;
}

function HostCardView({ host, now, onOpen, deploymentVersion }: HostCardProps) {
  const outdated = outdatedAgentText(host, deploymentVersion);
  const href = hostHref(host.host_id);
  const T = host.thresholds ?? DEFAULT_THRESHOLDS;
  return (
    <Card withBorder radius="md" padding="md" data-testid="host-card" data-host-id={host.host_id}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Anchor
              href={href}
              fw={600}
              onClick={(e) => {
                e.preventDefault();
                onOpen(href);
              }}
              style={{ overflowWrap: 'anywhere' }}
            >
              {host.hostname || host.host_id}
            </Anchor>
            {host.hostname !== host.host_id && (
              <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {host.host_id}
              </Text>
            )}
            <Text fz="xs" c="dimmed" lineClamp={1}>
              {host.os}
            </Text>
          </div>
          <Stack gap={4} align="flex-end">
            <StatusBadge status={host.status} stale={host.stale} />
            <ScoreBadge score={host.health_score} level={host.level} />
          </Stack>
        </Group>
        <Group gap="md" wrap="wrap">
          <Group gap={4} wrap="nowrap">
            <Text fz="xs" c="dimmed" w={28}>CPU</Text>
            <UsageBar label="CPU" percent={host.cpu_percent} warning={T.cpu_warning} critical={T.cpu_critical} />
          </Group>
          <Group gap={4} wrap="nowrap">
            <Text fz="xs" c="dimmed" w={28}>Mem</Text>
            <UsageBar label="Memory" percent={host.memory_percent} warning={T.memory_warning} critical={T.memory_critical} />
          </Group>
          <Group gap={4} wrap="nowrap">
            <Text fz="xs" c="dimmed" w={28}>Disk</Text>
            <UsageBar label="Disk" percent={host.disk_percent} warning={T.disk_warning} critical={T.disk_critical} />
          </Group>
        </Group>
        {outdated && (
          <Badge color="yellow" variant="light" size="sm" tt="none" style={{ alignSelf: 'flex-start' }} data-testid="agent-outdated">
            {outdated}
          </Badge>
        )}
        <TagBadges tags={host.tags} />
        <Text fz="xs" c={host.stale ? 'orange' : 'dimmed'} data-testid="last-seen">
          Last seen {formatAgo(host.last_seen, now)}
          {host.stale ? ' — stale: no samples for 3 intervals' : ''}
        </Text>
      </Stack>
    </Card>
  );
}

export const HostCard = memo(HostCardView);
