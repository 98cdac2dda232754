import { Badge, Card, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useOptionalEndpoint } from '../../hooks/use-optional-endpoint';
import { formatNumber, formatTime } from '../../lib/format';
import type { ComponentsResponse, MetricsResponse } from '../../lib/observability-types';
import { OptionalPanel } from './optional-panel';

/** Circuit and component states as colours; the text is always shown next to them. */
export function stateColor(state: string): string {
  switch (state) {
    case 'closed':
    case 'healthy':
      return 'green';
    case 'half_open':
    case 'degraded':
      return 'yellow';
    case 'open':
    case 'isolated':
    case 'unhealthy':
      return 'red';
    default:
      return 'gray';
  }
}

function StateBadge({ state, what }: { state: string; what: string }) {
  const text = state.replace('_', ' ');
  return (
    <Badge color={stateColor(state)} variant="light" aria-label={`${what}: ${text}`}>
      {text}
    </Badge>
  );
}

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
      <Text fw={600}>Ingest ({data.window})</Text>
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

function ComponentsView({ data }: { data: ComponentsResponse }) {
  const counters = data.counters;
  return (
    <Stack gap="sm" data-testid="lb-components">
      <Group gap="xs">
        <Text fw={600}>Dependencies</Text>
        <StateBadge state={data.overall} what="Overall" />
        <Text fz="xs" c="dimmed">
          checked {formatTime(data.checked_at)}
        </Text>
      </Group>
      <Table.ScrollContainer minWidth={420}>
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Component</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th ta="right">Latency</Table.Th>
              <Table.Th>Last error</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.components.map((c) => (
              <Table.Tr key={c.name}>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>
                  <StateBadge state={c.status} what={`${c.name} status`} />
                </Table.Td>
                <Table.Td ta="right" ff="monospace">{c.latency_ms.toFixed(0)} ms</Table.Td>
                <Table.Td fz="xs">{c.last_error ?? c.detail ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {data.clients && data.clients.length > 0 && (
        <Table.ScrollContainer minWidth={420}>
          <Table verticalSpacing={4} data-testid="lb-clients">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Outbound client</Table.Th>
                <Table.Th>Circuit breaker</Table.Th>
                <Table.Th ta="right">Consecutive failures</Table.Th>
                <Table.Th>Last error</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.clients.map((c) => (
                <Table.Tr key={c.name}>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td>
                    <StateBadge state={c.circuit} what={`${c.name} circuit`} />
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace">{c.consecutive_failures}</Table.Td>
                  <Table.Td fz="xs">{c.last_error ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
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

/** Ingest rate, accepted / rejected / throttled counts and write latency, and each dependency's and client's circuit state. */
export function LoadBalancingTab() {
  const metrics = useOptionalEndpoint<MetricsResponse>('metrics?window=1h', 15_000);
  const components = useOptionalEndpoint<ComponentsResponse>('health/components', 15_000);
  return (
    <Stack gap="md">
      <OptionalPanel
        state={metrics.state}
        title="Ingest metrics"
        onRetry={metrics.refresh}
        missing="Ingest metrics need the /api/v1/observability/metrics endpoint, which this deployment does not have yet."
      >
        {(data) => <IngestView data={data} />}
      </OptionalPanel>
      <OptionalPanel
        state={components.state}
        title="Component health"
        onRetry={components.refresh}
        missing="Circuit states need the /api/v1/observability/health/components endpoint, which this deployment does not have yet."
      >
        {(data) => <ComponentsView data={data} />}
      </OptionalPanel>
    </Stack>
  );
}
