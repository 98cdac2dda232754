import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { api } from '../../lib/api';
import { usePolled } from '../../hooks/use-polled';
import { formatNumber, formatTime } from '../../lib/format';
import type { ComponentsResponse, FleetMetrics, MetricsResponse } from '../../lib/observability-types';
import { PolledPanel, type Reply } from '../../components/ui/polled-panel';
import { ClientsTable, ComponentsTable } from './components-table';

const POLL_MS = 15_000;

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Card withBorder padding="sm" radius="md" data-testid={testId}>
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="lg" ff="monospace">
        {value}
      </Text>
    </Card>
  );
}

const count = (values: Record<string, number>, key: string) => String(values[key] ?? 0);

/** Every instance's work over the window, as Azure Monitor adds up what each one exported. */
function FleetView({ fleet, window }: { fleet: FleetMetrics; window: string }) {
  const lat = fleet.table_write_latency_ms;
  const reasons = Object.entries(fleet.rejected_by_reason).filter(([, n]) => n > 0);
  return (
    <Stack gap="xs" data-testid="lb-fleet">
      <Text fw={600}>All instances ({window}, from Azure Monitor)</Text>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="sm">
        <Stat label="Accepted samples" value={String(fleet.accepted_samples)} testId="lb-fleet-accepted" />
        <Stat label="Rejected samples" value={String(fleet.rejected_samples)} testId="lb-fleet-rejected" />
        <Stat
          label="Realtime published / dropped"
          value={`${count(fleet.realtime_messages, 'published')} / ${count(fleet.realtime_messages, 'dropped')}`}
          testId="lb-fleet-realtime"
        />
        <Stat
          label="Webhooks delivered / failed"
          value={`${count(fleet.webhook_deliveries, 'delivered')} / ${count(fleet.webhook_deliveries, 'failed')}`}
          testId="lb-fleet-webhooks"
        />
        <Stat label="Alert evaluations" value={String(fleet.alert_evaluations)} testId="lb-fleet-evaluations" />
        <Stat
          label="Table write latency (mean / max)"
          value={lat ? `${lat.mean.toFixed(1)} / ${lat.max.toFixed(1)} ms` : 'no writes'}
          testId="lb-fleet-latency"
        />
      </SimpleGrid>
      {(reasons.length > 0 || lat) && (
        <Text fz="xs" c="dimmed">
          {reasons.length > 0 ? `Rejected by reason: ${reasons.map(([r, n]) => `${r} ${n}`).join(', ')}` : ''}
          {reasons.length > 0 && lat ? ' · ' : ''}
          {lat ? `${lat.writes} table writes` : ''}
        </Text>
      )}
    </Stack>
  );
}

function IngestView({ data }: { data: MetricsResponse }) {
  const s = data.service;
  const lat = s.table_write_latency_ms;
  return (
    <Stack gap="md">
      {data.fleet ? (
        <FleetView fleet={data.fleet} window={data.window} />
      ) : (
        <Text fz="sm" c="dimmed" data-testid="lb-fleet-note">
          {data.fleet_note ?? 'Fleet-wide figures are unavailable.'}
        </Text>
      )}
      {data.fleet && data.fleet_note && (
        <Text fz="xs" c="yellow.8" data-testid="lb-fleet-note">
          {data.fleet_note}
        </Text>
      )}
      <Stack gap="xs" data-testid="lb-ingest">
        <Text fw={600}>This instance (counters since {formatTime(s.counters_since)})</Text>
        <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="sm">
          <Stat label="Samples / s" value={formatNumber(s.ingest_rate_samples_per_second)} testId="lb-rate" />
          <Stat label="Posts / min" value={formatNumber(s.ingest_rate_posts_per_minute)} testId="lb-posts" />
          <Stat label="Accepted samples" value={String(s.accepted_samples)} testId="lb-accepted" />
          <Stat label="Rejected samples" value={String(s.rejected_samples)} testId="lb-rejected" />
          <Stat label="Throttled posts" value={String(s.throttled_posts)} testId="lb-throttled" />
          <Stat
            label="Table write latency (mean / p95 / max)"
            value={lat ? `${lat.mean.toFixed(1)} / ${lat.p95.toFixed(1)} / ${lat.max.toFixed(1)} ms` : 'no writes'}
            testId="lb-latency"
          />
        </SimpleGrid>
        <Text fz="xs" c="dimmed">
          Counted by the instance that answered; the app runs on several at once, each counting only its own requests
          {lat ? ` · ${lat.writes} table writes` : ''}. Posts / min and the hosts ({s.active_hosts} active, {s.stale_hosts} stale of {s.total_hosts})
          are the whole fleet&apos;s, from the tables.
        </Text>
      </Stack>
    </Stack>
  );
}

function CircuitsView({ data }: { data: ComponentsResponse }) {
  const counters = data.counters;
  return (
    <Stack gap="sm" data-testid="lb-components">
      <ComponentsTable data={data} />
      {data.clients && data.clients.length > 0 && <ClientsTable clients={data.clients} />}
      {counters && (
        <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="sm" data-testid="lb-counters">
          <Stat label="Ingest throttled" value={String(counters.ingest_throttled_posts)} testId="lb-c-throttled" />
          <Stat label="Realtime published" value={String(counters.realtime_published)} testId="lb-c-rt-published" />
          <Stat label="Realtime failed" value={String(counters.realtime_failed)} testId="lb-c-rt-failed" />
          <Stat label="Realtime dropped" value={String(counters.realtime_dropped)} testId="lb-c-rt-dropped" />
          <Stat label="Webhooks delivered" value={String(counters.webhooks_delivered)} testId="lb-c-wh-delivered" />
          <Stat label="Webhooks failed" value={String(counters.webhooks_failed)} testId="lb-c-wh-failed" />
        </SimpleGrid>
      )}
    </Stack>
  );
}

/**
 * The service's load: every instance's counts from Azure Monitor when it is configured, the answering instance's own
 * ingest rate, accepted / rejected / throttled counts and write latency, and each dependency's and client's circuit state. It sits among a host's tabs, but nothing on it is that host's: it says so first.
 */
export function LoadBalancingTab({ hostname, components }: { hostname: string; components: Reply<ComponentsResponse> }) {
  const metrics = usePolled<MetricsResponse>('metrics:1h', (signal) => api.metrics('1h', signal), POLL_MS);
  return (
    <Stack gap="md">
      <div data-testid="lb-scope">
        <Title order={2} fz="lg">
          Service-wide figures
        </Title>
        <Text fz="sm">
          These figures are for the whole service, not for {hostname}: the counts add up the posts of every host, and the circuit states are
          those of the service's own dependencies. The all-instances counts come from Azure Monitor; the ones marked this instance are only the
          instance that answered.
        </Text>
      </div>
      <PolledPanel reply={metrics} title="Ingest metrics">
        {(data) => <IngestView data={data} />}
      </PolledPanel>
      <PolledPanel reply={components} title="Component health">
        {(data) => <CircuitsView data={data} />}
      </PolledPanel>
    </Stack>
  );
}
