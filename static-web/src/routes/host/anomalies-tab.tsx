import { Alert, Stack, Text } from '@mantine/core';
import { useAnomalies } from '../../hooks/use-anomalies';
import { severityColor } from '../../lib/anomaly-markers';
import { formatNumber, formatPercent, formatTime } from '../../lib/format';
import type { AnomaliesResponse, Anomaly, DiskForecast } from '../../lib/observability-types';
import type { TimeWindow } from '../../lib/types';
import { type Column, DataTable } from '../../components/ui/data-table';
import { PolledPanel } from '../../components/ui/polled-panel';

const PERCENT_METRICS = ['cpu', 'memory', 'disk', 'swap'];

/** A metric's value in its unit: the usage metrics are percentages, the others (load) plain numbers. */
export function formatAnomalyValue(metric: string, value: number): string {
  return PERCENT_METRICS.includes(metric) ? formatPercent(value) : formatNumber(value);
}

const COLUMNS: Column<Anomaly>[] = [
  { header: 'Time', cell: (a) => formatTime(a.timestamp) },
  {
    header: 'Severity',
    cell: (a) => (
      <Text span fw={600} fz="sm" c={severityColor(a.severity)}>
        {a.severity}
      </Text>
    ),
  },
  { header: 'Metric', cell: (a) => a.metric },
  { header: 'Value', numeric: true, cell: (a) => formatAnomalyValue(a.metric, a.value) },
  { header: 'Expected', numeric: true, cell: (a) => formatAnomalyValue(a.metric, a.expected) },
  { header: 'Score', numeric: true, cell: (a) => formatNumber(a.score, 1) },
  { header: 'Kind', cell: (a) => `${a.kind.replaceAll('_', ' ')} ${a.direction}` },
  { header: 'Baseline', cell: (a) => a.baseline.replaceAll('_', ' ') },
];

function Forecast({ forecast }: { forecast: DiskForecast }) {
  return (
    <Alert color={forecast.warning ? 'orange' : 'gray'} variant="light" title={`Disk forecast for ${forecast.mount}`} data-testid="disk-forecast">
      {forecast.message} · {formatPercent(forecast.current_percent)} now, {formatNumber(forecast.slope_percent_per_day)} points a day
      {forecast.full_at ? ` · full around ${formatTime(forecast.full_at)}` : ''}
    </Alert>
  );
}

function AnomaliesView({ data }: { data: AnomaliesResponse }) {
  const baselines = Object.entries(data.baselines).map(([metric, baseline]) => `${metric} ${baseline.replaceAll('_', ' ')}`);
  return (
    <Stack gap="sm">
      {data.disk_forecast && <Forecast forecast={data.disk_forecast} />}
      {data.anomalies.length === 0 ? (
        <Text c="dimmed">No anomalies in this window.</Text>
      ) : (
        <DataTable columns={COLUMNS} rows={data.anomalies} rowKey={(a) => `${a.metric}-${a.timestamp}`} minWidth={720} testId="anomalies-table" label="Anomalies" />
      )}
      <Text fz="xs" c="dimmed">
        Sensitivity {data.sensitivity}
        {baselines.length > 0 ? ` · baselines: ${baselines.join(', ')}` : ''} · {formatTime(data.from)} – {formatTime(data.to)}
      </Text>
    </Stack>
  );
}

export function AnomaliesTab({ hostId, window }: { hostId: string; window: TimeWindow }) {
  const { scanned, ...anomalies } = useAnomalies(hostId, window);
  return (
    <Stack gap="sm">
      <Text fz="sm" c="dimmed">
        Unusual values of this host's metrics over {scanned === window ? 'the selected window' : 'the last 24 h'}: robust z-scores against a rolling or
        same-hour-of-day baseline, level shifts, and a disk-full forecast.
      </Text>
      <PolledPanel reply={anomalies} title="Anomalies">
        {(data) => <AnomaliesView data={data} />}
      </PolledPanel>
    </Stack>
  );
}
