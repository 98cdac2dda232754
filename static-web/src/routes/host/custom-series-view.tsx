import { Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { CustomSeries } from '../../lib/types';
import { alignSeries, seriesKey, seriesLabel, seriesStats } from '../../lib/custom-series';
import { formatAxisValue, formatMetricValue, formatTime } from '../../lib/format';
import { TimeSeriesChart } from '../../components/ui/time-series-chart';
import { EmptyState } from '../../components/ui/state-views';
import { type Column, DataTable } from '../../components/ui/data-table';

/** More lines than this make a chart unreadable: the table still lists every series. */
export const MAX_CHARTED = 12;

// Mantine's 6th shades, which read on light and dark backgrounds.
const PALETTE = ['#228be6', '#be4bdb', '#fab005', '#12b886', '#fd7e14', '#4c6ef5', '#40c057', '#e64980', '#15aabf', '#82c91e', '#7950f2', '#868e96'];

interface Row {
  key: string;
  label: string;
  stats: ReturnType<typeof seriesStats>;
}

const COLUMNS: Column<Row>[] = [
  { header: 'Series', mono: true, cell: (r) => r.label },
  { header: 'Latest', numeric: true, cell: (r) => formatMetricValue(r.stats.latest) },
  { header: 'Min', numeric: true, cell: (r) => formatMetricValue(r.stats.min) },
  { header: 'Max', numeric: true, cell: (r) => formatMetricValue(r.stats.max) },
  { header: 'At', small: true, cell: (r) => formatTime(r.stats.at) },
];

/** One metric's series over the window: a uPlot chart of the first few, and every series' latest value, min and max. */
export function CustomSeriesView({ name, type, series, window }: { name: string; type: string; series: CustomSeries[]; window: string }) {
  const charted = useMemo(() => series.slice(0, MAX_CHARTED), [series]);
  const aligned = useMemo(() => alignSeries(charted), [charted]);
  const lines = useMemo(
    () =>
      charted.map((s, i) => ({
        // The name is the chart's title: a line is told apart by its labels.
        label: Object.keys(s.labels).length ? seriesLabel('', s.labels) : s.name,
        color: PALETTE[i % PALETTE.length],
        values: aligned.values[i],
      })),
    [charted, aligned],
  );
  const rows = useMemo(() => series.map((s) => ({ key: seriesKey(s.name, s.labels), label: seriesLabel(s.name, s.labels), stats: seriesStats(s) })), [series]);
  if (series.length === 0 || aligned.times.length === 0) {
    return <EmptyState title={`No points of ${name} in the last ${window}`}>No series of this metric match the chosen labels in this window.</EmptyState>;
  }
  return (
    <Stack gap="sm">
      <TimeSeriesChart title={`${name} (${type})`} times={aligned.times} series={lines} formatValue={formatAxisValue} testId="chart-custom" />
      {series.length > MAX_CHARTED && (
        <Text fz="xs" c="dimmed">
          The chart shows the first {MAX_CHARTED} of {series.length} series; choose labels to narrow them.
        </Text>
      )}
      <DataTable columns={COLUMNS} rows={rows} rowKey={(r) => r.key} minWidth={520} testId="custom-latest" label={`Latest values of ${name}`} />
    </Stack>
  );
}
