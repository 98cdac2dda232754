import type { HostStatus, HostView } from '../../lib/types';
import { HOST_STATUSES, statusRank } from '../../lib/health';

/** The hosts that share one value of the grouping key (value null: the hosts without the key). */
export interface HostGroup {
  value: string | null;
  hosts: HostView[];
  /** How many of the group's hosts have each status. */
  counts: Partial<Record<HostStatus, number>>;
  /** The worst status in the group. */
  worst: HostStatus;
}

/** Every tag key some host carries, sorted: the keys the fleet can be grouped by. */
export function tagKeysOf(hosts: readonly HostView[]): string[] {
  const keys = new Set<string>();
  for (const h of hosts) for (const key of Object.keys(h.tags ?? {})) keys.add(key);
  return [...keys].sort();
}

/**
 * The hosts grouped by their value of `key`, groups by value, the hosts without the key last ("untagged"). Each group
 * keeps the hosts in the order given, so a sorted list stays sorted within its groups.
 */
export function groupHosts(hosts: readonly HostView[], key: string): HostGroup[] {
  const byValue = new Map<string | null, HostView[]>();
  for (const h of hosts) {
    const value = h.tags?.[key] ?? null;
    const list = byValue.get(value);
    if (list) list.push(h);
    else byValue.set(value, [h]);
  }
  const values = [...byValue.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
  return values.map((value) => summarise(value, byValue.get(value)!));
}

function summarise(value: string | null, hosts: HostView[]): HostGroup {
  const counts: Partial<Record<HostStatus, number>> = {};
  let worst: HostStatus = 'healthy';
  for (const h of hosts) {
    counts[h.status] = (counts[h.status] ?? 0) + 1;
    if (statusRank(h.status) < statusRank(worst)) worst = h.status;
  }
  return { value, hosts, counts, worst };
}

/** "2 critical, 1 down, 5 healthy": the group's statuses, worst first. */
export function statusSummary(counts: HostGroup['counts']): string {
  return [...HOST_STATUSES]
    .sort((a, b) => statusRank(a) - statusRank(b))
    .filter((s) => counts[s])
    .map((s) => `${counts[s]} ${s}`)
    .join(', ');
}

/** One line of the fleet list: a group's heading, or a row of hosts (one per table row, a few per row of cards). */
export type FleetItem = { kind: 'group'; key: string; group: HostGroup } | { kind: 'hosts'; key: string; hosts: HostView[] };

/** The list the page renders (and windows): each group's heading before its hosts, the hosts `perRow` at a time. */
export function fleetItems(hosts: readonly HostView[], groups: readonly HostGroup[] | null, perRow: number): FleetItem[] {
  const items: FleetItem[] = [];
  const rows = (list: readonly HostView[], prefix: string) => {
    for (let i = 0; i < list.length; i += perRow) {
      const chunk = list.slice(i, i + perRow);
      items.push({ kind: 'hosts', key: `${prefix}${chunk[0].host_id}`, hosts: chunk });
    }
  };
  if (!groups) rows(hosts, 'h:');
  else
    for (const group of groups) {
      const id = group.value === null ? 'untagged' : `=${group.value}`;
      items.push({ kind: 'group', key: `g:${id}`, group });
      rows(group.hosts, `h:${id}:`);
    }
  return items;
}
