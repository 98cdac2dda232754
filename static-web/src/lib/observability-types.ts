// JSON shapes of the /api/v1/observability endpoints (snake_case, as the API writes them). The API leaves null
// fields out of its replies, so a nullable field may also be absent.

export interface Anomaly {
  timestamp: string;
  metric: string;
  value: number;
  expected: number;
  score: number;
  direction: string;
  severity: string;
  kind: string;
  until: string;
  baseline: string;
}

export interface DiskForecast {
  mount: string;
  current_percent: number;
  slope_percent_per_day: number;
  days_to_full?: number | null;
  full_at?: string | null;
  warning: boolean;
  message: string;
  points: number;
}

export interface AnomaliesResponse {
  status: string;
  host_id: string;
  window: string;
  sensitivity: string;
  from: string;
  to: string;
  count: number;
  baselines: Record<string, string>;
  anomalies: Anomaly[];
  disk_forecast?: DiskForecast | null;
  forecast_alert_id?: string | null;
}

export interface WriteLatency {
  mean: number;
  p95: number;
  max: number;
  writes: number;
}

export interface ServiceMetrics {
  /** "this_instance": the counters, sample rate and write latency are only the answering instance's. */
  counters_scope?: string;
  ingest_rate_samples_per_second: number;
  ingest_rate_posts_per_minute: number;
  accepted_samples: number;
  rejected_samples: number;
  throttled_posts: number;
  counters_since: string;
  total_hosts: number;
  active_hosts: number;
  stale_hosts: number;
  open_alerts_by_severity: Record<string, number>;
  table_write_latency_ms?: WriteLatency | null;
}

export interface MetricsResponse {
  status: string;
  window: string;
  from: string;
  to: string;
  service: ServiceMetrics;
  platform?: { name: string; unit: string; total?: number | null; average?: number | null }[] | null;
  platform_note?: string | null;
  /** Every instance's sums over the window from Azure Monitor; absent when Log Analytics is off or failed. */
  fleet?: FleetMetrics | null;
  /** Why fleet is absent, or that it may be incomplete. */
  fleet_note?: string | null;
}

export interface FleetMetrics {
  source: string;
  accepted_samples: number;
  rejected_samples: number;
  rejected_by_reason: Record<string, number>;
  realtime_messages: Record<string, number>;
  webhook_deliveries: Record<string, number>;
  alert_evaluations: number;
  alert_evaluations_by_result: Record<string, number>;
  table_write_latency_ms?: { mean: number; max: number; writes: number } | null;
}

export interface ComponentHealth {
  name: string;
  status: string;
  latency_ms: number;
  last_error?: string | null;
  detail?: string | null;
}

export interface OutboundClientState {
  name: string;
  circuit: string;
  consecutive_failures: number;
  last_error?: string | null;
}

export interface ThrottleCounters {
  ingest_throttled_posts: number;
  realtime_published: number;
  realtime_failed: number;
  realtime_dropped: number;
  webhooks_delivered: number;
  webhooks_failed: number;
}

export interface ComponentsResponse {
  status: string;
  overall: string;
  checked_at: string;
  components: ComponentHealth[];
  clients?: OutboundClientState[] | null;
  counters?: ThrottleCounters | null;
}

/** A request (AppRequests) or a dependency call (AppDependencies) within a trace. */
export interface TraceSpan {
  id: string;
  parent_id?: string | null;
  kind: string;
  name: string;
  target?: string | null;
  type?: string | null;
  start: string;
  duration_ms: number;
  success: boolean;
  result_code?: string | null;
  /** Level in the trace's span tree, 0 for a root; the spans come parent first, children right after. */
  depth?: number;
  /** Milliseconds after the trace's first span that this one starts. */
  offset_ms?: number;
}

/** One operation of the function app: its root request and the spans under it, in tree order. */
export interface Trace {
  operation_id: string;
  operation: string;
  start: string;
  duration_ms: number;
  success: boolean;
  result_code?: string | null;
  span_count: number;
  spans: TraceSpan[];
}

export interface TracesResponse {
  status: string;
  window: string;
  count: number;
  traces: Trace[];
  /** A Log Analytics partial error: the traces shown may be incomplete. */
  warning?: string | null;
}
