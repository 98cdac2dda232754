import { describe, expect, it } from 'vitest';
import type { HostView } from '../../lib/types';
import { fleetItems, groupHosts, statusSummary, tagKeysOf } from './fleet-groups';
import { sortByColumn } from './fleet-controls';

const host = (id: string, status: HostView['status'], tags?: Record<string, string>) => ({ host_id: id, hostname: id, status, tags }) as HostView;

describe('grouping the fleet by a tag key', () => {
  const hosts = [
    host('w1', 'healthy', { role: 'web', env: 'prod' }),
    host('d1', 'degraded', { role: 'db' }),
    host('x1', 'down'),
    host('w2', 'critical', { role: 'web' }),
    host('x2', 'healthy', { env: 'staging' }),
  ];

  it('makes one group per value, by value, with the hosts without the key last, each keeping the given order', () => {
    const groups = groupHosts(hosts, 'role');
    expect(groups.map((g) => [g.value, g.hosts.map((h) => h.host_id)])).toEqual([
      ['db', ['d1']],
      ['web', ['w1', 'w2']],
      [null, ['x1', 'x2']],
    ]);
  });

  it('summarises each group by its worst status and its count of each status', () => {
    const [db, web, untagged] = groupHosts(hosts, 'role');
    expect([db.worst, web.worst, untagged.worst]).toEqual(['degraded', 'critical', 'down']);
    expect(web.counts).toEqual({ healthy: 1, critical: 1 });
    expect(statusSummary(web.counts)).toBe('1 critical, 1 healthy');
    expect(statusSummary(untagged.counts)).toBe('1 down, 1 healthy');
  });

  it('offers the keys the fleet carries, sorted', () => {
    expect(tagKeysOf(hosts)).toEqual(['env', 'role']);
    expect(tagKeysOf([host('a', 'healthy')])).toEqual([]);
  });

  it('lays the hosts out as lines: a heading before each group, and rows of as many hosts as fit', () => {
    const lines = fleetItems(hosts, groupHosts(hosts, 'role'), 2);
    expect(lines.map((l) => (l.kind === 'group' ? `# ${l.group.value}` : l.hosts.map((h) => h.host_id).join(' ')))).toEqual([
      '# db',
      'd1',
      '# web',
      'w1 w2',
      '# null',
      'x1 x2',
    ]);
    expect(new Set(lines.map((l) => l.key)).size).toBe(lines.length);
    expect(fleetItems(hosts, null, 1)).toHaveLength(5);
  });
});

describe('a click on a table heading', () => {
  it('sorts by that column in its usual order, and a second click turns it round', () => {
    expect(sortByColumn({ sort: 'status', reversed: false }, 'cpu')).toEqual({ sort: 'cpu', reversed: false });
    expect(sortByColumn({ sort: 'cpu', reversed: false }, 'cpu')).toEqual({ sort: 'cpu', reversed: true });
    expect(sortByColumn({ sort: 'cpu', reversed: true }, 'last_seen')).toEqual({ sort: 'last_seen', reversed: false });
  });
});
