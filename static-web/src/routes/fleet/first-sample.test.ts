import { describe, expect, it } from 'vitest';
import type { HostView } from '../../lib/types';
import { baselineOf, newSample } from './first-sample';

const row = (host_id: string, last_seen: string) => ({ host_id, last_seen }) as HostView;

describe('the first sample after a key is issued', () => {
  it('is any row for a host the fleet did not have', () => {
    const baseline = baselineOf([row('db-1', '2026-12-01T10:00:00Z')], Date.parse('2026-12-01T10:00:05Z'));
    expect(newSample(baseline, [row('db-1', '2026-12-01T10:00:00Z')], 'web-1')).toBeNull();
    expect(newSample(baseline, [row('web-1', '2026-12-01T09:00:00Z')], 'web-1')?.host_id).toBe('web-1');
  });

  it('for a host already in the fleet, is a post after the one it had when the key was issued', () => {
    const baseline = baselineOf([row('web-1', '2026-12-01T10:00:00Z')], Date.parse('2026-12-01T10:00:05Z'));
    expect(newSample(baseline, [row('web-1', '2026-12-01T10:00:00Z')], 'web-1')).toBeNull();
    expect(newSample(baseline, [row('web-1', '2026-12-01T10:01:00Z')], 'web-1')).not.toBeNull();
  });

  it('without a baseline, is a post at or after the moment the key was issued', () => {
    const baseline = baselineOf(null, Date.parse('2026-12-01T10:00:05Z'));
    expect(newSample(baseline, [row('web-1', '2026-12-01T10:00:00Z')], 'web-1')).toBeNull();
    expect(newSample(baseline, [row('web-1', '2026-12-01T10:00:06Z')], 'web-1')).not.toBeNull();
  });
});
