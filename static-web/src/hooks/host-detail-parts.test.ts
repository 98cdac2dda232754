import { describe, expect, it } from 'vitest';
import { applyHostMessage, withSampleParts } from './use-host-detail';
import type { HostMetricsMessage } from '../lib/realtime';
import type { SystemResponse } from '../lib/types';
import { at, report, systemReply } from '../test/host-replies';

const message = (sample: Partial<HostMetricsMessage['sample']>): HostMetricsMessage => ({
  scope: 'host', host_id: 'web-1', hostname: 'web-1', timestamp: '2026-11-27T10:01:00Z', health_score: 90, level: 'healthy',
  threshold_check: report.threshold_check, samples_in_batch: 1, host_status: 'healthy',
  sample: { timestamp: '2026-11-27T10:01:00Z', cpu: report.system.cpu, memory: report.system.memory, disk: report.system.disk, network: report.system.network, ...sample },
});

describe('the sample parts of the host view', () => {
  it('are empty lists when the system reply leaves them out', () => {
    const older = { status: 'success', host: 'web-1', timestamp: at, ...report.system, disks: [], containers: [] } as unknown as SystemResponse;
    expect(withSampleParts(older)).toMatchObject({ temperatures: [], systemd_units: [], checks: [], custom_metrics: [], collector_errors: [], dropped_custom_metrics: 0 });
  });

  it('follow a live sample: its units, checks and temperatures, and no collector errors once a sample has none', () => {
    const detail = {
      report,
      system: systemReply({
        systemd_units: [{ name: 'backup.service', active_state: 'failed', sub_state: 'failed', restarts: 1, watched: false }],
        collector_errors: [{ collector: 'textfile', message: 'app.prom line 2: bad value' }],
        dropped_custom_metrics: 3,
      }),
    };
    const next = applyHostMessage(detail, message({
      systemd_units: [],
      temperatures: [{ sensor: 'acpitz', celsius: 41 }],
      checks: [{ name: 'api', target: 'tcp://127.0.0.1:80', up: false, checked_at: at, error: 'refused' }],
    }));

    expect(next.system.systemd_units).toEqual([]);
    expect(next.system.temperatures).toEqual([{ sensor: 'acpitz', celsius: 41 }]);
    expect(next.system.checks[0].up).toBe(false);
    expect(next.system.collector_errors).toEqual([]);
    expect(next.system.dropped_custom_metrics).toBe(0);
  });
});
