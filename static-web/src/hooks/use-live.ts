import { createContext, useContext, useEffect, useRef } from 'react';
import type { AlertMessage, FleetMetricsMessage, HostMetricsMessage, LiveState } from '../lib/realtime';

export interface LiveListeners {
  onHost?: (message: HostMetricsMessage) => void;
  onFleet?: (message: FleetMetricsMessage) => void;
  onAlert?: (message: AlertMessage) => void;
}

export interface LiveContextValue {
  enabled: boolean;
  state: LiveState;
  detail: string | undefined;
  setEnabled: (enabled: boolean) => void;
  /** Registers the hosts a page shows; the stream watches the union of all registrations. */
  watch: (hosts: string[]) => () => void;
  listen: (listeners: LiveListeners) => () => void;
}

export const LiveContext = createContext<LiveContextValue | null>(null);

export function useLive(): LiveContextValue {
  const value = useContext(LiveContext);
  if (!value) throw new Error('useLive must be used inside <LiveProvider>.');
  return value;
}

/** Watches `hosts` while the calling component is mounted, and hands it the messages it asks for. */
export function useLiveFeed(hosts: string[], listeners: LiveListeners): LiveContextValue {
  const live = useLive();
  const ref = useRef(listeners);
  useEffect(() => {
    ref.current = listeners;
  });
  const key = hosts.join('\u0000');
  const { watch, listen } = live;
  useEffect(() => watch(key ? key.split('\u0000') : []), [watch, key]);
  useEffect(
    () =>
      listen({
        onHost: (m) => ref.current.onHost?.(m),
        onFleet: (m) => ref.current.onFleet?.(m),
        onAlert: (m) => ref.current.onAlert?.(m),
      }),
    [listen],
  );
  return live;
}
