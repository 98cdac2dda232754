import {
  HttpTransportType,
  type HubConnection,
  HubConnectionBuilder,
  HubConnectionState,
  LogLevel,
} from '@microsoft/signalr';
import { api, apiBaseUrl } from './api';
import type { HostStatus, HealthLevel, Sample, ThresholdCheck } from './live-types';
import type { HostView } from './types';

// Live updates over SignalR Service (README "Live updates"). The client negotiates at {apiBase}/api/negotiate, then asks
// start-metrics-stream to add its connection to the groups of the hosts on screen, and renews that lease while
// the page is open. Message shapes: README.md, "Live updates".
//
// The client token negotiate returns lives only minutes (SignalR__ClientTokenLifetimeMinutes), so every connection,
// automatic reconnect or retry negotiates at {apiBase}/api again: accessTokenFactory hands over the reader token
// stored now, and the API checks it each time. A revoked token ends live updates instead of being retried.

export interface HostMetricsMessage {
  scope: 'host';
  host_id: string;
  hostname: string;
  timestamp: string;
  health_score: number;
  level: HealthLevel;
  threshold_check: ThresholdCheck;
  samples_in_batch: number;
  sample: Sample;
  host_status: HostStatus;
}

/** The fleet row's live fields, named and typed as in the hosts list, so a message updates a row in place. */
export interface FleetMetricsMessage
  extends Pick<HostView, 'host_id' | 'hostname' | 'os' | 'status' | 'health_score' | 'level' | 'cpu_percent' | 'memory_percent' | 'disk_percent'> {
  scope: 'fleet';
  timestamp: string;
}

export interface AlertMessage {
  kind: 'raised' | 'resolved';
  alert_id: string;
  host_id: string;
  metric: string;
  severity: 'warning' | 'critical';
  value: number;
  threshold: number;
  message: string;
  raised_at: string;
  resolved_at: string | null;
}

export type LiveState = 'off' | 'connecting' | 'live' | 'reconnecting' | 'error';

export interface LiveHandlers {
  onHost?: (message: HostMetricsMessage) => void;
  onFleet?: (message: FleetMetricsMessage) => void;
  onAlert?: (message: AlertMessage) => void;
  onState?: (state: LiveState, detail?: string) => void;
}

const RENEW_MS = 60_000;
export const TOKEN_REFUSED =
  'The access token is no longer accepted for live updates (revoked or unknown). Enter a valid reader token, then turn live updates on again.';

/** Negotiate answered 401 or 403: the token is wrong for good, and retrying would only repeat that. */
function isRefusedToken(error: unknown): boolean {
  // The SignalR client wraps the negotiate HttpError in a FailedToNegotiateWithServerError, keeping its status text.
  return error instanceof Error && /Status code '40[13]'/.test(error.message);
}
const RETRY_DELAYS_MS = [0, 2_000, 5_000, 10_000, 30_000];

export class LiveStream {
  private connection: HubConnection | null = null;
  private renewTimer: ReturnType<typeof setInterval> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private hosts: string[] = [];
  private stopped = true;
  private attempt = 0;
  private readonly handlers: LiveHandlers;
  private readonly getToken: () => string | null;

  constructor(getToken: () => string | null, handlers: LiveHandlers) {
    this.getToken = getToken;
    this.handlers = handlers;
  }

  async start(hosts: string[]): Promise<void> {
    this.stopped = false;
    this.hosts = hosts;
    this.handlers.onState?.('connecting');
    await this.connect();
  }

  /** Changes the watched hosts of a running stream: one more start-metrics-stream call. */
  async watch(hosts: string[]): Promise<void> {
    this.hosts = hosts;
    if (this.connection?.state === HubConnectionState.Connected) await this.subscribe();
  }

  async stop(keepalive = false): Promise<void> {
    this.stopped = true;
    this.clearTimers();
    const connection = this.connection;
    this.connection = null;
    if (!connection) return;
    const id = connection.connectionId;
    if (id) await api.stopStream(id, keepalive).catch(() => undefined);
    await connection.stop().catch(() => undefined);
    this.handlers.onState?.('off');
  }

  private async connect(): Promise<void> {
    const connection = new HubConnectionBuilder()
      .withUrl(`${apiBaseUrl()}/api`, {
        accessTokenFactory: () => this.getToken() ?? '',
        transport: HttpTransportType.WebSockets | HttpTransportType.ServerSentEvents | HttpTransportType.LongPolling,
      })
      .withAutomaticReconnect(RETRY_DELAYS_MS)
      .configureLogging(LogLevel.None)
      .build();
    connection.on('metrics.updated', (message: HostMetricsMessage | FleetMetricsMessage) => {
      if (message?.scope === 'fleet') this.handlers.onFleet?.(message);
      else if (message?.scope === 'host') this.handlers.onHost?.(message);
    });
    connection.on('alert.updated', (message: AlertMessage) => this.handlers.onAlert?.(message));
    connection.onreconnecting(() => this.handlers.onState?.('reconnecting'));
    // A reconnect gets a new connection id: its group memberships must be asked for again.
    connection.onreconnected(() => void this.subscribe());
    // A close the service decides (the token was revoked, say) comes without reconnect: the retry below negotiates
    // again, and a refused token then ends it.
    connection.onclose((error) => {
      if (!this.stopped) this.scheduleRetry(error?.message ?? 'The live connection closed.');
    });
    this.connection = connection;
    try {
      await connection.start();
      if (this.stopped) {
        await connection.stop();
        return;
      }
      this.attempt = 0;
      await this.subscribe();
      this.renewTimer = setInterval(() => void this.subscribe(), RENEW_MS);
    } catch (error) {
      if (this.stopped) return;
      if (isRefusedToken(error)) {
        this.connection = null;
        this.clearTimers();
        this.handlers.onState?.('error', TOKEN_REFUSED);
        return;
      }
      this.scheduleRetry(error instanceof Error ? error.message : String(error));
    }
  }

  private async subscribe(): Promise<void> {
    const id = this.connection?.connectionId;
    if (!id || this.stopped) return;
    try {
      await api.startStream(id, this.hosts);
      this.handlers.onState?.('live');
    } catch (error) {
      this.handlers.onState?.('error', error instanceof Error ? error.message : String(error));
    }
  }

  private scheduleRetry(detail: string): void {
    this.clearTimers();
    this.handlers.onState?.('error', detail);
    const delay = RETRY_DELAYS_MS[Math.min(this.attempt++, RETRY_DELAYS_MS.length - 1)] || 1_000;
    this.retryTimer = setTimeout(() => {
      if (this.stopped) return;
      this.handlers.onState?.('reconnecting');
      void this.connect();
    }, delay);
  }

  private clearTimers(): void {
    if (this.renewTimer) clearInterval(this.renewTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.renewTimer = null;
    this.retryTimer = null;
  }
}
