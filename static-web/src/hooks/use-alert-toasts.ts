import { useEffect, useRef } from 'react';
import { notifications } from '@mantine/notifications';
import type { ThresholdCheck } from '../lib/types';
import { useLiveFeed } from './use-live';

/** The messages that are new in `next` compared with `previous`: what just crossed a threshold. */
export function newBreaches(previous: ThresholdCheck | undefined, next: ThresholdCheck): { critical: string[]; warnings: string[] } {
  const metric = (message: string) => message.split(' ')[0];
  const before = new Set([...(previous?.critical ?? []).map((m) => `c:${metric(m)}`), ...(previous?.warnings ?? []).map((m) => `w:${metric(m)}`)]);
  return {
    critical: next.critical.filter((m) => !before.has(`c:${metric(m)}`)),
    warnings: next.warnings.filter((m) => !before.has(`w:${metric(m)}`) && !before.has(`c:${metric(m)}`)),
  };
}

/**
 * Toasts for the host on screen: when its threshold check gains a critical or warning message (seen by polling
 * or live), and when an alert for it is raised or resolved (alert.updated, when live).
 */
export function useAlertToasts(hostId: string, hostname: string, check: ThresholdCheck | undefined): void {
  const previous = useRef<{ host: string; check: ThresholdCheck } | null>(null);

  useEffect(() => {
    if (!check) return;
    const last = previous.current?.host === hostId ? previous.current.check : undefined;
    previous.current = { host: hostId, check };
    // The first reading of a host only sets the baseline: what was already breached is shown by the badges.
    if (!last) return;
    const { critical, warnings } = newBreaches(last, check);
    for (const message of critical) {
      notifications.show({ color: 'red', title: `Critical on ${hostname}`, message, autoClose: 10_000 });
    }
    for (const message of warnings) {
      notifications.show({ color: 'orange', title: `Warning on ${hostname}`, message, autoClose: 8_000 });
    }
  }, [hostId, hostname, check]);

  useLiveFeed([hostId], {
    onAlert: (m) => {
      if (m.host_id !== hostId) return;
      const raised = m.kind === 'raised';
      notifications.show({
        id: `alert-${m.alert_id}-${m.kind}`,
        color: raised ? (m.severity === 'critical' ? 'red' : 'orange') : 'green',
        title: `${raised ? 'Alert raised' : 'Alert resolved'} on ${hostname} (${m.severity})`,
        message: m.message,
        autoClose: 10_000,
      });
    },
  });
}
