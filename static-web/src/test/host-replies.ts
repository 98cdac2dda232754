import type { ReportResponse, SystemResponse } from '../lib/types';

// One healthy host, web-1, as the report and system endpoints answer for it.

export const at = '2026-11-27T10:00:00Z';
const thresholds = { cpu_warning: 70, cpu_critical: 90, memory_warning: 75, memory_critical: 90, disk_warning: 80, disk_critical: 95 };
const system = {
  cpu: { percent: 20, count: 2, freq_mhz: 0 },
  memory: { total_gb: 8, used_gb: 4, available_gb: 4, percent: 50 },
  disk: { total_gb: 100, used_gb: 10, free_gb: 90, percent: 10 },
  network: { bytes_sent: 0, bytes_recv: 0, connections: 1, sent_bytes_per_sec: 0, recv_bytes_per_sec: 0 },
};

export const report = {
  status: 'success', timestamp: at, host: 'web-1', system, process: null, top_processes: [], health_score: 90, level: 'healthy', stale: false, host_status: 'healthy',
  platform: { system: 'Linux', release: '6', hostname: 'web-1.example', runtime_version: '', os: 'Debian', architecture: 'x64', boot_time: at, agent_version: '1' },
  threshold_check: { status: 'healthy', warnings: [], critical: [], thresholds },
} as ReportResponse;

/** The system reply, with the given sample parts in place of none. */
export function systemReply(parts: Partial<SystemResponse> = {}): SystemResponse {
  return {
    status: 'success', host: 'web-1', timestamp: at, ...system, disks: [], containers: [],
    temperatures: [], systemd_units: [], checks: [], custom_metrics: [], collector_errors: [], dropped_custom_metrics: 0, ...parts,
  };
}
