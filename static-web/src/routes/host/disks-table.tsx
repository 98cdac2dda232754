import { Text } from '@mantine/core';
import type { DiskMount, Thresholds } from '../../lib/types';
import { formatGb, formatRate } from '../../lib/format';
import { UsageBar } from '../../components/ui/metric-card';
import { type Column, DataTable } from '../../components/ui/data-table';

function columns(t: Thresholds): Column<DiskMount>[] {
  return [
    { header: 'Mount', mono: true, cell: (d) => d.mount },
    { header: 'Device', mono: true, cell: (d) => d.device },
    { header: 'Type', cell: (d) => d.fs_type },
    { header: 'Used', cell: (d) => <UsageBar label={`Disk ${d.mount}`} percent={d.percent} warning={t.disk_warning} critical={t.disk_critical} /> },
    { header: 'Size', numeric: true, cell: (d) => formatGb(d.total_gb) },
    { header: 'Free', numeric: true, cell: (d) => formatGb(d.free_gb) },
    { header: 'Read', numeric: true, cell: (d) => formatRate(d.read_bytes_per_sec) },
    { header: 'Write', numeric: true, cell: (d) => formatRate(d.write_bytes_per_sec) },
  ];
}

export function DisksTable({ disks, thresholds }: { disks: DiskMount[]; thresholds: Thresholds }) {
  if (disks.length === 0) return <Text c="dimmed">The agent reported no mounted filesystems.</Text>;
  return <DataTable columns={columns(thresholds)} rows={disks} rowKey={(d) => `${d.mount}|${d.device}`} minWidth={640} testId="disks-table" />;
}
