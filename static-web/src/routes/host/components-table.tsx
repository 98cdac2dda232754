import { Badge, Group, Stack, Text } from '@mantine/core';
import { formatTime } from '../../lib/format';
import type { ComponentHealth, ComponentsResponse, OutboundClientState } from '../../lib/observability-types';
import { type Column, DataTable } from '../../components/ui/data-table';

/** Circuit and component states as colours; the text is always shown next to them. */
export function stateColor(state: string): string {
  switch (state) {
    case 'closed':
    case 'healthy':
      return 'green';
    case 'half_open':
    case 'degraded':
      return 'yellow';
    case 'open':
    case 'isolated':
    case 'unhealthy':
      return 'red';
    default:
      return 'gray';
  }
}

export function StateBadge({ state, what }: { state: string; what: string }) {
  const text = state.replaceAll('_', ' ');
  return (
    <Badge color={stateColor(state)} variant="light" aria-label={`${what}: ${text}`}>
      {text}
    </Badge>
  );
}

const COMPONENT_COLUMNS: Column<ComponentHealth>[] = [
  { header: 'Component', cell: (c) => c.name },
  { header: 'Status', cell: (c) => <StateBadge state={c.status} what={`${c.name} status`} /> },
  { header: 'Latency', numeric: true, cell: (c) => `${c.latency_ms.toFixed(0)} ms` },
  { header: 'Last error', small: true, wrap: true, cell: (c) => c.last_error ?? c.detail ?? '—' },
];

/** The overall status, when it was checked, and each dependency's status, check latency and last error. */
export function ComponentsTable({ data }: { data: ComponentsResponse }) {
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Text fw={600}>Dependencies</Text>
        <StateBadge state={data.overall} what="Overall" />
        <Text fz="xs" c="dimmed">
          checked {formatTime(data.checked_at)}
        </Text>
      </Group>
      <DataTable columns={COMPONENT_COLUMNS} rows={data.components} rowKey={(c) => c.name} minWidth={420} striped={false} testId="components-table" />
    </Stack>
  );
}

const CLIENT_COLUMNS: Column<OutboundClientState>[] = [
  { header: 'Outbound client', cell: (c) => c.name },
  { header: 'Circuit breaker', cell: (c) => <StateBadge state={c.circuit} what={`${c.name} circuit`} /> },
  { header: 'Consecutive failures', numeric: true, cell: (c) => c.consecutive_failures },
  { header: 'Last error', small: true, wrap: true, cell: (c) => c.last_error ?? '—' },
];

/** Each outbound client's circuit breaker state. */
export function ClientsTable({ clients }: { clients: OutboundClientState[] }) {
  return <DataTable columns={CLIENT_COLUMNS} rows={clients} rowKey={(c) => c.name} minWidth={420} striped={false} testId="lb-clients" />;
}
