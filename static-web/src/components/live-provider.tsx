import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { LiveStream, type LiveState } from '../lib/realtime';
import { LiveContext, type LiveContextValue, type LiveListeners } from '../hooks/use-live';

const ENABLED_KEY = 'infrafunctions.live';

/** Owns the one SignalR connection of the page; pages register the hosts they show and what they listen to. */
export function LiveProvider({ getToken, children }: { getToken: () => string | null; children: ReactNode }) {
  const [enabled, setEnabledState] = useState(() => localStorage.getItem(ENABLED_KEY) === 'true');
  const [state, setState] = useState<LiveState>('off');
  const [detail, setDetail] = useState<string>();
  const [watched, setWatched] = useState<string[]>([]);
  const registrations = useRef(new Map<number, string[]>());
  const listeners = useRef(new Set<LiveListeners>());
  const nextId = useRef(0);
  const stream = useRef<LiveStream | null>(null);
  const getTokenRef = useRef(getToken);
  useEffect(() => {
    getTokenRef.current = getToken;
  });

  const setEnabled = useCallback((value: boolean) => {
    localStorage.setItem(ENABLED_KEY, String(value));
    setEnabledState(value);
  }, []);

  const recompute = useCallback(() => {
    const union = [...new Set([...registrations.current.values()].flat())].sort();
    setWatched((current) => (current.join('\u0000') === union.join('\u0000') ? current : union));
  }, []);

  const watch = useCallback(
    (hosts: string[]) => {
      const id = nextId.current++;
      registrations.current.set(id, hosts);
      recompute();
      return () => {
        registrations.current.delete(id);
        recompute();
      };
    },
    [recompute],
  );

  const listen = useCallback((l: LiveListeners) => {
    listeners.current.add(l);
    return () => void listeners.current.delete(l);
  }, []);

  useEffect(() => {
    if (!enabled) return;
    const live = new LiveStream(() => getTokenRef.current(), {
      onHost: (m) => listeners.current.forEach((l) => l.onHost?.(m)),
      onFleet: (m) => listeners.current.forEach((l) => l.onFleet?.(m)),
      onAlert: (m) => listeners.current.forEach((l) => l.onAlert?.(m)),
      onState: (s, d) => {
        setState(s);
        setDetail(d);
      },
    });
    stream.current = live;
    void live.start([]);
    // Leaving the page: tell the API to stop streaming to this connection (keepalive survives the unload).
    const onPageHide = () => void live.stop(true);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      stream.current = null;
      void live.stop();
      setState('off');
      setDetail(undefined);
    };
  }, [enabled]);

  useEffect(() => {
    if (enabled) void stream.current?.watch(watched);
  }, [enabled, watched]);

  const value = useMemo<LiveContextValue>(
    () => ({ enabled, state: enabled ? state : 'off', detail, setEnabled, watch, listen }),
    [enabled, state, detail, setEnabled, watch, listen],
  );
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}
