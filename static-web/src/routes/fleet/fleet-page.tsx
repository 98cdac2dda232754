import { Badge, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useHosts } from '../../hooks/use-hosts';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/state-views';
import { AutoRefreshSwitch } from '../../components/ui/auto-refresh-switch';
import { statusColor, HOST_STATUSES } from '../../lib/health';
import { useLive } from '../../hooks/use-live';
import { FleetFilters, type SortKey } from './fleet-filters';
import { filterHosts, sortHosts } from './fleet-sort';
import { HostCard } from './host-card';
import { AddHostDialog } from './add-host-dialog';
import { OperatorOnly } from '../../components/ui/operator-only';

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function FleetPage({ onOpen, autoRefresh, setAutoRefresh }: { onOpen: (href: string) => void; autoRefresh: boolean; setAutoRefresh: (v: boolean) => void }) {
  const { data, error, loading, refresh } = useHosts(autoRefresh);
  const live = useLive();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [sort, setSort] = useState<SortKey>('status');
  const now = useNow(5_000);
  const [adding, setAdding] = useState(false);

  const hosts = useMemo(() => sortHosts(filterHosts(data?.hosts ?? [], query, status), sort), [data, query, status, sort]);
  const counts = useMemo(() => {
    const c: Record<string, number> = {};
    for (const h of data?.hosts ?? []) c[h.status] = (c[h.status] ?? 0) + 1;
    return c;
  }, [data]);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} fz={{ base: 22, sm: 28 }}>
            Fleet
          </Title>
          <Group gap={6} mt={4} aria-label="Hosts by status">
            <Text fz="sm" c="dimmed">
              {data ? `${data.hosts.length} host${data.hosts.length === 1 ? '' : 's'}` : ' '}
            </Text>
            {HOST_STATUSES.filter((s) => counts[s]).map((s) => (
              <Badge key={s} color={statusColor(s)} variant="light" size="sm">
                {counts[s]} {s}
              </Badge>
            ))}
          </Group>
        </div>
        <Group gap="sm" wrap="wrap">
          <OperatorOnly>
            <Button size="xs" onClick={() => setAdding(true)} data-testid="add-host">
              Add host
            </Button>
            <AddHostDialog opened={adding} onClose={() => setAdding(false)} onOpen={onOpen} />
          </OperatorOnly>
          <AutoRefreshSwitch checked={autoRefresh} onChange={setAutoRefresh} live={live.enabled && live.state === 'live'} />
        </Group>
      </Group>
      <FleetFilters query={query} onQuery={setQuery} status={status} onStatus={setStatus} sort={sort} onSort={setSort} />
      {error != null && <ErrorState error={error} title="The fleet could not be loaded" onRetry={refresh} />}
      {!data && loading && <LoadingState label="Loading hosts…" />}
      {data && data.hosts.length === 0 && (
        <EmptyState title="No hosts yet">
          An operator adds a host with “Add host”: it issues an agent key and the one command to run on the machine. The host appears here after its first post.
        </EmptyState>
      )}
      {data && data.hosts.length > 0 && hosts.length === 0 && <EmptyState title="No host matches the filter" />}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" data-testid="fleet-grid">
        {hosts.map((h) => (
          <HostCard key={h.host_id} host={h} now={now} onOpen={onOpen} deploymentVersion={data?.agent_version} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
