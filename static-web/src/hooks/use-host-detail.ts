import { useCallback } from 'react';
import { api } from '../lib/api';
import type { ReportResponse, SystemResponse } from '../lib/types';
import type { HostMetricsMessage } from '../lib/realtime';
import { usePolled } from './use-polled';
import { useLive, useLiveFeed } from './use-live';
import { POLL_MS } from './use-hosts';

export interface HostDetail {
  report: ReportResponse;
  system: SystemResponse;
}

/** The system reply with every sample part present, so an API that predates one still renders (as "none reported"). */
export function withSampleParts(system: SystemResponse): SystemResponse {
  return {
    ...system,
    temperatures: system.temperatures ?? [],
    systemd_units: system.systemd_units ?? [],
    checks: system.checks ?? [],
    custom_metrics: system.custom_metrics ?? [],
    collector_errors: system.collector_errors ?? [],
    dropped_custom_metrics: system.dropped_custom_metrics ?? 0,
  };
}

/** Folds a live sample into the host view, so cards and tables move without a request. */
export function applyHostMessage(detail: HostDetail, m: HostMetricsMessage): HostDetail {
  const s = m.sample;
  const report: ReportResponse = {
    ...detail.report,
    timestamp: m.timestamp,
    system: { cpu: s.cpu, memory: s.memory, disk: s.disk, network: s.network },
    top_processes: s.processes ? [...s.processes].sort((a, b) => b.cpu_percent - a.cpu_percent).slice(0, detail.report.top_processes.length || 10) : detail.report.top_processes,
    threshold_check: m.threshold_check,
    health_score: m.health_score,
    level: m.level,
    host_status: m.host_status,
    stale: false,
  };
  const system: SystemResponse = {
    ...detail.system,
    timestamp: m.timestamp,
    cpu: s.cpu,
    memory: s.memory,
    disk: s.disk,
    network: s.network,
    disks: s.disks ?? detail.system.disks,
    containers: s.containers ?? detail.system.containers,
    // The agent sends every part as a list, empty when it has nothing: a sample without them is from an older agent.
    temperatures: s.temperatures ?? detail.system.temperatures,
    systemd_units: s.systemd_units ?? detail.system.systemd_units,
    checks: s.checks ?? detail.system.checks,
    custom_metrics: s.custom_metrics ?? detail.system.custom_metrics,
    collector_errors: s.collector_errors ?? [],
    dropped_custom_metrics: s.dropped_custom_metrics ?? 0,
  };
  return { report, system };
}

export function useHostDetail(hostId: string, autoRefresh: boolean, onLive?: (m: HostMetricsMessage) => void) {
  const { enabled, state } = useLive();
  const streaming = enabled && state === 'live';
  const fetcher = useCallback(
    async (signal: AbortSignal): Promise<HostDetail> => {
      const [report, system] = await Promise.all([api.report(hostId, signal), api.system(hostId, signal)]);
      return { report, system: withSampleParts(system) };
    },
    [hostId],
  );
  const polled = usePolled<HostDetail>(`detail:${hostId}`, fetcher, autoRefresh && !streaming ? POLL_MS : null);
  const { mutate } = polled;
  useLiveFeed([hostId], {
    onHost: (m) => {
      if (m.host_id !== hostId) return;
      mutate((current) => current && applyHostMessage(current, m));
      onLive?.(m);
    },
  });
  return polled;
}
