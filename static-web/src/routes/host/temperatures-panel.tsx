import { Badge, Text } from '@mantine/core';
import type { CollectorError, TemperatureReading } from '../../lib/types';
import { thresholdLabel, thresholdLevel, type ThresholdLevel } from '../../lib/health';
import { formatCelsius } from '../../lib/format';
import { type Column, DataTable } from '../../components/ui/data-table';
import { CollectorErrors } from './collector-errors';
import { WHOLE } from './whole-badge';

/** Critical at or above the sensor's critical level, warning at or above its max; a sensor without either is normal. */
export function temperatureLevel(t: TemperatureReading): ThresholdLevel {
  return thresholdLevel(t.celsius, t.max_celsius ?? Number.POSITIVE_INFINITY, t.critical_celsius ?? Number.POSITIVE_INFINITY);
}

const LEVEL_COLORS: Record<ThresholdLevel, string> = { ok: 'teal', warning: 'orange', critical: 'red' };

const COLUMNS: Column<TemperatureReading>[] = [
  { header: 'Sensor', wrap: true, cell: (t) => t.sensor },
  {
    header: 'Temperature',
    numeric: true,
    cell: (t) => (
      <Text span inherit c={temperatureLevel(t) === 'ok' ? undefined : LEVEL_COLORS[temperatureLevel(t)]} fw={temperatureLevel(t) === 'ok' ? undefined : 700}>
        {formatCelsius(t.celsius)}
      </Text>
    ),
  },
  { header: 'High', numeric: true, cell: (t) => formatCelsius(t.max_celsius) },
  { header: 'Critical', numeric: true, cell: (t) => formatCelsius(t.critical_celsius) },
  {
    header: 'Level',
    cell: (t) => {
      const level = temperatureLevel(t);
      return (
        <Badge color={LEVEL_COLORS[level]} variant={level === 'ok' ? 'light' : 'filled'} size="sm" style={WHOLE} data-testid={`temperature-${level}`}>
          {thresholdLabel(level)}
        </Badge>
      );
    },
  },
];

/** The latest sample's temperature sensors, each with its levels and whether it has reached them. */
export function TemperaturesPanel({ temperatures, errors }: { temperatures: TemperatureReading[]; errors: CollectorError[] }) {
  return (
    <>
      <CollectorErrors errors={errors} collectors={['temperatures']} testId="temperature-errors" />
      {temperatures.length === 0 ? (
        <Text c="dimmed" fz="sm" data-testid="temperatures-none">
          No temperature sensors reported: the host has no hwmon sensors or thermal zones, or <code>temperatures</code> is off in the agent's settings.
        </Text>
      ) : (
        <DataTable columns={COLUMNS} rows={temperatures} rowKey={(t) => t.sensor} minWidth={480} testId="temperatures-table" label="Temperatures" />
      )}
    </>
  );
}
