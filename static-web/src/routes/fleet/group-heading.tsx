import { Badge, Group, Text, UnstyledButton } from '@mantine/core';
import { statusColor } from '../../lib/health';
import { type HostGroup, statusSummary } from './fleet-groups';

/** "role=web · 250 hosts", with the group's worst status and how many hosts have each status. */
export function GroupHeading({ tagKey, group }: { tagKey: string; group: HostGroup }) {
  const n = group.hosts.length;
  return (
    <Group gap="sm" wrap="wrap" py={6} data-testid="group-heading" data-group={group.value ?? ''}>
      <Text fw={700} fz="sm">
        {group.value === null ? `untagged (no ${tagKey})` : `${tagKey}=${group.value}`}
      </Text>
      <Text fz="sm" c="dimmed" data-testid="group-count">
        {n} host{n === 1 ? '' : 's'}
      </Text>
      <Badge color={statusColor(group.worst)} variant="light" size="sm" aria-label={`Worst status: ${group.worst}`}>
        worst: {group.worst}
      </Badge>
      <Text fz="xs" c="dimmed">
        {statusSummary(group.counts)}
      </Text>
    </Group>
  );
}

/**
 * Every group at a glance, above the list: value, count and worst status. Picking one filters the fleet to it
 * (the untagged group has no tag to filter by).
 */
export function GroupSummary({ tagKey, groups, onPick }: { tagKey: string; groups: readonly HostGroup[]; onPick: (tag: string) => void }) {
  return (
    <Group gap="xs" wrap="wrap" data-testid="group-summary" aria-label={`Hosts by ${tagKey}`}>
      {groups.map((g) => {
        const label = g.value === null ? 'untagged' : `${tagKey}=${g.value}`;
        const badge = (
          <Badge color={statusColor(g.worst)} variant="light" tt="none" size="lg" data-testid="group-chip" data-group={g.value ?? ''}>
            {label}: {g.hosts.length}
          </Badge>
        );
        return g.value === null ? (
          <span key="untagged">{badge}</span>
        ) : (
          <UnstyledButton key={g.value} onClick={() => onPick(`${tagKey}:${g.value}`)} aria-label={`Show only ${label} (${g.hosts.length} hosts, worst ${g.worst})`}>
            {badge}
          </UnstyledButton>
        );
      })}
    </Group>
  );
}
