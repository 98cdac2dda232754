import { Alert, Anchor, Badge, Button, Group, Stack, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { useMemo, useState } from 'react';
import { api, describeError } from '../../lib/api';
import type { AlertFilters, FleetAlert } from '../../lib/fleet-alert-types';
import { formatAgo, formatTime } from '../../lib/format';
import { tagChips } from '../../lib/tags';
import { alertsHref, hostHref } from '../../hooks/use-route';
import { useFleetAlerts } from '../../hooks/use-fleet-alerts';
import { canOperate, useRole } from '../../hooks/use-role';
import { type Column, DataTable } from '../../components/ui/data-table';
import { OperatorOnly } from '../../components/ui/operator-only';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/state-views';
import { AlertFiltersBar } from './alert-filters';
import { byOpenThenNewest, stateBadges } from './alert-rows';
import { SilenceDialog } from './silence-dialog';

interface RowActions {
  operator: boolean;
  acknowledging: string | null;
  onAcknowledge: (a: FleetAlert) => void;
  onSilence: (a: FleetAlert) => void;
  onOpenHost: (hostId: string) => void;
}

function columns(now: number, act: RowActions): Column<FleetAlert>[] {
  const cols: Column<FleetAlert>[] = [
    {
      header: 'Severity',
      cell: (a) => (
        <Badge color={a.severity === 'critical' ? 'red' : 'orange'} variant={a.state === 'resolved' ? 'outline' : 'filled'} size="sm" miw={80}>
          {a.severity}
        </Badge>
      ),
    },
    {
      header: 'State',
      cell: (a) => (
        <Group gap={4} data-testid="alert-state">
          {stateBadges(a).map((b) => (
            <Tooltip key={b.label} label={b.title} multiline maw={280}>
              <Badge color={b.color} variant="light" size="sm">
                {b.label}
              </Badge>
            </Tooltip>
          ))}
        </Group>
      ),
    },
    {
      header: 'Host',
      mono: true,
      cell: (a) => (
        <Anchor
          href={hostHref(a.host_id)}
          fz="sm"
          onClick={(e) => {
            e.preventDefault();
            act.onOpenHost(a.host_id);
          }}
        >
          {a.host_id}
        </Anchor>
      ),
    },
    { header: 'Rule', small: true, wrap: true, cell: (a) => a.rule_name || a.rule_id || a.metric },
    { header: 'Message', wrap: true, cell: (a) => a.message },
    { header: 'Tags', small: true, wrap: true, cell: (a) => tagChips(a.tags).join(', ') || '—' },
    {
      header: 'Raised',
      small: true,
      cell: (a) => (
        <span title={formatTime(a.raised_at)}>
          {formatAgo(a.raised_at, now)}
          {a.resolved_at ? `, resolved ${formatAgo(a.resolved_at, now)}` : ''}
        </span>
      ),
    },
  ];
  if (act.operator) {
    cols.push({
      header: <VisuallyHidden>Actions</VisuallyHidden>,
      cell: (a) =>
        a.state === 'open' ? (
          <Group gap={4} wrap="nowrap">
            {!a.acknowledged_at && (
              <Button size="compact-xs" variant="light" loading={act.acknowledging === a.id} onClick={() => act.onAcknowledge(a)} aria-label={`Acknowledge ${a.message} on ${a.host_id}`}>
                Acknowledge
              </Button>
            )}
            {!a.silenced && (
              <Button size="compact-xs" variant="light" color="grape" onClick={() => act.onSilence(a)} aria-label={`Silence ${a.message} on ${a.host_id}`}>
                Silence for…
              </Button>
            )}
          </Group>
        ) : null,
    });
  }
  return cols;
}

/** Every host's alerts, filtered on the server, live while streaming; operators acknowledge and silence from a row. */
export function AlertsPage({ filters, navigate }: { filters: AlertFilters; navigate: (href: string, replace?: boolean) => void }) {
  const { data, error, loading, refresh } = useFleetAlerts(filters);
  const { role } = useRole();
  const [silencing, setSilencing] = useState<FleetAlert | null>(null);
  const [acknowledging, setAcknowledging] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const rows = useMemo(() => byOpenThenNewest(data?.alerts ?? []), [data]);
  const acknowledge = async (a: FleetAlert) => {
    setAcknowledging(a.id);
    setActionError(null);
    try {
      await api.acknowledge(a.id);
      refresh();
    } catch (e) {
      setActionError(describeError(e));
    } finally {
      setAcknowledging(null);
    }
  };
  const open = rows.filter((a) => a.state === 'open').length;
  return (
    <Stack gap="md">
      <div>
        <Title order={1} fz={{ base: 22, sm: 28 }}>
          Alerts
        </Title>
        <Text fz="sm" c="dimmed">
          Every host’s alerts: open ones however old, resolved ones from the last 7 days.
        </Text>
      </div>
      <AlertFiltersBar filters={filters} onChange={(next) => navigate(alertsHref(next), true)} />
      <OperatorOnly what="Acknowledging and silencing alerts">{null}</OperatorOnly>
      {actionError && (
        <Alert color="red" variant="light" role="alert" withCloseButton onClose={() => setActionError(null)}>
          {actionError}
        </Alert>
      )}
      {error != null && <ErrorState error={error} title="The alerts could not be loaded" onRetry={refresh} />}
      {!data && loading && <LoadingState label="Loading alerts…" />}
      {data && rows.length === 0 && <EmptyState title="No alerts match">Open alerts of any age and those resolved in the last 7 days are listed here.</EmptyState>}
      {rows.length > 0 && (
        <>
          <Text fz="sm" data-testid="alerts-count">
            {open} open, {rows.length - open} resolved
          </Text>
          <DataTable
            columns={columns(Date.now(), {
              operator: canOperate(role),
              acknowledging,
              onAcknowledge: (a) => void acknowledge(a),
              onSilence: setSilencing,
              onOpenHost: (hostId) => navigate(hostHref(hostId, 'system-health')),
            })}
            rows={rows}
            rowKey={(a) => a.id}
            minWidth={1100}
            testId="fleet-alerts-table"
            label="Alerts"
          />
        </>
      )}
      <SilenceDialog alert={silencing} onClose={() => setSilencing(null)} onSilenced={refresh} />
    </Stack>
  );
}
