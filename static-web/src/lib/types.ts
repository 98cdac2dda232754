// Shapes of the infrastructure API (functions/InfraFunctions/Http/Responses.cs): snake_case, UTC timestamps.

import { TIME_WINDOWS } from './windows.generated';

/**
 * A host's status word, the same in every view: down when silent, critical when a threshold is critical or a
 * critical alert is still open, else the threshold status. The health score's level is shown beside it, never for it.
 */
export type HostStatus = 'healthy' | 'degraded' | 'critical' | 'down';
export type HealthLevel = 'healthy' | 'degraded' | 'warning' | 'critical';

export interface HostView {
  host_id: string;
  hostname: string;
  os: string;
  status: HostStatus;
  health_score: number;
  level: HealthLevel;
  cpu_percent: number;
  memory_percent: number;
  disk_percent: number;
  first_seen: string;
  last_seen: string;
  latest_timestamp: string;
  interval_seconds: number;
  stale: boolean;
  /** The host's thresholds in force (its overrides over the defaults); absent for a row first seen live. */
  thresholds?: Thresholds;
  /** The threshold check's own status; absent for a row first seen live. */
  threshold_status?: ThresholdCheck['status'];
  /** The version the host's agent last reported; absent for a row first seen live. */
  agent_version?: string | null;
  /** The agent is older than the deployment's own version. */
  agent_outdated?: boolean | null;
  /** The host's effective tags (agent, then enrollment, then operator, later winning); absent for a row first seen live. */
  tags?: Record<string, string>;
}

export interface HostsResponse {
  status: string;
  count: number;
  hosts: HostView[];
  /** The deployment's own version (the function app's, which the agent it serves shares). */
  agent_version?: string | null;
  /** The token for the next page; null (or absent) on the last. */
  next_page_token?: string | null;
}

/** Where a host's tag came from; an operator's wins over the enrollment's, which wins over the agent's. */
export type TagSource = 'agent' | 'enrollment' | 'operator';

export interface HostTagsResponse {
  status: string;
  host_id: string;
  /** The effective tags. */
  tags: Record<string, string>;
  /** Each effective tag's source, by key. */
  sources: Record<string, TagSource>;
  agent: Record<string, string>;
  enrollment: Record<string, string>;
  operator: Record<string, string>;
}

export interface LoadAverage { one: number; five: number; fifteen: number }

export interface CpuMetrics {
  percent: number;
  count: number;
  freq_mhz: number;
  per_core?: number[] | null;
  load_avg?: LoadAverage | null;
}

export interface SwapMetrics { total_gb: number; used_gb: number; percent: number }

export interface MemoryMetrics {
  total_gb: number;
  used_gb: number;
  available_gb: number;
  percent: number;
  swap?: SwapMetrics | null;
}

export interface DiskMetrics { total_gb: number; used_gb: number; free_gb: number; percent: number }

export interface NetworkMetrics {
  bytes_sent: number;
  bytes_recv: number;
  connections: number;
  sent_bytes_per_sec: number;
  recv_bytes_per_sec: number;
}

export interface DiskMount extends DiskMetrics {
  mount: string;
  device: string;
  fs_type: string;
  read_bytes_per_sec: number;
  write_bytes_per_sec: number;
}

export interface ContainerInfo {
  id: string;
  runtime: string;
  cpu_percent: number;
  memory_bytes: number;
  memory_limit_bytes: number;
}

export interface ProcessInfo {
  pid: number;
  name: string;
  status: string;
  cpu_percent: number;
  memory_mb: number;
  memory_percent: number;
  num_threads: number;
  num_fds: number;
  create_time: string;
}

export interface PlatformView {
  system: string;
  release: string;
  hostname: string;
  runtime_version: string;
  os: string;
  architecture: string;
  boot_time: string;
  agent_version: string;
}

export interface Thresholds {
  cpu_warning: number;
  cpu_critical: number;
  memory_warning: number;
  memory_critical: number;
  disk_warning: number;
  disk_critical: number;
}

/** A host's own levels: each one present overrides the default, each one left out follows it. */
export type ThresholdOverrides = Partial<Thresholds>;

export interface ThresholdsResponse {
  status: string;
  host_id: string;
  /** The levels in force: the host's overrides over the defaults. */
  thresholds: Thresholds;
  defaults: Thresholds;
  overrides: ThresholdOverrides;
  updated_at?: string;
  updated_by?: string;
}

export interface ThresholdCheck {
  status: 'healthy' | 'degraded' | 'critical';
  warnings: string[];
  critical: string[];
  thresholds: Thresholds;
}

export interface ReportResponse {
  status: string;
  timestamp: string;
  host: string;
  platform: PlatformView;
  system: { cpu: CpuMetrics; memory: MemoryMetrics; disk: DiskMetrics; network: NetworkMetrics };
  process: { pid: number; name: string; cpu_percent: number; memory_mb: number; threads: number; file_descriptors: number } | null;
  top_processes: ProcessInfo[];
  threshold_check: ThresholdCheck;
  health_score: number;
  level: HealthLevel;
  stale: boolean;
  host_status: HostStatus;
}

/** One temperature sensor (hwmon or a thermal zone), in °C. */
export interface TemperatureReading {
  sensor: string;
  celsius: number;
  critical_celsius?: number | null;
  max_celsius?: number | null;
}

/** A failed or watched systemd unit. */
export interface SystemdUnitState {
  name: string;
  active_state: string;
  sub_state: string;
  restarts: number;
  watched: boolean;
}

/** The latest result of a TCP or HTTP(S) check the agent runs from the host. */
export interface CheckResult {
  name: string;
  target: string;
  up: boolean;
  checked_at: string;
  latency_ms?: number | null;
  status_code?: number | null;
  /** Negative once the certificate has expired. */
  certificate_days_left?: number | null;
  error?: string | null;
}

/** One series from the agent's textfile directory, with its latest value. */
export interface CustomMetricValue {
  name: string;
  value: number;
  labels?: Record<string, string> | null;
  type?: string | null;
}

/** A problem one collector had with the sample; `collector` is textfile, temperatures, systemd or checks. */
export interface CollectorError {
  collector: string;
  message: string;
}

export interface SystemResponse {
  status: string;
  host: string;
  timestamp: string;
  cpu: CpuMetrics;
  memory: MemoryMetrics;
  disk: DiskMetrics;
  network: NetworkMetrics;
  disks: DiskMount[];
  containers: ContainerInfo[];
  temperatures: TemperatureReading[];
  systemd_units: SystemdUnitState[];
  checks: CheckResult[];
  custom_metrics: CustomMetricValue[];
  collector_errors: CollectorError[];
  /** Custom series the agent left out of the latest sample, past a configured limit or not finite. */
  dropped_custom_metrics: number;
}

export interface CustomPoint {
  timestamp: string;
  /** The average over the point's bucket (the value itself at raw resolution). */
  value: number;
  min: number;
  max: number;
}

export interface CustomSeries {
  name: string;
  labels: Record<string, string>;
  type: string;
  points: CustomPoint[];
}

export interface CustomMetricName {
  name: string;
  type: string;
  /** How many series (label sets) the name has in the window. */
  series: number;
}

export interface CustomResponse {
  status: string;
  host_id: string;
  window: string;
  resolution: string;
  from: string;
  to: string;
  names: CustomMetricName[];
  series: CustomSeries[];
  /** More series matched than the reply holds. */
  truncated: boolean;
}

/** A custom series query: one name, and label values every series must have (key to value). */
export interface CustomQuery {
  name?: string;
  labels?: Record<string, string>;
}

export interface MetricStats { avg: number; min: number; max: number; last: number }

export interface SeriesPoint {
  timestamp: string;
  cpu_percent: number;
  memory_percent: number;
  disk_percent: number;
  swap_percent: number;
  load_1m: number;
  network_sent_bytes_per_sec: number;
  network_recv_bytes_per_sec: number;
  health_score: number;
}

export interface SummaryResponse {
  status: string;
  host: string;
  window: string;
  resolution: string;
  from: string;
  to: string;
  sample_count: number;
  metrics: Record<string, MetricStats>;
  series: SeriesPoint[];
}

export interface AlertView {
  id: string;
  host_id: string;
  metric: string;
  severity: 'warning' | 'critical';
  state: 'open' | 'resolved';
  value: number;
  threshold: number;
  message: string;
  raised_at: string;
  resolved_at?: string | null;
  resolved_value?: number | null;
  acknowledged_at?: string | null;
  acknowledged_by?: string | null;
}

export interface AlertsResponse {
  status: string;
  count?: number;
  alerts: AlertView[];
}

/** RFC 9457 problem details as the API sends them. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
  known_hosts?: string[];
}

export { TIME_WINDOWS };
export type TimeWindow = (typeof TIME_WINDOWS)[number];
