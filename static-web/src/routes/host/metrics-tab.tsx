import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { SummaryResponse, TimeWindow } from '../../lib/types';
import { useAnomalies } from '../../hooks/use-anomalies';
import { anomalyMarkers, severityColor } from '../../lib/anomaly-markers';
import type { Anomaly } from '../../lib/observability-types';
import { TimeSeriesChart } from '../../components/ui/time-series-chart';
import { formatNumber, formatPercent, formatRate, formatScore, formatTime } from '../../lib/format';
import { EmptyState } from '../../components/ui/state-views';
import { type Column, DataTable } from '../../components/ui/data-table';
import { COLORS } from './series-colors';

export interface ChartColumns {
  times: Float64Array;
  cpu: Float64Array;
  memory: Float64Array;
  disk: Float64Array;
  swap: Float64Array;
  sent: Float64Array;
  recv: Float64Array;
  health: Float64Array;
}

/** The summary series as columns, the layout uPlot draws from. */
export function toColumns(series: SummaryResponse['series']): ChartColumns {
  const n = series.length;
  const c: ChartColumns = {
    times: new Float64Array(n), cpu: new Float64Array(n), memory: new Float64Array(n), disk: new Float64Array(n),
    swap: new Float64Array(n), sent: new Float64Array(n), recv: new Float64Array(n), health: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const p = series[i];
    c.times[i] = Date.parse(p.timestamp) / 1000;
    c.cpu[i] = p.cpu_percent;
    c.memory[i] = p.memory_percent;
    c.disk[i] = p.disk_percent;
    c.swap[i] = p.swap_percent;
    c.sent[i] = p.network_sent_bytes_per_sec;
    c.recv[i] = p.network_recv_bytes_per_sec;
    c.health[i] = p.health_score;
  }
  return c;
}

const STATS: { key: string; label: string; format: (v: number) => string }[] = [
  { key: 'cpu_percent', label: 'CPU', format: (v) => formatPercent(v) },
  { key: 'memory_percent', label: 'Memory', format: (v) => formatPercent(v) },
  { key: 'disk_percent', label: 'Disk', format: (v) => formatPercent(v) },
  { key: 'network_sent_bytes_per_sec', label: 'Network sent', format: formatRate },
  { key: 'network_recv_bytes_per_sec', label: 'Network received', format: formatRate },
  { key: 'health_score', label: 'Health score', format: formatScore },
  { key: 'load_1m', label: 'Load (1 min)', format: (v) => formatNumber(v) },
];

type Stat = (typeof STATS)[number];
type Aggregates = SummaryResponse['metrics'];

function statColumns(metrics: Aggregates): Column<Stat>[] {
  const value = (key: 'avg' | 'min' | 'max' | 'last') => (s: Stat) => s.format(metrics[s.key][key]);
  return [
    { header: 'Metric', cell: (s) => s.label },
    { header: 'Average', numeric: true, cell: value('avg') },
    { header: 'Min', numeric: true, cell: value('min') },
    { header: 'Max', numeric: true, cell: value('max') },
    { header: 'Last', numeric: true, cell: value('last') },
  ];
}

const CHARTED_METRICS = ['cpu', 'memory', 'disk'];
const NO_ANOMALIES: Anomaly[] = [];

/** The anomalies marked on the resources chart, as text (severity in words, not only colour). */
function AnomalyMarkerList({ anomalies }: { anomalies: Anomaly[] }) {
  if (anomalies.length === 0) return null;
  return (
    <div data-testid="chart-anomalies">
      <Text fz="sm" fw={600} id="chart-anomalies-title">
        Anomalies marked on the chart ({anomalies.length})
      </Text>
      <ul aria-labelledby="chart-anomalies-title" style={{ margin: 0, paddingLeft: 18 }}>
        {anomalies.map((a) => (
          <li key={`${a.metric}-${a.timestamp}`}>
            <Text fz="sm" span>
              <Text span fw={600} c={severityColor(a.severity)}>
                {a.severity}
              </Text>{' '}
              · {formatTime(a.timestamp)} · {a.metric} {formatPercent(a.value)} (expected {formatPercent(a.expected)}) · {a.kind.replace('_', ' ')} {a.direction}
            </Text>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function MetricsTab({ summary, hostId, window }: { summary: SummaryResponse; hostId: string; window: TimeWindow }) {
  const c = useMemo(() => toColumns(summary.series), [summary.series]);
  const anomalies = useAnomalies(hostId, window);
  const all = anomalies.data?.anomalies ?? NO_ANOMALIES;
  const markers = useMemo(() => anomalyMarkers(all, c.times, CHARTED_METRICS), [all, c.times]);
  const marked = useMemo(() => {
    const first = c.times[0];
    const last = c.times[c.times.length - 1];
    return all.filter((a) => {
      const t = Date.parse(a.timestamp) / 1000;
      return CHARTED_METRICS.includes(a.metric) && t >= first && t <= last;
    });
  }, [all, c.times]);
  const pct = (v: number) => `${v.toFixed(0)}%`;
  const resources = useMemo(
    () => [
      { label: 'CPU', color: COLORS.cpu, values: c.cpu },
      { label: 'Memory', color: COLORS.memory, values: c.memory },
      { label: 'Disk', color: COLORS.disk, values: c.disk },
      { label: 'Swap', color: COLORS.swap, values: c.swap },
    ],
    [c],
  );
  const network = useMemo(
    () => [
      { label: 'Sent', color: COLORS.sent, values: c.sent, fill: true },
      { label: 'Received', color: COLORS.recv, values: c.recv, fill: true },
    ],
    [c],
  );
  const health = useMemo(() => [{ label: 'Health score', color: COLORS.health, values: c.health, fill: true }], [c]);
  return (
    <Stack gap="md">
      <Group gap="md" fz="sm" c="dimmed">
        <Text fz="sm" c="dimmed" data-testid="summary-window">
          Window {summary.window} · {summary.resolution} resolution · {summary.sample_count} samples · {formatTime(summary.from)} – {formatTime(summary.to)}
        </Text>
      </Group>
      {summary.series.length === 0 ? (
        <EmptyState title={`No samples in the last ${summary.window}`}>The host has not reported in this window. Choose a longer range.</EmptyState>
      ) : (
        <>
          <TimeSeriesChart title="CPU, memory, disk and swap (%)" times={c.times} series={resources} formatValue={pct} range={[0, 100]} testId="chart-resources" markers={markers} />
          <AnomalyMarkerList anomalies={marked} />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <TimeSeriesChart title="Network (sent and received per second)" times={c.times} series={network} formatValue={formatRate} testId="chart-network" />
            <TimeSeriesChart title="Health score" times={c.times} series={health} formatValue={(v) => v.toFixed(0)} range={[0, 100]} testId="chart-health" />
          </SimpleGrid>
        </>
      )}
      <DataTable
        columns={statColumns(summary.metrics)}
        rows={STATS.filter((s) => summary.metrics[s.key])}
        rowKey={(s) => s.key}
        minWidth={420}
        striped={false}
        testId="summary-stats"
      />
    </Stack>
  );
}
