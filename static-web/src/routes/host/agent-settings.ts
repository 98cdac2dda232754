import { AGENT_SETTING_RULES as R, type AgentSettings, type AgentSettingsValues } from '../../lib/agent-types';

export type SettingField = 'watch' | 'top' | 'sample_interval_seconds' | 'collectors';
export const SETTING_FIELDS: SettingField[] = ['watch', 'top', 'sample_interval_seconds', 'collectors'];

export const SETTING_LABELS: Record<SettingField, string> = {
  watch: 'Watched processes',
  top: 'Top processes',
  sample_interval_seconds: 'Sample interval (s)',
  collectors: 'Collectors turned on',
};

/** The host scope's own values: a number input's empty string and an empty list leave the field unset. */
export interface SettingsDraft {
  watch: string[];
  top: number | string;
  sample_interval_seconds: number | string;
  collectors: string[];
}

const isHost = (settings: AgentSettings | null | undefined, field: SettingField) => settings?.sources?.[field] === 'host';

/** The form starts from the fields the host's own scope sets; fields a tag sets are shown beside, not copied in. */
export function draftOf(settings: AgentSettings | null | undefined): SettingsDraft {
  return {
    watch: isHost(settings, 'watch') ? [...(settings?.watch ?? [])] : [],
    top: isHost(settings, 'top') ? (settings?.top ?? '') : '',
    sample_interval_seconds: isHost(settings, 'sample_interval_seconds') ? (settings?.sample_interval_seconds ?? '') : '',
    collectors: isHost(settings, 'collectors') ? [...(settings?.collectors ?? [])] : [],
  };
}

/** The PUT body: only the fields the draft sets, since the PUT replaces the host's scope. */
export function bodyOf(draft: SettingsDraft): AgentSettingsValues {
  const body: AgentSettingsValues = {};
  if (draft.watch.length) body.watch = draft.watch;
  if (draft.top !== '') body.top = Number(draft.top);
  if (draft.sample_interval_seconds !== '') body.sample_interval_seconds = Number(draft.sample_interval_seconds);
  if (draft.collectors.length) body.collectors = draft.collectors;
  return body;
}

/** Which field shows a problem key: `watch`, `watch[2]` and `watch.2` all belong beside the watch list. */
export function settingField(key: string): SettingField | null {
  const head = /^[a-z_]+/.exec(key)?.[0];
  return SETTING_FIELDS.find((f) => f === head) ?? null;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** The checks the server makes (AgentSettingRules), so a mistake shows before the save. */
export function draftProblems(draft: SettingsDraft): Partial<Record<SettingField, string>> {
  const problems: Partial<Record<SettingField, string>> = {};
  const badName = draft.watch.find((n) => n.length === 0 || n.length > R.maxWatchNameLength || CONTROL.test(n) || n.trim() !== n);
  if (draft.watch.length > R.maxWatch) problems.watch = `At most ${R.maxWatch} process names.`;
  else if (badName !== undefined) problems.watch = `'${badName}' is not a process name: 1-${R.maxWatchNameLength} characters, no control characters, no surrounding spaces.`;
  const top = Number(draft.top);
  if (draft.top !== '' && (!Number.isInteger(top) || top < R.minTop || top > R.maxTop)) problems.top = `A whole number from ${R.minTop} to ${R.maxTop}.`;
  const interval = Number(draft.sample_interval_seconds);
  if (draft.sample_interval_seconds !== '' && (!Number.isFinite(interval) || interval < R.minSampleIntervalSeconds || interval > R.maxSampleIntervalSeconds)) {
    problems.sample_interval_seconds = `From ${R.minSampleIntervalSeconds} to ${R.maxSampleIntervalSeconds} seconds.`;
  }
  const unknown = draft.collectors.find((c) => !(R.collectors as readonly string[]).includes(c));
  if (unknown) problems.collectors = `Unknown collector '${unknown}'.`;
  return problems;
}

/** A pushed value as text: lists comma-separated, as the agent reports them. */
export function settingText(settings: AgentSettings | null | undefined, field: SettingField): string | null {
  const value = settings?.[field];
  if (value == null) return null;
  return Array.isArray(value) ? (value.length ? value.join(', ') : null) : String(value);
}
