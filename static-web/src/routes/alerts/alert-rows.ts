import type { FleetAlert } from '../../lib/fleet-alert-types';
import type { SilenceBody } from '../../lib/silence-types';

export interface StateBadge {
  label: string;
  color: string;
  /** What the badge means, for its tooltip. */
  title: string;
}

/** Every state an alert is in at once: open or resolved, and acknowledged, silenced, flapping, no data. */
export function stateBadges(a: FleetAlert): StateBadge[] {
  if (a.state === 'resolved') return [{ label: 'resolved', color: 'gray', title: 'The value cleared for the rule’s duration.' }];
  const badges: StateBadge[] = [{ label: 'open', color: a.severity === 'critical' ? 'red' : 'orange', title: 'Raised and not cleared yet.' }];
  if (a.acknowledged_at) badges.push({ label: 'acknowledged', color: 'blue', title: `Acknowledged by ${a.acknowledged_by ?? 'someone'}.` });
  if (a.silenced) badges.push({ label: 'silenced', color: 'grape', title: 'An active silence matches it: channels get nothing until the silence ends.' });
  if (a.flapping) badges.push({ label: 'flapping', color: 'yellow', title: 'Raised and resolved too often lately: channels get one summary until it settles.' });
  if (a.no_data) badges.push({ label: 'no data', color: 'dark', title: 'The host or its series stopped reporting: a gap is never a recovery.' });
  return badges;
}

/** Open alerts first (critical before warning), each group newest first. */
export function byOpenThenNewest(alerts: readonly FleetAlert[]): FleetAlert[] {
  const rank = (a: FleetAlert) => (a.state === 'open' ? (a.severity === 'critical' ? 0 : 1) : 2);
  return [...alerts].sort((a, b) => rank(a) - rank(b) || Date.parse(b.raised_at) - Date.parse(a.raised_at));
}

/** What "silence for…" offers, in minutes; "custom" asks for a length. */
export const SILENCE_LENGTHS = [
  { minutes: 15, label: '15 minutes' },
  { minutes: 60, label: '1 hour' },
  { minutes: 240, label: '4 hours' },
  { minutes: 1440, label: '1 day' },
];

/** The most a one-off silence may last: the server refuses an end more than a year ahead. */
export const MAX_SILENCE_MINUTES = 365 * 24 * 60;

/**
 * A silence for this alert's host and rule from now for `minutes`. An alert from before rules carries no rule id;
 * its silence then covers every alert of its host, and the dialog says so.
 */
export function silenceFor(a: FleetAlert, minutes: number, now: number, comment?: string): SilenceBody {
  const matchers: SilenceBody['matchers'] = { host: a.host_id };
  if (a.rule_id) matchers.rule_id = a.rule_id;
  const body: SilenceBody = { matchers, ends_at: new Date(now + minutes * 60_000).toISOString() };
  const text = comment?.trim() || `Silenced from the Alerts page: ${a.message}`;
  body.comment = text.slice(0, 200);
  return body;
}

/** A length in minutes as words: "15 minutes", "4 hours", "1 day 2 hours". */
export function lengthText(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const part = (n: number, unit: string) => (n ? `${n} ${unit}${n === 1 ? '' : 's'}` : '');
  return [part(days, 'day'), part(hours, 'hour'), part(mins, 'minute')].filter(Boolean).join(' ') || '0 minutes';
}
