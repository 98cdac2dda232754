/** A rule's scope: every host (both null), hosts carrying all of `tags`, or one host. */
export interface RuleScope {
  host: string | null;
  tags: Record<string, string> | null;
}

export type RuleCondition = 'above' | 'below';

/** What POST/PUT /rules and POST /rules/preview take. */
export interface RuleBody {
  name: string;
  metric: string;
  scope: RuleScope;
  condition: RuleCondition;
  warning: number | null;
  critical: number | null;
  duration_seconds: number;
  clear_margin: number;
  channels: string[];
  renotify_minutes: number;
  enabled: boolean;
}

/** A stored rule as the API lists it. */
export interface Rule extends RuleBody {
  id: string;
  built_in: boolean;
  updated_at?: string | null;
  updated_by?: string | null;
}

export interface RulesResponse {
  status: string;
  count: number;
  rules: Rule[];
}

export interface RuleResponse {
  status: string;
  rule: Rule;
}

/** One series hosts report now, for the metric picker. */
export interface RuleMetricSeries {
  metric: string;
  family: string;
  title: string;
  unit: string;
  hosts: number;
}

/** A metric family: its label (`mount`, `name`, `id`, `sensor`) when it has one per series. */
export interface RuleMetricFamily {
  name: string;
  title: string;
  unit: string;
  label: string | null;
  label_optional: boolean;
}

export interface RuleMetricsResponse {
  status: string;
  count: number;
  metrics: RuleMetricSeries[];
  families: RuleMetricFamily[];
}

export interface PreviewHost {
  host_id: string;
  hostname?: string | null;
  value: number | null;
  would_fire: 'critical' | 'warning' | null;
  stale: boolean;
}

export interface RulePreviewResponse {
  status: string;
  matched: number;
  hosts: PreviewHost[];
}

/** The fields PUT may change on a built-in rule; its levels come from the thresholds settings. */
export const BUILT_IN_EDITABLE = ['name', 'duration_seconds', 'clear_margin', 'channels', 'renotify_minutes', 'enabled'] as const;
