import type { HostView } from '../../lib/types';
import { statusRank } from '../../lib/health';
import type { SortKey } from './fleet-filters';

export function filterHosts(hosts: HostView[], query: string, status: string | null): HostView[] {
  const q = query.trim().toLowerCase();
  return hosts.filter(
    (h) => (!status || h.status === status) && (!q || h.hostname.toLowerCase().includes(q) || h.host_id.toLowerCase().includes(q)),
  );
}

export function sortHosts(hosts: HostView[], sort: SortKey): HostView[] {
  const byName = (a: HostView, b: HostView) => (a.hostname || a.host_id).localeCompare(b.hostname || b.host_id);
  const compare: Record<SortKey, (a: HostView, b: HostView) => number> = {
    status: (a, b) => statusRank(a.status) - statusRank(b.status) || a.health_score - b.health_score || byName(a, b),
    name: byName,
    score: (a, b) => a.health_score - b.health_score || byName(a, b),
    cpu: (a, b) => b.cpu_percent - a.cpu_percent || byName(a, b),
    memory: (a, b) => b.memory_percent - a.memory_percent || byName(a, b),
    disk: (a, b) => b.disk_percent - a.disk_percent || byName(a, b),
    last_seen: (a, b) => Date.parse(a.last_seen) - Date.parse(b.last_seen) || byName(a, b),
  };
  return [...hosts].sort(compare[sort]);
}
