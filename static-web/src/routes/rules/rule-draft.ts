import type { Rule, RuleBody, RuleCondition } from '../../lib/rule-types';
import { BUILT_IN_EDITABLE } from '../../lib/rule-types';
import { tagChips, tagsFromChips } from '../../lib/tags';

export type ScopeKind = 'all' | 'tags' | 'host';

/** The editor's state: numbers as the inputs hold them ('' while empty). */
export interface RuleDraft {
  name: string;
  metric: string;
  scopeKind: ScopeKind;
  tagChips: string[];
  host: string;
  condition: RuleCondition;
  warning: number | string;
  critical: number | string;
  durationSeconds: number | string;
  clearMargin: number | string;
  channels: string[];
  renotifyMinutes: number | string;
  enabled: boolean;
}

export type RuleField =
  | 'name'
  | 'metric'
  | 'scope'
  | 'condition'
  | 'warning'
  | 'critical'
  | 'durationSeconds'
  | 'clearMargin'
  | 'channels'
  | 'renotifyMinutes'
  | 'enabled';

export const NEW_RULE: RuleDraft = {
  name: '',
  metric: '',
  scopeKind: 'all',
  tagChips: [],
  host: '',
  condition: 'above',
  warning: '',
  critical: '',
  durationSeconds: 60,
  clearMargin: 0,
  channels: [],
  renotifyMinutes: 0,
  enabled: true,
};

export function draftOf(rule: Rule): RuleDraft {
  const scopeKind: ScopeKind = rule.scope.host ? 'host' : rule.scope.tags && Object.keys(rule.scope.tags).length ? 'tags' : 'all';
  return {
    name: rule.name,
    metric: rule.metric,
    scopeKind,
    tagChips: tagChips(rule.scope.tags),
    host: rule.scope.host ?? '',
    condition: rule.condition,
    warning: rule.warning ?? '',
    critical: rule.critical ?? '',
    durationSeconds: rule.duration_seconds,
    clearMargin: rule.clear_margin,
    channels: rule.channels,
    renotifyMinutes: rule.renotify_minutes,
    enabled: rule.enabled,
  };
}

const level = (v: number | string) => (v === '' ? null : Number(v));
const whole = (v: number | string) => (v === '' ? 0 : Number(v));

/** The body POST/PUT /rules and the preview take. */
export function bodyOf(d: RuleDraft): RuleBody {
  return {
    name: d.name.trim(),
    metric: d.metric.trim(),
    scope: {
      host: d.scopeKind === 'host' ? d.host.trim() || null : null,
      tags: d.scopeKind === 'tags' ? tagsFromChips(d.tagChips).tags : null,
    },
    condition: d.condition,
    warning: level(d.warning),
    critical: level(d.critical),
    duration_seconds: whole(d.durationSeconds),
    clear_margin: whole(d.clearMargin),
    channels: d.channels,
    renotify_minutes: whole(d.renotifyMinutes),
    enabled: d.enabled,
  };
}

/** The editor field that shows a problem key (`scope.tags.env`, `channels[0]`), or null when none does. */
export function ruleField(key: string): RuleField | null {
  const root = key.split(/[.[]/)[0];
  const map: Record<string, RuleField> = {
    name: 'name',
    metric: 'metric',
    scope: 'scope',
    condition: 'condition',
    warning: 'warning',
    critical: 'critical',
    duration_seconds: 'durationSeconds',
    clear_margin: 'clearMargin',
    channels: 'channels',
    renotify_minutes: 'renotifyMinutes',
    enabled: 'enabled',
  };
  return map[root] ?? null;
}

/** What the editor can say before sending; the server checks again and its errors show in the same places. */
export function draftProblems(d: RuleDraft): Partial<Record<RuleField, string>> {
  const p: Partial<Record<RuleField, string>> = {};
  if (!d.name.trim()) p.name = 'Name the rule, e.g. “Data disk almost full”.';
  else if (d.name.trim().length > 100) p.name = 'A name is at most 100 characters.';
  if (!d.metric.trim()) p.metric = 'Pick a metric, or type one such as disk.percent{mount=/data}.';
  if (d.scopeKind === 'host' && !d.host.trim()) p.scope = 'Name the host, or choose another scope.';
  if (d.scopeKind === 'tags') {
    const { tags, errors } = tagsFromChips(d.tagChips);
    if (errors.length) p.scope = errors[0];
    else if (!Object.keys(tags).length) p.scope = 'Add at least one key=value tag, or choose another scope.';
  }
  const w = level(d.warning);
  const c = level(d.critical);
  if (w === null && c === null) p.warning = 'Give a warning level, a critical level, or both.';
  else if (w !== null && c !== null) {
    if (d.condition === 'above' && w >= c) p.warning = 'Above: the warning level is below the critical one.';
    if (d.condition === 'below' && w <= c) p.warning = 'Below: the warning level is above the critical one.';
  }
  const duration = whole(d.durationSeconds);
  if (!Number.isInteger(duration) || duration < 0 || duration > 86_400) p.durationSeconds = 'From 0 to 86400 seconds (a day).';
  if (whole(d.clearMargin) < 0) p.clearMargin = 'Zero or more.';
  if (d.channels.length > 20) p.channels = 'At most 20 channels.';
  const renotify = whole(d.renotifyMinutes);
  if (!Number.isInteger(renotify) || renotify < 0 || renotify > 10_080) p.renotifyMinutes = 'From 0 (never) to 10080 minutes (a week).';
  return p;
}

const EDITABLE_FIELDS: Record<(typeof BUILT_IN_EDITABLE)[number], RuleField> = {
  name: 'name',
  duration_seconds: 'durationSeconds',
  clear_margin: 'clearMargin',
  channels: 'channels',
  renotify_minutes: 'renotifyMinutes',
  enabled: 'enabled',
};

/** Whether a field can be changed: every field of a rule of one's own, the listed ones of a built-in. */
export function editable(field: RuleField, builtIn: boolean): boolean {
  return !builtIn || Object.values(EDITABLE_FIELDS).includes(field);
}

/** A rule's levels as one phrase: "above 80 (warning) / 95 (critical)". */
export function levelsText(r: Pick<RuleBody, 'condition' | 'warning' | 'critical'>, unit = ''): string {
  const parts = [r.warning !== null ? `${r.warning}${unit} warning` : null, r.critical !== null ? `${r.critical}${unit} critical` : null].filter(Boolean);
  return `${r.condition} ${parts.join(', ')}`;
}

/** A rule's scope as words. */
export function scopeText(r: Pick<RuleBody, 'scope'>): string {
  if (r.scope.host) return `host ${r.scope.host}`;
  const chips = tagChips(r.scope.tags);
  return chips.length ? `hosts tagged ${chips.join(', ')}` : 'all hosts';
}
