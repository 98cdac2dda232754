import { describe, expect, it } from 'vitest';
import { filterHosts, sortHosts } from './fleet-sort';
import type { HostView } from '../../lib/types';

const host = (id: string, status: HostView['status'], score: number, cpu = 0): HostView =>
  ({ host_id: id, hostname: id, status, health_score: score, cpu_percent: cpu, memory_percent: 0, disk_percent: 0, last_seen: '2026-11-27T10:00:00Z' }) as HostView;

describe('fleet sort and filter', () => {
  const hosts = [host('web-1', 'healthy', 95, 10), host('db-1', 'critical', 30, 96), host('old', 'down', 60), host('web-2', 'degraded', 80, 50)];

  it('sorts worst status first by default, and by name or CPU on request', () => {
    expect(sortHosts(hosts, 'status').map((h) => h.host_id)).toEqual(['old', 'db-1', 'web-2', 'web-1']);
    expect(sortHosts(hosts, 'name').map((h) => h.host_id)).toEqual(['db-1', 'old', 'web-1', 'web-2']);
    expect(sortHosts(hosts, 'cpu')[0].host_id).toBe('db-1');
  });

  it('filters by name and status', () => {
    expect(filterHosts(hosts, 'WEB', null).map((h) => h.host_id)).toEqual(['web-1', 'web-2']);
    expect(filterHosts(hosts, '', 'critical').map((h) => h.host_id)).toEqual(['db-1']);
  });
});
