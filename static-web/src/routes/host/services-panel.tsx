import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CheckResult, CollectorError, SystemdUnitState } from '../../lib/types';
import { formatAgo } from '../../lib/format';
import { type Column, DataTable } from '../../components/ui/data-table';
import { CollectorErrors } from './collector-errors';
import { WHOLE } from './whole-badge';

/** Below this many days a certificate is shown in the warning colour; an expired one in the critical colour. */
export const CERTIFICATE_WARNING_DAYS = 14;

export function unitStateColor(unit: SystemdUnitState): string {
  switch (unit.active_state) {
    case 'active':
      return 'teal';
    case 'failed':
      return 'red';
    case 'activating':
    case 'deactivating':
    case 'reloading':
      return 'yellow';
    default:
      // A watched unit is meant to run: inactive is a problem for it, and the normal state of anything else.
      return unit.watched ? 'orange' : 'gray';
  }
}

export function certificateColor(daysLeft: number): string | undefined {
  if (daysLeft < 0) return 'red';
  return daysLeft < CERTIFICATE_WARNING_DAYS ? 'orange' : undefined;
}

function certificateText(daysLeft: number): string {
  const days = Math.floor(Math.abs(daysLeft));
  return daysLeft < 0 ? `expired ${days} d ago` : `${days} d left`;
}

const UNIT_COLUMNS: Column<SystemdUnitState>[] = [
  { header: 'Unit', mono: true, cell: (u) => u.name },
  {
    header: 'State',
    cell: (u) => (
      <Badge color={unitStateColor(u)} variant="filled" size="sm" style={WHOLE} aria-label={`${u.name} state: ${u.active_state}`}>
        {u.active_state}
      </Badge>
    ),
  },
  { header: 'Sub state', cell: (u) => u.sub_state },
  { header: 'Restarts', numeric: true, cell: (u) => u.restarts },
  { header: 'Reported as', small: true, cell: (u) => (u.watched ? 'watched' : 'failed') },
];

const CHECK_COLUMNS: Column<CheckResult>[] = [
  {
    header: 'Check',
    wrap: true,
    cell: (c) => (
      <Stack gap={0}>
        <Text fz="sm" fw={600}>
          {c.name}
        </Text>
        {c.target !== c.name && (
          <Text fz="xs" c="dimmed" ff="monospace">
            {c.target}
          </Text>
        )}
      </Stack>
    ),
  },
  {
    header: 'Status',
    cell: (c) => (
      <Badge color={c.up ? 'teal' : 'red'} variant="filled" size="sm" style={WHOLE} aria-label={`${c.name} is ${c.up ? 'up' : 'down'}`}>
        {c.up ? 'up' : 'down'}
      </Badge>
    ),
  },
  { header: 'Latency', numeric: true, cell: (c) => (c.latency_ms == null ? '—' : `${c.latency_ms.toFixed(c.latency_ms < 10 ? 1 : 0)} ms`) },
  { header: 'HTTP', numeric: true, cell: (c) => c.status_code ?? '—' },
  {
    header: 'Certificate',
    numeric: true,
    cell: (c) =>
      c.certificate_days_left == null ? (
        '—'
      ) : (
        <Text span inherit c={certificateColor(c.certificate_days_left)} fw={certificateColor(c.certificate_days_left) ? 700 : undefined} data-testid="certificate-days">
          {certificateText(c.certificate_days_left)}
        </Text>
      ),
  },
  { header: 'Checked', small: true, cell: (c) => formatAgo(c.checked_at) },
  { header: 'Error', wrap: true, small: true, cell: (c) => (c.error ? <Text span inherit c="red">{c.error}</Text> : '') },
];

/** The rows in trouble first (a failed unit, a check that is down), each group by name. */
function byConcern<T>(rows: T[], bad: (row: T) => boolean, name: (row: T) => string): T[] {
  return [...rows].sort((a, b) => Number(bad(b)) - Number(bad(a)) || name(a).localeCompare(name(b)));
}

function Section({ title, count, children }: { title: string; count?: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Group gap="xs" align="baseline">
        <Title order={4} fz="sm">
          {title}
        </Title>
        {count && (
          <Text fz="xs" c="dimmed">
            {count}
          </Text>
        )}
      </Group>
      {children}
    </Stack>
  );
}

/** The latest sample's systemd units (every failed one and the watched ones) and service check results. */
export function ServicesPanel({ units, checks, errors }: { units: SystemdUnitState[]; checks: CheckResult[]; errors: CollectorError[] }) {
  const failed = units.filter((u) => u.active_state === 'failed').length;
  const down = checks.filter((c) => !c.up).length;
  return (
    <Stack gap="md">
      <Section title="systemd units" count={units.length ? `${failed} failed · ${units.length - failed} other` : undefined}>
        <CollectorErrors errors={errors} collectors={['systemd']} testId="systemd-errors" />
        {units.length === 0 ? (
          <Text c="dimmed" fz="sm" data-testid="units-none">
            No failed units, and no watched ones. To follow a unit whatever its state, list it under <code>systemd.watch_units</code> in the agent's settings.
          </Text>
        ) : (
          <DataTable
            columns={UNIT_COLUMNS}
            rows={byConcern(units, (u) => u.active_state === 'failed', (u) => u.name)}
            rowKey={(u) => u.name}
            minWidth={480}
            testId="units-table"
            label="systemd units"
          />
        )}
      </Section>
      <Section title="Service checks" count={checks.length ? `${down} down · ${checks.length - down} up` : undefined}>
        <CollectorErrors errors={errors} collectors={['checks']} testId="check-errors" />
        {checks.length === 0 ? (
          <Text c="dimmed" fz="sm" data-testid="checks-none">
            No service checks configured. Add TCP or HTTP(S) checks under <code>checks</code> in the agent's settings, or run it with{' '}
            <code>--check tcp://host:port</code> or <code>--check https://url</code>.
          </Text>
        ) : (
          <DataTable
            columns={CHECK_COLUMNS}
            rows={byConcern(checks, (c) => !c.up, (c) => c.name)}
            rowKey={(c) => c.name}
            minWidth={640}
            testId="checks-table"
            label="Service checks"
          />
        )}
      </Section>
    </Stack>
  );
}
