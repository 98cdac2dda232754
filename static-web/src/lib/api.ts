import type { AnomaliesResponse, ComponentsResponse, MetricsResponse, TracesResponse } from './observability-types';
import type {
  AlertsResponse,
  CustomQuery,
  CustomResponse,
  HostsResponse,
  ProblemDetails,
  ReportResponse,
  SummaryResponse,
  SystemResponse,
  ThresholdOverrides,
  ThresholdsResponse,
  TimeWindow,
} from './types';

/** An API failure carrying the problem+json the server sent, so the UI can show its detail. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails;

  constructor(status: number, problem: ProblemDetails) {
    super(problem.detail ?? problem.title ?? `Request failed with HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

/**
 * A 503: the API is up but a part it needs is not (an unset setting, storage down, a throttling upstream). The reply
 * names the part, and asking again later may succeed, unlike any other failure.
 */
export function isUnavailable(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 503;
}

interface ApiSettings {
  baseUrl: string;
  getToken: () => string | null;
  onUnauthorized: (message: string) => void;
  fetch: typeof fetch;
}

const settings: ApiSettings = {
  baseUrl: '',
  getToken: () => null,
  onUnauthorized: () => {},
  fetch: (...args) => globalThis.fetch(...args),
};

export function configureApi(next: Partial<ApiSettings>): void {
  Object.assign(settings, next);
  settings.baseUrl = settings.baseUrl.replace(/\/+$/, '');
}

export function apiBaseUrl(): string {
  return settings.baseUrl;
}

/** Reads /config.json (written at deploy time); without one the API is on the same origin. */
export async function loadApiBaseUrl(fetcher: typeof fetch = globalThis.fetch): Promise<string> {
  try {
    const response = await fetcher('/config.json', { cache: 'no-store' });
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return '';
    const body = (await response.json()) as { api_base_url?: unknown };
    return typeof body.api_base_url === 'string' ? body.api_base_url.trim().replace(/\/+$/, '') : '';
  } catch {
    return '';
  }
}

async function readProblem(response: Response): Promise<ProblemDetails> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      return (await response.json()) as ProblemDetails;
    } catch {
      // An empty or truncated body: fall through to the status line.
    }
  }
  return { title: response.statusText || `HTTP ${response.status}`, status: response.status };
}

export async function request<T>(path: string, init: RequestInit = {}, signal?: AbortSignal): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  const token = settings.getToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  if (init.body !== undefined) headers.set('Content-Type', 'application/json');
  const response = await settings.fetch(`${settings.baseUrl}${path}`, { ...init, headers, signal });
  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401) {
      settings.onUnauthorized(problem.detail ?? 'The token was not accepted. Enter a valid reader token.');
    }
    throw new ApiError(response.status, problem);
  }
  // A 204 (a delete with nothing to say) has no body to read.
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

const base = '/api/v1/observability';
const hostQuery = (hostId: string) => `host=${encodeURIComponent(hostId)}`;

export type InfrastructurePart = 'system' | 'process' | 'platform' | 'health' | 'report';

export const api = {
  hosts: (signal?: AbortSignal) => request<HostsResponse>(`${base}/hosts`, {}, signal),
  report: (hostId: string, signal?: AbortSignal) =>
    request<ReportResponse>(`${base}/infrastructure/report?${hostQuery(hostId)}`, {}, signal),
  system: (hostId: string, signal?: AbortSignal) =>
    request<SystemResponse>(`${base}/infrastructure/system?${hostQuery(hostId)}`, {}, signal),
  summary: (hostId: string, window: TimeWindow, signal?: AbortSignal) =>
    request<SummaryResponse>(`${base}/infrastructure/summary?${hostQuery(hostId)}&window=${window}`, {}, signal),
  /** Custom series over a window: every name, and the series of one name narrowed by label values. */
  custom: (hostId: string, window: TimeWindow, query: CustomQuery = {}, signal?: AbortSignal) => {
    const params = new URLSearchParams({ host: hostId, window });
    if (query.name) params.set('name', query.name);
    for (const [key, value] of Object.entries(query.labels ?? {})) params.append('label', `${key}:${value}`);
    return request<CustomResponse>(`${base}/infrastructure/custom?${params.toString()}`, {}, signal);
  },
  alerts: (query: { host?: string; state?: 'open' | 'resolved'; since?: string }, signal?: AbortSignal) => {
    const params = new URLSearchParams();
    if (query.host) params.set('host', query.host);
    if (query.state) params.set('state', query.state);
    if (query.since) params.set('since', query.since);
    return request<AlertsResponse>(`${base}/alerts?${params.toString()}`, {}, signal);
  },
  acknowledge: (alertId: string) =>
    request<unknown>(`${base}/alerts/${encodeURIComponent(alertId)}/acknowledge`, { method: 'POST', body: '{}' }),
  thresholds: (hostId: string, signal?: AbortSignal) => request<ThresholdsResponse>(`${base}/thresholds?${hostQuery(hostId)}`, {}, signal),
  /** Replaces the host's overrides (operator): a level left out follows the default. */
  setThresholds: (hostId: string, overrides: ThresholdOverrides) =>
    request<ThresholdsResponse>(`${base}/thresholds?${hostQuery(hostId)}`, { method: 'PUT', body: JSON.stringify(overrides) }),
  resetThresholds: (hostId: string) => request<ThresholdsResponse>(`${base}/thresholds?${hostQuery(hostId)}`, { method: 'DELETE' }),
  /** The function app's own requests and dependencies, grouped by operation. */
  traces: (window: TimeWindow, signal?: AbortSignal) => request<TracesResponse>(`${base}/traces?window=${window}`, {}, signal),
  anomalies: (hostId: string, window: TimeWindow, signal?: AbortSignal) =>
    request<AnomaliesResponse>(`${base}/anomalies?${hostQuery(hostId)}&window=${window}`, {}, signal),
  /** Service-wide figures: ingest counters, host counts, write latency, platform metrics. */
  metrics: (window: TimeWindow, signal?: AbortSignal) => request<MetricsResponse>(`${base}/metrics?window=${window}`, {}, signal),
  /** Service-wide: the health of each dependency, and each outbound client's circuit state. */
  components: (signal?: AbortSignal) => request<ComponentsResponse>(`${base}/health/components`, {}, signal),
  startStream: (connectionId: string, hosts: string[]) =>
    request<{ status: string; interval_seconds: number; lease_expires_at: string }>(`${base}/start-metrics-stream`, {
      method: 'POST',
      body: JSON.stringify({ connection_id: connectionId, hosts }),
    }),
  stopStream: (connectionId: string, keepalive = false) =>
    request<unknown>(`${base}/stop-metrics-stream`, {
      method: 'POST',
      body: JSON.stringify({ connection_id: connectionId }),
      keepalive,
    }),
};

/** A person-readable sentence for any failure. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const { title, detail, errors } = error.problem;
    const fields = errors ? Object.entries(errors).map(([k, v]) => `${k}: ${v.join(' ')}`) : [];
    return [detail ?? title ?? error.message, ...fields].join(' ');
  }
  if (error instanceof TypeError) return `The API could not be reached (${error.message}).`;
  return error instanceof Error ? error.message : String(error);
}
