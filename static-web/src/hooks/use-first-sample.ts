import { useEffect, useRef, useState } from 'react';
import type { HostView } from '../lib/types';
import { newSample, type SampleBaseline } from '../routes/fleet/first-sample';
import { useLiveFeed } from './use-live';
import { fetchAllHosts } from './use-hosts';

export const FIRST_SAMPLE_POLL_MS = 2_500;

/**
 * Waits for a host's first sample after `baseline`: the hosts list every 2.5 s, and a live fleet message at once
 * when live updates are on. Null while waiting (or with no baseline), then the host's row.
 */
export function useFirstSample(hostId: string | null, baseline: SampleBaseline | null, pollMs = FIRST_SAMPLE_POLL_MS): HostView | null {
  const [found, setFound] = useState<HostView | null>(null);
  const [poke, setPoke] = useState(0);
  const waiting = hostId !== null && baseline !== null && found === null;
  const baselineRef = useRef(baseline);
  useEffect(() => {
    baselineRef.current = baseline;
  });

  useFeedPoke(waiting && hostId ? hostId : null, () => setPoke((p) => p + 1));

  useEffect(() => {
    if (!waiting || !hostId) return;
    const controller = new AbortController();
    let busy = false;
    const check = async () => {
      if (busy || !baselineRef.current) return;
      busy = true;
      try {
        const reply = await fetchAllHosts(controller.signal);
        const row = baselineRef.current && newSample(baselineRef.current, reply.hosts, hostId);
        if (row && !controller.signal.aborted) setFound(row);
      } catch {
        // A failed poll is tried again on the next tick.
      } finally {
        busy = false;
      }
    };
    void check();
    const timer = setInterval(() => void check(), pollMs);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [waiting, hostId, pollMs, poke]);

  return found;
}

/** A fleet message for the host means a post arrived: read the list now rather than at the next tick. */
function useFeedPoke(hostId: string | null, onPost: () => void) {
  useLiveFeed([], {
    onFleet: (m) => {
      if (hostId && m.host_id === hostId) onPost();
    },
  });
}
