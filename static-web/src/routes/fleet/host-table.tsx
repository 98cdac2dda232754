import { Anchor, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { memo } from 'react';
import type { HostView } from '../../lib/types';
import { DEFAULT_THRESHOLDS } from '../../lib/health';
import { formatAgo } from '../../lib/format';
import { ScoreBadge, StatusBadge } from '../../components/ui/status-badge';
import { UsageBar } from '../../components/ui/metric-card';
import { hostHref } from '../../hooks/use-route';
import type { SortKey } from './fleet-filters';
import type { FleetControls } from './fleet-controls';
import { TagBadges } from './tag-badges';

/** The table's columns; those with a sort key sort the fleet when their heading is clicked. */
const COLUMNS: { label: string; sort?: SortKey; width?: number }[] = [
  { label: 'Host', sort: 'name' },
  { label: 'Status', sort: 'status', width: 120 },
  { label: 'Health', sort: 'score', width: 120 },
  { label: 'CPU', sort: 'cpu', width: 130 },
  { label: 'Memory', sort: 'memory', width: 130 },
  { label: 'Disk', sort: 'disk', width: 130 },
  { label: 'Last seen', sort: 'last_seen', width: 120 },
  { label: 'Tags' },
];
export const TABLE_COLUMNS = COLUMNS.length;

type Order = Pick<FleetControls, 'sort' | 'reversed'>;

export function HostTableHead({ order, onSort }: { order: Order; onSort: (column: SortKey) => void }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {COLUMNS.map((c) => {
          const active = c.sort !== undefined && order.sort === c.sort;
          // Every column's natural order is worst, busiest or oldest first, except the name's.
          const ascending = active && (c.sort === 'name' || c.sort === 'score' || c.sort === 'last_seen' ? !order.reversed : order.reversed);
          return (
            <Table.Th key={c.label} w={c.width} aria-sort={c.sort === undefined ? undefined : active ? (ascending ? 'ascending' : 'descending') : 'none'}>
              {c.sort ? (
                <UnstyledButton onClick={() => onSort(c.sort!)} fw={700} fz="sm" data-testid={`sort-${c.sort}`}>
                  {c.label}
                  {active ? (ascending ? ' ▲' : ' ▼') : ''}
                </UnstyledButton>
              ) : (
                c.label
              )}
            </Table.Th>
          );
        })}
      </Table.Tr>
    </Table.Thead>
  );
}

interface HostRowProps {
  host: HostView;
  now: number;
  onOpen: (href: string) => void;
  /** Where the windowed list measures the row. */
  measure?: (node: HTMLTableRowElement | null) => void;
  index?: number;
}

function HostRowView({ host, now, onOpen, measure, index }: HostRowProps) {
  const href = hostHref(host.host_id);
  const T = host.thresholds ?? DEFAULT_THRESHOLDS;
  return (
    <Table.Tr ref={measure} data-index={index} data-testid="host-row" data-host-id={host.host_id} data-last-seen={host.last_seen}>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>
        <Anchor
          href={href}
          fw={600}
          fz="sm"
          onClick={(e) => {
            e.preventDefault();
            onOpen(href);
          }}
        >
          {host.hostname || host.host_id}
        </Anchor>
        {host.hostname !== host.host_id && (
          <Text fz="xs" c="dimmed">
            {host.host_id}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <StatusBadge status={host.status} stale={host.stale} size="sm" />
      </Table.Td>
      <Table.Td>
        <ScoreBadge score={host.health_score} level={host.level} />
      </Table.Td>
      <Table.Td data-testid="row-cpu" data-value={host.cpu_percent}>
        <UsageBar label="CPU" percent={host.cpu_percent} warning={T.cpu_warning} critical={T.cpu_critical} />
      </Table.Td>
      <Table.Td>
        <UsageBar label="Memory" percent={host.memory_percent} warning={T.memory_warning} critical={T.memory_critical} />
      </Table.Td>
      <Table.Td>
        <UsageBar label="Disk" percent={host.disk_percent} warning={T.disk_warning} critical={T.disk_critical} />
      </Table.Td>
      <Table.Td>
        <Text fz="xs" c={host.stale ? 'orange' : 'dimmed'}>
          {formatAgo(host.last_seen, now)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          <TagBadges tags={host.tags} />
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

export const HostRow = memo(HostRowView);
