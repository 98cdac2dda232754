import type { Silence, SilenceBody } from '../../lib/silence-types';
import { tagChips, tagsFromChips } from '../../lib/tags';

export type SilenceMode = 'once' | 'recurring';

export interface SilenceDraft {
  mode: SilenceMode;
  host: string;
  tagChips: string[];
  ruleId: string | null;
  /** `datetime-local` values in the browser's time zone; an empty start is now. */
  startsAt: string;
  endsAt: string;
  cron: string;
  durationMinutes: number | string;
  timeZone: string;
  comment: string;
}

export type SilenceField = 'matchers' | 'startsAt' | 'endsAt' | 'cron' | 'durationMinutes' | 'timeZone' | 'comment';

export function newSilence(timeZone = browserTimeZone()): SilenceDraft {
  return { mode: 'once', host: '', tagChips: [], ruleId: null, startsAt: '', endsAt: '', cron: '', durationMinutes: 120, timeZone, comment: '' };
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Recurring windows as people ask for them, to start from. */
export const EXAMPLES = [
  { label: 'Every Sunday 02:00–04:00 Europe/Berlin', cron: '0 2 * * 0', durationMinutes: 120, timeZone: 'Europe/Berlin' },
  { label: 'Weekdays 22:00–23:30 UTC', cron: '0 22 * * 1-5', durationMinutes: 90, timeZone: 'UTC' },
  { label: 'The 1st of each month 03:00–05:00 America/New_York', cron: '0 3 1 * *', durationMinutes: 120, timeZone: 'America/New_York' },
];

const iso = (local: string) => new Date(local).toISOString();

export function bodyOf(d: SilenceDraft): SilenceBody {
  const matchers: SilenceBody['matchers'] = {};
  if (d.host.trim()) matchers.host = d.host.trim();
  const { tags } = tagsFromChips(d.tagChips);
  if (Object.keys(tags).length) matchers.tags = tags;
  if (d.ruleId) matchers.rule_id = d.ruleId;
  const body: SilenceBody = { matchers };
  if (d.comment.trim()) body.comment = d.comment.trim();
  if (d.mode === 'once') {
    if (d.startsAt) body.starts_at = iso(d.startsAt);
    body.ends_at = iso(d.endsAt);
  } else {
    body.cron = d.cron.trim();
    body.duration_minutes = Number(d.durationMinutes);
    body.time_zone = d.timeZone.trim();
  }
  return body;
}

export function silenceField(key: string): SilenceField | null {
  const root = key.split(/[.[]/)[0];
  const map: Record<string, SilenceField> = {
    matchers: 'matchers',
    starts_at: 'startsAt',
    ends_at: 'endsAt',
    cron: 'cron',
    duration_minutes: 'durationMinutes',
    time_zone: 'timeZone',
    comment: 'comment',
  };
  return map[root] ?? null;
}

export function draftProblems(d: SilenceDraft, now: number): Partial<Record<SilenceField, string>> {
  const p: Partial<Record<SilenceField, string>> = {};
  const tagErrors = tagsFromChips(d.tagChips).errors;
  if (tagErrors.length) p.matchers = tagErrors[0];
  else if (!d.host.trim() && !d.tagChips.length && !d.ruleId) p.matchers = 'Say what it silences: a host, tags, a rule, or a combination.';
  if (d.mode === 'once') {
    const start = d.startsAt ? Date.parse(d.startsAt) : now;
    if (d.startsAt && Number.isNaN(start)) p.startsAt = 'Give a start, or leave it empty for now.';
    if (!d.endsAt || Number.isNaN(Date.parse(d.endsAt))) p.endsAt = 'Give an end.';
    else if (Date.parse(d.endsAt) <= Math.max(start, now)) p.endsAt = 'The end is after the start, and in the future.';
    else if (Date.parse(d.endsAt) - now > 366 * 86_400_000) p.endsAt = 'At most a year ahead; a recurring silence covers longer.';
  } else {
    if (d.cron.trim().split(/\s+/).length !== 5) p.cron = 'Five fields: minute hour day-of-month month day-of-week, e.g. 0 2 * * 0.';
    const minutes = Number(d.durationMinutes);
    if (d.durationMinutes === '' || !Number.isInteger(minutes) || minutes < 1 || minutes > 10_080) p.durationMinutes = 'From 1 to 10080 minutes (a week).';
    if (!d.timeZone.trim()) p.timeZone = 'Give an IANA time zone such as Europe/Berlin.';
  }
  return p;
}

/** What a silence matches, as words. */
export function matchersText(s: Pick<Silence, 'matchers'>, ruleName: (id: string) => string = (id) => id): string {
  const parts: string[] = [];
  if (s.matchers.host) parts.push(`host ${s.matchers.host}`);
  const chips = tagChips(s.matchers.tags);
  if (chips.length) parts.push(`tags ${chips.join(', ')}`);
  if (s.matchers.rule_id) parts.push(`rule ${ruleName(s.matchers.rule_id)}`);
  return parts.join(' and ') || 'everything';
}

/** Active ones first, then upcoming by their next window, then the ended ones. */
export function byActiveThenNext(silences: readonly Silence[]): Silence[] {
  const rank = (s: Silence) => (s.active ? 0 : s.next_window ? 1 : 2);
  const start = (s: Silence) => Date.parse((s.current_window ?? s.next_window)?.starts_at ?? s.starts_at ?? s.created_at);
  return [...silences].sort((a, b) => rank(a) - rank(b) || start(a) - start(b));
}
