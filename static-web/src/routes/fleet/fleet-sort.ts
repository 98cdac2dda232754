import type { HostView } from '../../lib/types';
import { statusRank } from '../../lib/health';
import { tagKeyProblem, tagValueProblem } from '../../lib/tags';
import type { SortKey } from './fleet-filters';

/** One `key:value` tag filter; a host matches when its effective tags carry that value under that key. */
export interface TagFilter {
  key: string;
  value: string;
}

/** Reads a `key:value` chip as the API reads `?tag=` (split at the first colon; a key has none), or says what is wrong. */
export function parseTagFilter(text: string): TagFilter | { error: string } {
  const colon = text.indexOf(':');
  if (colon < 0) return { error: `'${text}' is not key:value.` };
  const key = text.slice(0, colon).trim();
  const value = text.slice(colon + 1);
  const problem = tagKeyProblem(key) ?? tagValueProblem(value);
  return problem ? { error: problem } : { key, value };
}

/** The filters among the chips, and the first problem of those that are not filters (null when all are). */
export function tagFiltersOf(chips: readonly string[]): { filters: TagFilter[]; error: string | null } {
  const filters: TagFilter[] = [];
  let error: string | null = null;
  for (const chip of chips) {
    const parsed = parseTagFilter(chip);
    if ('error' in parsed) error ??= parsed.error;
    else filters.push(parsed);
  }
  return { filters, error };
}

export function hasTags(host: HostView, filters: readonly TagFilter[]): boolean {
  return filters.every((f) => host.tags?.[f.key] === f.value);
}

/** The hosts whose name or id holds `query`, of `status` (null: any), carrying every tag of `tags` (AND). */
export function filterHosts(hosts: readonly HostView[], query: string, status: string | null, tags: readonly TagFilter[] = []): HostView[] {
  const q = query.trim().toLowerCase();
  return hosts.filter(
    (h) =>
      (!status || h.status === status) &&
      (!q || h.hostname.toLowerCase().includes(q) || h.host_id.toLowerCase().includes(q)) &&
      (tags.length === 0 || hasTags(h, tags)),
  );
}

// One collator for every comparison: String.localeCompare builds its own each call, which a sort of 1,000 hosts feels.
const collator = new Intl.Collator();
const byName = (a: HostView, b: HostView) => collator.compare(a.hostname || a.host_id, b.hostname || b.host_id);
const seen = (h: HostView) => Date.parse(h.last_seen) || 0;

const COMPARE: Record<SortKey, (a: HostView, b: HostView) => number> = {
  status: (a, b) => statusRank(a.status) - statusRank(b.status) || a.health_score - b.health_score || byName(a, b),
  name: byName,
  score: (a, b) => a.health_score - b.health_score || byName(a, b),
  cpu: (a, b) => b.cpu_percent - a.cpu_percent || byName(a, b),
  memory: (a, b) => b.memory_percent - a.memory_percent || byName(a, b),
  disk: (a, b) => b.disk_percent - a.disk_percent || byName(a, b),
  last_seen: (a, b) => seen(a) - seen(b) || byName(a, b),
};

/** Sorted by `sort` in its natural order (worst, busiest or oldest first), or the other way round when `reversed`. */
export function sortHosts(hosts: readonly HostView[], sort: SortKey, reversed = false): HostView[] {
  const compare = COMPARE[sort];
  return [...hosts].sort(reversed ? (a, b) => compare(b, a) : compare);
}
