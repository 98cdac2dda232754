import { Text } from '@mantine/core';
import type { ContainerInfo } from '../../lib/types';
import { formatBytes, formatPercent } from '../../lib/format';
import { type Column, DataTable } from '../../components/ui/data-table';

function limit(c: ContainerInfo): string {
  if (c.memory_limit_bytes <= 0) return 'unlimited';
  return `${formatBytes(c.memory_limit_bytes)} (${formatPercent((c.memory_bytes / c.memory_limit_bytes) * 100)})`;
}

const COLUMNS: Column<ContainerInfo>[] = [
  { header: 'Container', mono: true, cell: (c) => c.id.slice(0, 12) },
  { header: 'Runtime', cell: (c) => c.runtime },
  { header: 'CPU', numeric: true, cell: (c) => formatPercent(c.cpu_percent) },
  { header: 'Memory', numeric: true, cell: (c) => formatBytes(c.memory_bytes) },
  { header: 'Limit', numeric: true, cell: limit },
];

export function ContainersTable({ containers }: { containers: ContainerInfo[] }) {
  if (containers.length === 0) return <Text c="dimmed">No containers on this host (the agent found no docker, containerd or podman cgroups).</Text>;
  return <DataTable columns={COLUMNS} rows={containers} rowKey={(c) => c.id} minWidth={480} testId="containers-table" />;
}
