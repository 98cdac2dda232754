import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useHosts } from '../../hooks/use-hosts';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/state-views';
import { AutoRefreshSwitch } from '../../components/ui/auto-refresh-switch';
import { statusColor, HOST_STATUSES } from '../../lib/health';
import { useLive } from '../../hooks/use-live';
import { FleetFilters, type SortKey } from './fleet-filters';
import { filterHosts, sortHosts, tagFiltersOf } from './fleet-sort';
import { groupHosts, tagKeysOf } from './fleet-groups';
import { sortByColumn, useFleetControls } from './fleet-controls';
import { FleetList } from './fleet-list';
import { GroupSummary } from './group-heading';
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
  const [controls, update] = useFleetControls();
  // The inputs answer each keystroke at once; the list follows when the browser has time.
  const shown = useDeferredValue(controls);
  const now = useNow(5_000);
  const [adding, setAdding] = useState(false);
  const all = data?.hosts;

  const tagKeys = useMemo(() => tagKeysOf(all ?? []), [all]);
  const tagPairs = useMemo(() => [...new Set((all ?? []).flatMap((h) => Object.entries(h.tags ?? {}).map(([k, v]) => `${k}:${v}`)))].sort(), [all]);
  const tagFilters = useMemo(() => tagFiltersOf(shown.tags).filters, [shown.tags]);
  // Sorted once per reply or order; a filter keystroke then only filters, which keeps the order.
  const sorted = useMemo(() => sortHosts(all ?? [], shown.sort, shown.reversed), [all, shown.sort, shown.reversed]);
  const hosts = useMemo(() => filterHosts(sorted, shown.query, shown.status, tagFilters), [sorted, shown.query, shown.status, tagFilters]);
  const groups = useMemo(() => (shown.groupBy ? groupHosts(hosts, shown.groupBy) : null), [hosts, shown.groupBy]);
  const counts = useMemo(() => {
    const c: Record<string, number> = {};
    for (const h of all ?? []) c[h.status] = (c[h.status] ?? 0) + 1;
    return c;
  }, [all]);
  const onSort = useCallback((column: SortKey) => update(sortByColumn(controls, column)), [controls, update]);
  const pickGroup = useCallback((tag: string) => update({ tags: controls.tags.includes(tag) ? controls.tags : [...controls.tags, tag] }), [controls.tags, update]);
  const narrowed = all !== undefined && hosts.length !== all.length;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} fz={{ base: 22, sm: 28 }}>
            Fleet
          </Title>
          <Group gap={6} mt={4} aria-label="Hosts by status">
            <Text fz="sm" c="dimmed" data-testid="fleet-count">
              {all ? `${narrowed ? `${hosts.length} of ` : ''}${all.length} host${all.length === 1 ? '' : 's'}${narrowed ? ' shown' : ''}` : ' '}
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
      <FleetFilters controls={controls} onChange={update} tagKeys={tagKeys} tagPairs={tagPairs} />
      {error != null && <ErrorState error={error} title="The fleet could not be loaded" onRetry={refresh} />}
      {!data && loading && <LoadingState label="Loading hosts…" />}
      {data && data.hosts.length === 0 && (
        <EmptyState title="No hosts yet">
          An operator adds a host with “Add host”: it issues an agent key and the one command to run on the machine. The host appears here after its first post.
        </EmptyState>
      )}
      {data && data.hosts.length > 0 && hosts.length === 0 && <EmptyState title="No host matches the filter" />}
      {groups && shown.groupBy && hosts.length > 0 && <GroupSummary tagKey={shown.groupBy} groups={groups} onPick={pickGroup} />}
      {hosts.length > 0 && (
        <FleetList
          hosts={hosts}
          groups={groups}
          groupBy={shown.groupBy}
          view={shown.view}
          order={shown}
          onSort={onSort}
          now={now}
          onOpen={onOpen}
          deploymentVersion={data?.agent_version}
        />
      )}
    </Stack>
  );
}
