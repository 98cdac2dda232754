import { describe, expect, it, vi } from 'vitest';
import type { HostsResponse, HostView } from '../lib/types';
import { fetchAllHosts, HOSTS_PAGE_LIMIT, hostsPage } from './use-hosts';
import { configureApi } from '../lib/api';
import { fakeRoutes, json } from '../test/fake-routes';

const row = (host_id: string, cpu = 1) => ({ host_id, hostname: host_id, cpu_percent: cpu }) as HostView;
const reply = (hosts: HostView[], next: string | null): HostsResponse => ({ status: 'success', count: hosts.length, hosts, agent_version: '0.2.0', next_page_token: next });

describe('the whole fleet', () => {
  it('follows next_page_token until it is null and merges the pages into one reply', async () => {
    const pages: Record<string, HostsResponse> = {
      '': reply([row('a'), row('b')], 't1'),
      t1: reply([row('c')], 't2'),
      t2: reply([row('d')], null),
    };
    const page = vi.fn(async (token: string | null) => pages[token ?? '']);
    const all = await fetchAllHosts(undefined, page);
    expect(all.hosts.map((h) => h.host_id)).toEqual(['a', 'b', 'c', 'd']);
    expect(all).toMatchObject({ count: 4, agent_version: '0.2.0', next_page_token: null });
    expect(page.mock.calls.map((c) => c[0])).toEqual([null, 't1', 't2']);
  });

  it('keeps a host a later page repeats once, with its later row, and stops on a token it was already given', async () => {
    const page = vi.fn(async (token: string | null) => (token === null ? reply([row('a', 1), row('b')], 't1') : reply([row('a', 50)], 't1')));
    const all = await fetchAllHosts(undefined, page);
    expect(all.hosts.map((h) => [h.host_id, h.cpu_percent])).toEqual([['a', 50], ['b', 1]]);
    expect(page).toHaveBeenCalledTimes(2);
  });

  it('asks for pages of the largest size and passes the token back', async () => {
    const fake = fakeRoutes({ 'GET hosts': () => json(reply([], null)) });
    configureApi({ fetch: fake.fetch });
    await hostsPage(null);
    await hostsPage('abc/+=');
    const [first, second] = fake.callsTo('GET', 'hosts').map((c) => c.url.searchParams);
    expect(first.get('limit')).toBe(String(HOSTS_PAGE_LIMIT));
    expect(first.has('page_token')).toBe(false);
    expect(second.get('page_token')).toBe('abc/+=');
    configureApi({ fetch: (...args) => globalThis.fetch(...args) });
  });
});
