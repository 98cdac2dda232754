import { SimpleGrid, Table, useMatches } from '@mantine/core';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { HostView } from '../../lib/types';
import type { SortKey } from './fleet-filters';
import type { FleetControls } from './fleet-controls';
import { type FleetItem, fleetItems, type HostGroup } from './fleet-groups';
import { GroupHeading } from './group-heading';
import { HostCard } from './host-card';
import { HostRow, HostTableHead, TABLE_COLUMNS } from './host-table';

/** Up to this many lines the list renders them all; past it, only those near the viewport (and the rest as space). */
export const WINDOW_FROM = 60;

interface FleetListProps {
  hosts: HostView[];
  groups: HostGroup[] | null;
  groupBy: string | null;
  view: FleetControls['view'];
  order: Pick<FleetControls, 'sort' | 'reversed'>;
  onSort: (column: SortKey) => void;
  now: number;
  onOpen: (href: string) => void;
  deploymentVersion?: string | null;
}

/** The lines near the viewport of a long list scrolled with the page, and the space above and below them. */
function useWindowed(items: FleetItem[], estimate: (item: FleetItem) => number) {
  const listRef = useRef<HTMLDivElement>(null);
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    // The list starts below the header, filters and group summary, whose height changes with what they show.
    const el = listRef.current;
    const top = el ? el.getBoundingClientRect().top + window.scrollY : 0;
    if (Math.abs(top - margin) > 1) setMargin(top);
  }, [items, margin]);
  const windowed = items.length > WINDOW_FROM;
  const virtualizer = useWindowVirtualizer<HTMLElement>({
    count: items.length,
    estimateSize: (i) => estimate(items[i]),
    getItemKey: (i) => items[i].key,
    // A line not laid out (height 0: hidden, or no layout at all) keeps its estimate rather than collapse the list.
    measureElement: (el) => el.getBoundingClientRect().height || estimate(items[Number(el.getAttribute('data-index'))] ?? items[0]),
    overscan: 6,
    scrollMargin: margin,
    // Measurements re-render with the next frame, not one synchronous render per line measured.
    useFlushSync: false,
    enabled: windowed,
  });
  if (!windowed) return { listRef, lines: items.map((item, index) => ({ item, index })), before: 0, after: 0, measure: undefined };
  const virtual = virtualizer.getVirtualItems();
  const before = virtual.length ? virtual[0].start - margin : 0;
  const after = virtual.length ? virtualizer.getTotalSize() - (virtual[virtual.length - 1].end - margin) : virtualizer.getTotalSize();
  return {
    listRef,
    lines: virtual.filter((v) => v.index < items.length).map((v) => ({ item: items[v.index], index: v.index })),
    before: Math.max(0, before),
    after: Math.max(0, after),
    measure: virtualizer.measureElement,
  };
}

export function FleetList({ hosts, groups, groupBy, view, order, onSort, now, onOpen, deploymentVersion }: FleetListProps) {
  const columns = useMatches({ base: 1, sm: 2, lg: 3 });
  const perRow = view === 'table' ? 1 : columns;
  const items = useMemo(() => fleetItems(hosts, groups, perRow), [hosts, groups, perRow]);
  const { listRef, lines, before, after, measure } = useWindowed(items, (item) => (item.kind === 'group' ? 44 : view === 'table' ? 46 : 196));
  const heading = (group: HostGroup) => <GroupHeading tagKey={groupBy ?? ''} group={group} />;

  if (view === 'table') {
    return (
      <div ref={listRef}>
        <Table.ScrollContainer minWidth={1000}>
          <Table verticalSpacing={4} highlightOnHover data-testid="fleet-table" aria-label="Fleet" aria-rowcount={hosts.length + 1}>
            <HostTableHead order={order} onSort={onSort} />
            <Table.Tbody>
              {before > 0 && <tr aria-hidden style={{ height: before }} />}
              {lines.map(({ item, index }) =>
                item.kind === 'group' ? (
                  <Table.Tr key={item.key} ref={measure} data-index={index} bg="var(--mantine-color-default-hover)">
                    <Table.Td colSpan={TABLE_COLUMNS}>{heading(item.group)}</Table.Td>
                  </Table.Tr>
                ) : (
                  <HostRow key={item.key} host={item.hosts[0]} now={now} onOpen={onOpen} measure={measure} index={index} />
                ),
              )}
              {after > 0 && <tr aria-hidden style={{ height: after }} />}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </div>
    );
  }
  return (
    <div ref={listRef} style={{ paddingTop: before, paddingBottom: after }} data-testid="fleet-grid">
      {lines.map(({ item, index }) => (
        <div key={item.key} ref={measure} data-index={index} style={{ paddingBottom: 'var(--mantine-spacing-md)' }}>
          {item.kind === 'group' ? (
            heading(item.group)
          ) : (
            <SimpleGrid cols={perRow} spacing="md">
              {item.hosts.map((h) => (
                <HostCard key={h.host_id} host={h} now={now} onOpen={onOpen} deploymentVersion={deploymentVersion} />
              ))}
            </SimpleGrid>
          )}
        </div>
      ))}
    </div>
  );
}
