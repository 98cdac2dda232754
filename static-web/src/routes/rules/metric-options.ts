import type { RuleMetricFamily, RuleMetricSeries } from '../../lib/rule-types';
import { formatMetric, parseMetric } from '../../lib/metric-text';

export interface MetricGroup {
  group: string;
  items: string[];
}

/**
 * The picker's choices grouped by family, in the order the server lists families: the series hosts report now
 * (most-reported first), and the family itself where it may go without a label (a host total, the root disk).
 */
export function metricGroups(families: readonly RuleMetricFamily[], series: readonly RuleMetricSeries[]): MetricGroup[] {
  const byFamily = new Map<string, string[]>();
  for (const s of series) {
    const list = byFamily.get(s.family) ?? [];
    list.push(s.metric);
    byFamily.set(s.family, list);
  }
  const groups: MetricGroup[] = [];
  const seen = new Set<string>();
  const add = (group: string, items: string[]) => {
    const fresh = [...new Set(items)].filter((i) => !seen.has(i));
    fresh.forEach((i) => seen.add(i));
    if (fresh.length) groups.push({ group, items: fresh });
  };
  for (const f of families) {
    const reported = byFamily.get(f.name) ?? [];
    const bare = !f.label || f.label_optional ? [f.name] : [];
    add(`${f.title}${f.unit ? ` (${f.unit})` : ''}`, [...bare, ...reported]);
    byFamily.delete(f.name);
  }
  // Custom series, and any family this dashboard does not know yet.
  for (const [family, items] of byFamily) add(family.startsWith('custom.') ? `Custom: ${family.slice(7)}` : family, items);
  return groups;
}

/** The family a metric text belongs to, when it is one the server lists. */
export function familyOf(metric: string, families: readonly RuleMetricFamily[]): RuleMetricFamily | undefined {
  const parsed = parseMetric(metric);
  return parsed ? families.find((f) => f.name === parsed.name) : undefined;
}

/** The label values hosts report now for a family (mounts, process names), most-reported first. */
export function labelValues(family: RuleMetricFamily, series: readonly RuleMetricSeries[]): string[] {
  if (!family.label) return [];
  const values = series
    .filter((s) => s.family === family.name)
    .map((s) => parseMetric(s.metric)?.labels[family.label!])
    .filter((v): v is string => !!v);
  return [...new Set(values)];
}

/** The metric with its family's label set to `value` (empty: no label). */
export function withLabel(metric: string, family: RuleMetricFamily, value: string): string {
  const parsed = parseMetric(metric) ?? { name: family.name, labels: {} };
  return formatMetric(family.name, { ...parsed.labels, [family.label!]: value });
}

/** The unit of a metric, for the level inputs. */
export function unitOf(metric: string, families: readonly RuleMetricFamily[], series: readonly RuleMetricSeries[]): string {
  return familyOf(metric, families)?.unit ?? series.find((s) => s.metric === metric)?.unit ?? '';
}
