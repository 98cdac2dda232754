import { describe, expect, it } from 'vitest';
import { filterHosts, parseTagFilter, sortHosts, tagFiltersOf } from './fleet-sort';
import type { HostView } from '../../lib/types';

const host = (id: string, status: HostView['status'], score: number, cpu = 0, tags?: Record<string, string>, last_seen = '2026-11-27T10:00:00Z'): HostView =>
  ({ host_id: id, hostname: id, status, health_score: score, cpu_percent: cpu, memory_percent: 0, disk_percent: 0, last_seen, tags }) as HostView;

describe('fleet sort and filter', () => {
  const hosts = [
    host('web-1', 'healthy', 95, 10, { env: 'prod', role: 'web' }, '2026-11-27T10:00:03Z'),
    host('db-1', 'critical', 30, 96, { env: 'prod', role: 'db' }, '2026-11-27T10:00:01Z'),
    host('old', 'down', 60, 0, undefined, '2026-11-27T09:00:00Z'),
    host('web-2', 'degraded', 80, 50, { env: 'staging', role: 'web' }, '2026-11-27T10:00:02Z'),
  ];
  const ids = (list: HostView[]) => list.map((h) => h.host_id);

  it('sorts worst status first by default, and by name or CPU on request', () => {
    expect(ids(sortHosts(hosts, 'status'))).toEqual(['old', 'db-1', 'web-2', 'web-1']);
    expect(ids(sortHosts(hosts, 'name'))).toEqual(['db-1', 'old', 'web-1', 'web-2']);
    expect(sortHosts(hosts, 'cpu')[0].host_id).toBe('db-1');
  });

  it('sorts by last seen oldest first, and turns any order round when reversed', () => {
    expect(ids(sortHosts(hosts, 'last_seen'))).toEqual(['old', 'db-1', 'web-2', 'web-1']);
    expect(ids(sortHosts(hosts, 'last_seen', true))).toEqual(['web-1', 'web-2', 'db-1', 'old']);
    expect(ids(sortHosts(hosts, 'cpu', true))).toEqual(['old', 'web-1', 'web-2', 'db-1']);
    expect(ids(sortHosts(hosts, 'score', true))).toEqual(['web-1', 'web-2', 'old', 'db-1']);
  });

  it('filters by name and status', () => {
    expect(ids(filterHosts(hosts, 'WEB', null))).toEqual(['web-1', 'web-2']);
    expect(ids(filterHosts(hosts, '', 'critical'))).toEqual(['db-1']);
  });

  it('filters by tags, every tag at once, together with the name and status filters', () => {
    const prod = [{ key: 'env', value: 'prod' }];
    expect(ids(filterHosts(hosts, '', null, prod))).toEqual(['web-1', 'db-1']);
    expect(ids(filterHosts(hosts, '', null, [...prod, { key: 'role', value: 'web' }]))).toEqual(['web-1']);
    expect(ids(filterHosts(hosts, 'db', null, prod))).toEqual(['db-1']);
    expect(ids(filterHosts(hosts, '', 'healthy', [{ key: 'role', value: 'db' }]))).toEqual([]);
    // Values match exactly, case and all; a host without tags matches no tag filter.
    expect(ids(filterHosts(hosts, '', null, [{ key: 'env', value: 'Prod' }]))).toEqual([]);
  });
});

describe('tag filter chips', () => {
  it('read key:value at the first colon, so a value may hold colons', () => {
    expect(parseTagFilter('env:prod')).toEqual({ key: 'env', value: 'prod' });
    expect(parseTagFilter('url:http://x:80')).toEqual({ key: 'url', value: 'http://x:80' });
  });

  it('say what is wrong with a chip that is not a filter, and filter by the others', () => {
    expect(parseTagFilter('env=prod')).toEqual({ error: "'env=prod' is not key:value." });
    expect(parseTagFilter('9x:y')).toMatchObject({ error: expect.stringContaining("Tag key '9x' must start with a letter") });
    expect(parseTagFilter('env:')).toMatchObject({ error: expect.stringContaining('A tag value is 1-128 characters') });
    const { filters, error } = tagFiltersOf(['role:web', 'oops', 'env:prod']);
    expect(filters).toEqual([{ key: 'role', value: 'web' }, { key: 'env', value: 'prod' }]);
    expect(error).toBe("'oops' is not key:value.");
  });
});
