import type { HostView } from '../../lib/types';

/**
 * What the fleet looked like just before a key was issued: each host's last post. A host's first sample under the
 * new key is a post after that, so a host already in the fleet counts only once its last post moves on.
 */
export interface SampleBaseline {
  /** host id to last_seen; null when the fleet could not be read before the key was issued. */
  lastSeen: ReadonlyMap<string, string> | null;
  /** When the key was issued (ms since epoch): the fallback when there is no baseline. */
  issuedAt: number;
}

export function baselineOf(hosts: readonly HostView[] | null, issuedAt: number): SampleBaseline {
  return { lastSeen: hosts ? new Map(hosts.map((h) => [h.host_id, h.last_seen])) : null, issuedAt };
}

/** The host's row once it has posted since the baseline, else null. */
export function newSample(baseline: SampleBaseline, hosts: readonly HostView[], hostId: string): HostView | null {
  const row = hosts.find((h) => h.host_id === hostId);
  if (!row) return null;
  if (baseline.lastSeen) {
    const before = baseline.lastSeen.get(hostId);
    return before === undefined || row.last_seen !== before ? row : null;
  }
  return Date.parse(row.last_seen) >= baseline.issuedAt ? row : null;
}
