import { Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReportResponse, Thresholds } from '../../lib/types';
import { MetricCard } from '../../components/ui/metric-card';
import { formatBytes, formatGb, formatNumber, formatPercent, formatRate } from '../../lib/format';
import { thresholdColor } from '../../lib/health';

function Line({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text fz="sm" c="dimmed">
        {label}
      </Text>
      <Text fz="sm" fw={500} ff="monospace" data-testid={testId}>
        {value}
      </Text>
    </Group>
  );
}

/** CPU, memory, disk and network cards, with per-core bars, load average and swap. */
export function ResourceCards({ system, thresholds: t }: { system: ReportResponse['system']; thresholds: Thresholds }) {
  const { cpu, memory, disk, network } = system;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md">
      <MetricCard title="CPU" percent={cpu.percent} warning={t.cpu_warning} critical={t.cpu_critical} testId="card-cpu">
        <Stack gap={2} mt="xs">
          <Line label="Logical CPUs" value={String(cpu.count)} testId="cpu-count" />
          {cpu.freq_mhz > 0 && <Line label="Frequency" value={`${cpu.freq_mhz.toFixed(0)} MHz`} />}
          {cpu.load_avg && (
            <Line label="Load 1 / 5 / 15 min" value={`${formatNumber(cpu.load_avg.one)} / ${formatNumber(cpu.load_avg.five)} / ${formatNumber(cpu.load_avg.fifteen)}`} testId="load-avg" />
          )}
        </Stack>
        {cpu.per_core && cpu.per_core.length > 0 && (
          <SimpleGrid cols={cpu.per_core.length > 8 ? 4 : 2} spacing={6} verticalSpacing={2} mt="xs" aria-label="Per-core usage">
            {cpu.per_core.map((v, i) => (
              <Group key={i} gap={4} wrap="nowrap">
                <Text fz={10} c="dimmed" w={28} ff="monospace">
                  #{i}
                </Text>
                <Progress value={Math.min(100, v)} color={thresholdColor(v, t.cpu_warning, t.cpu_critical)} size="sm" style={{ flex: 1 }} aria-label={`Core ${i} ${formatPercent(v)}`} />
                <Text fz={10} ff="monospace" w={34} ta="right">
                  {v.toFixed(0)}%
                </Text>
              </Group>
            ))}
          </SimpleGrid>
        )}
      </MetricCard>
      <MetricCard title="Memory" percent={memory.percent} warning={t.memory_warning} critical={t.memory_critical} testId="card-memory">
        <Stack gap={2} mt="xs">
          <Line label="Total" value={formatGb(memory.total_gb)} testId="memory-total" />
          <Line label="Used" value={formatGb(memory.used_gb)} />
          <Line label="Available" value={formatGb(memory.available_gb)} />
          <Line
            label="Swap"
            value={memory.swap && memory.swap.total_gb > 0 ? `${formatGb(memory.swap.used_gb)} of ${formatGb(memory.swap.total_gb)} (${formatPercent(memory.swap.percent)})` : 'none'}
            testId="swap"
          />
        </Stack>
      </MetricCard>
      <MetricCard title="Disk" percent={disk.percent} warning={t.disk_warning} critical={t.disk_critical} testId="card-disk">
        <Stack gap={2} mt="xs">
          <Line label="Total" value={formatGb(disk.total_gb)} />
          <Line label="Used" value={formatGb(disk.used_gb)} />
          <Line label="Free" value={formatGb(disk.free_gb)} />
        </Stack>
      </MetricCard>
      <MetricCard title="Network" value={<span data-testid="network-rate">↑ {formatRate(network.sent_bytes_per_sec)}</span>} testId="card-network">
        <Stack gap={2} mt="xs">
          <Line label="Receiving" value={formatRate(network.recv_bytes_per_sec)} />
          <Line label="Sent since boot" value={formatBytes(network.bytes_sent)} />
          <Line label="Received since boot" value={formatBytes(network.bytes_recv)} />
          <Line label="Open sockets" value={String(network.connections)} />
        </Stack>
      </MetricCard>
    </SimpleGrid>
  );
}
