import { describe, expect, it } from 'vitest';
import { appendPoint, pointFromMessage } from './use-summary';
import { applyFleetMessage } from './use-hosts';
import { newBreaches } from './use-alert-toasts';
import type { HostMetricsMessage } from '../lib/realtime';
import type { HostView, SummaryResponse, ThresholdCheck } from '../lib/types';

const thresholds = { cpu_warning: 70, cpu_critical: 90, memory_warning: 75, memory_critical: 90, disk_warning: 80, disk_critical: 95 };
const check = (critical: string[], warnings: string[] = []): ThresholdCheck => ({ status: 'healthy', critical, warnings, thresholds });

const message = (timestamp: string, cpu: number): HostMetricsMessage => ({
  scope: 'host', host_id: 'h', hostname: 'h', timestamp, health_score: 80, level: 'degraded', threshold_check: check([]), samples_in_batch: 1, host_status: 'healthy',
  sample: {
    timestamp,
    cpu: { percent: cpu, count: 2, freq_mhz: 0, load_avg: { one: 0.5, five: 0, fifteen: 0 } },
    memory: { total_gb: 8, used_gb: 4, available_gb: 4, percent: 50, swap: { total_gb: 1, used_gb: 0.1, percent: 10 } },
    disk: { total_gb: 100, used_gb: 10, free_gb: 90, percent: 10 },
    network: { bytes_sent: 0, bytes_recv: 0, connections: 1, sent_bytes_per_sec: 1, recv_bytes_per_sec: 2 },
  },
});

describe('live points on the charts', () => {
  const summary = { series: [pointFromMessage(message('2026-11-27T10:00:00Z', 10))], sample_count: 1 } as SummaryResponse;

  it('append newer points and drop those that fell out of the window', () => {
    const next = appendPoint(summary, pointFromMessage(message('2026-11-27T10:06:00Z', 20)), 5 * 60_000);
    expect(next.series.map((p) => p.cpu_percent)).toEqual([20]);
    expect(next.series[0]).toMatchObject({ swap_percent: 10, load_1m: 0.5, network_recv_bytes_per_sec: 2, health_score: 80 });
  });

  it('ignore a point that is not newer than the last', () => {
    expect(appendPoint(summary, pointFromMessage(message('2026-11-27T10:00:00Z', 99)), 60_000)).toBe(summary);
  });
});

describe('fleet messages', () => {
  it('update a known host in place and add an unknown one', () => {
    const hosts = [{ host_id: 'a', hostname: 'a', cpu_percent: 1, stale: true } as HostView];
    const fleet = { scope: 'fleet' as const, host_id: 'a', hostname: 'a', os: 'Linux', timestamp: 't', status: 'critical' as const, health_score: 40, level: 'critical' as const, cpu_percent: 95, memory_percent: 1, disk_percent: 1 };
    const updated = applyFleetMessage(hosts, fleet);
    expect(updated[0]).toMatchObject({ cpu_percent: 95, status: 'critical', stale: false });
    expect(applyFleetMessage(hosts, { ...fleet, host_id: 'b' })).toHaveLength(2);
  });
});

describe('breach toasts', () => {
  it('fire for a metric that just became critical, not for one that already was', () => {
    expect(newBreaches(check([]), check(['CPU usage critical: 95.1%'])).critical).toEqual(['CPU usage critical: 95.1%']);
    expect(newBreaches(check(['CPU usage critical: 95.1%']), check(['CPU usage critical: 97.0%'])).critical).toEqual([]);
    expect(newBreaches(check([], ['CPU usage high: 75.0%']), check(['CPU usage critical: 95.0%'])).critical).toHaveLength(1);
    expect(newBreaches(check(['CPU usage critical: 95.0%']), check([], ['CPU usage high: 75.0%'])).warnings).toEqual([]);
  });
});
