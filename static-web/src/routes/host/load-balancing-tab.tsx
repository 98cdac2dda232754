import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { api } from '../../lib/api';
import { usePolled } from '../../hooks/use-polled';
import { formatNumber, formatTime } from '../../lib/format';
import type { ComponentsResponse, MetricsResponse } from '../../lib/observability-types';
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

function IngestView({ data }: { data: MetricsResponse }) {
  const s = data.service;
  const lat = s.table_write_latency_ms;
  return (
    <Stack gap="xs" data-testid="lb-ingest">
      <Text fw={600}>Ingest from all hosts ({data.window})</Text>
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
        Counters of this instance since {formatTime(s.counters_since)}
        {lat ? ` · ${lat.writes} table writes` : ''} · {s.active_hosts} active, {s.stale_hosts} stale of {s.total_hosts} hosts
      </Text>
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
 * The service's load: ingest rate, accepted / rejected / throttled counts and write latency, and each dependency's and
 * client's circuit state. It sits among a host's tabs, but nothing on it is that host's: it says so first.
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
          These figures are for the whole service, not for {hostname}: the ingest counters add up the posts of every host, and the circuit states
          are those of the service's own dependencies.
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
