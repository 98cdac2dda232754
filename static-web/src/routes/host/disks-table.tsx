import { Table, Text } from '@mantine/core';
import type { ContainerInfo, DiskMount, Thresholds } from '../../lib/types';
import { formatBytes, formatGb, formatPercent, formatRate } from '../../lib/format';
import { UsageBar } from '../../components/ui/metric-card';

export function DisksTable({ disks, thresholds: t }: { disks: DiskMount[]; thresholds: Thresholds }) {
  if (disks.length === 0) return <Text c="dimmed">The agent reported no mounted filesystems.</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped verticalSpacing={4} data-testid="disks-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Mount</Table.Th>
            <Table.Th>Device</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>Used</Table.Th>
            <Table.Th ta="right">Size</Table.Th>
            <Table.Th ta="right">Free</Table.Th>
            <Table.Th ta="right">Read</Table.Th>
            <Table.Th ta="right">Write</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {disks.map((d) => (
            <Table.Tr key={`${d.mount}|${d.device}`}>
              <Table.Td ff="monospace" style={{ overflowWrap: 'anywhere' }}>{d.mount}</Table.Td>
              <Table.Td ff="monospace" style={{ overflowWrap: 'anywhere' }}>{d.device}</Table.Td>
              <Table.Td>{d.fs_type}</Table.Td>
              <Table.Td>
                <UsageBar label={`Disk ${d.mount}`} percent={d.percent} warning={t.disk_warning} critical={t.disk_critical} />
              </Table.Td>
              <Table.Td ta="right" ff="monospace">{formatGb(d.total_gb)}</Table.Td>
              <Table.Td ta="right" ff="monospace">{formatGb(d.free_gb)}</Table.Td>
              <Table.Td ta="right" ff="monospace">{formatRate(d.read_bytes_per_sec)}</Table.Td>
              <Table.Td ta="right" ff="monospace">{formatRate(d.write_bytes_per_sec)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function ContainersTable({ containers }: { containers: ContainerInfo[] }) {
  if (containers.length === 0) return <Text c="dimmed">No containers on this host (the agent found no docker, containerd or podman cgroups).</Text>;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped verticalSpacing={4} data-testid="containers-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Container</Table.Th>
            <Table.Th>Runtime</Table.Th>
            <Table.Th ta="right">CPU</Table.Th>
            <Table.Th ta="right">Memory</Table.Th>
            <Table.Th ta="right">Limit</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {containers.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td ff="monospace">{c.id.slice(0, 12)}</Table.Td>
              <Table.Td>{c.runtime}</Table.Td>
              <Table.Td ta="right" ff="monospace">{formatPercent(c.cpu_percent)}</Table.Td>
              <Table.Td ta="right" ff="monospace">{formatBytes(c.memory_bytes)}</Table.Td>
              <Table.Td ta="right" ff="monospace">
                {c.memory_limit_bytes > 0 ? `${formatBytes(c.memory_limit_bytes)} (${formatPercent((c.memory_bytes / c.memory_limit_bytes) * 100)})` : 'unlimited'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
