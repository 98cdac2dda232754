import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// A stand-in for the SignalR client: it records the options each connection was built with and lets a test decide
// how start() ends. Everything else of the client is the real one's shape, as realtime.ts uses it.
const built: { accessTokenFactory: () => string; start: ReturnType<typeof vi.fn>; close?: (error?: Error) => void }[] = [];
let nextStart: () => Promise<void> = () => Promise.resolve();

vi.mock('@microsoft/signalr', async (importOriginal) => {
  const real = await importOriginal<typeof import('@microsoft/signalr')>();
  class FakeBuilder {
    private options!: { accessTokenFactory: () => string };
    withUrl(_url: string, options: { accessTokenFactory: () => string }) {
      this.options = options;
      return this;
    }
    withAutomaticReconnect() {
      return this;
    }
    configureLogging() {
      return this;
    }
    build() {
      const entry: (typeof built)[number] = { accessTokenFactory: this.options.accessTokenFactory, start: vi.fn(() => nextStart()) };
      built.push(entry);
      return {
        state: real.HubConnectionState.Connected,
        connectionId: `c${built.length}`,
        on: () => {},
        onreconnecting: () => {},
        onreconnected: () => {},
        onclose: (handler: (error?: Error) => void) => (entry.close = handler),
        start: entry.start,
        stop: () => Promise.resolve(),
      };
    }
  }
  return { ...real, HubConnectionBuilder: FakeBuilder };
});

vi.mock('./api', () => ({
  apiBaseUrl: () => 'http://api.test',
  api: { startStream: vi.fn(() => Promise.resolve({})), stopStream: vi.fn(() => Promise.resolve({})) },
}));

const { LiveStream, TOKEN_REFUSED } = await import('./realtime');

describe('the live stream', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    built.length = 0;
    nextStart = () => Promise.resolve();
  });
  afterEach(() => vi.useRealTimers());

  it('negotiates with the token stored at the time, so a reconnect is checked with the current one', async () => {
    let token = 'ift_first';
    const live = new LiveStream(() => token, {});
    await live.start(['web-01']);
    expect(built[0].accessTokenFactory()).toBe('ift_first');
    token = 'ift_second';
    expect(built[0].accessTokenFactory()).toBe('ift_second');
    await live.stop();
  });

  it('connects again after the service closes the connection', async () => {
    const live = new LiveStream(() => 'ift_x', {});
    await live.start([]);
    built[0].close?.();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(built).toHaveLength(2);
    await live.stop();
  });

  it('stops retrying and says why when negotiate refuses the token', async () => {
    const states: [string, string | undefined][] = [];
    const live = new LiveStream(() => 'ift_revoked', { onState: (s, d) => states.push([s, d]) });
    await live.start([]);
    nextStart = () =>
      Promise.reject(new Error("Failed to complete negotiation with the server: Error: Unauthorized: Status code '401'"));
    built[0].close?.();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(built).toHaveLength(2);
    expect(states.at(-1)).toEqual(['error', TOKEN_REFUSED]);

    await vi.advanceTimersByTimeAsync(60_000);
    expect(built).toHaveLength(2);
  });

  it('keeps retrying when the service is only unreachable', async () => {
    nextStart = () => Promise.reject(new Error('Failed to fetch'));
    const live = new LiveStream(() => 'ift_x', {});
    await live.start([]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(built.length).toBeGreaterThan(2);
    await live.stop();
  });
});
