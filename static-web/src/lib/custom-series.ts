import type { CustomMetricValue, CustomResponse, CustomSeries } from './types';

/** Label values to match, key to value: a series matches when it has every one of them. */
export type LabelFilter = Record<string, string>;

function sortedEntries(labels: Record<string, string> | null | undefined): [string, string][] {
  return Object.entries(labels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A series as Prometheus writes it: <code>name{key="value",...}</code>, labels in key order. */
export function seriesLabel(name: string, labels: Record<string, string> | null | undefined): string {
  const entries = sortedEntries(labels);
  if (entries.length === 0) return name;
  return `${name}{${entries.map(([k, v]) => `${k}="${v}"`).join(',')}}`;
}

/** One key per series: its name and its labels in key order. */
export function seriesKey(name: string, labels: Record<string, string> | null | undefined): string {
  return JSON.stringify([name, sortedEntries(labels)]);
}

export function matchesLabels(labels: Record<string, string> | null | undefined, filter: LabelFilter): boolean {
  for (const [key, value] of Object.entries(filter)) if (labels?.[key] !== value) return false;
  return true;
}

/** Every label key of the series with the values it takes, keys and values in order: the filter chips. */
export function labelOptions(series: readonly CustomSeries[]): [string, string[]][] {
  const byKey = new Map<string, Set<string>>();
  for (const s of series) {
    for (const [key, value] of Object.entries(s.labels)) {
      let values = byKey.get(key);
      if (!values) byKey.set(key, (values = new Set()));
      values.add(value);
    }
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, values]) => [key, [...values].sort()]);
}

/** Turns one chip on (replacing another value of its key, as a series has one value per key) or off. */
export function toggleLabel(filter: LabelFilter, key: string, value: string): LabelFilter {
  const next = { ...filter };
  if (next[key] === value) delete next[key];
  else next[key] = value;
  return next;
}

export interface AlignedSeries {
  /** Unix seconds, every series' timestamps merged in order. */
  times: Float64Array;
  /** One column per series, null where a series has no point at a time (a gap on the chart). */
  values: (number | null)[][];
}

/** The series on one time axis, the layout uPlot draws from. */
export function alignSeries(series: readonly CustomSeries[]): AlignedSeries {
  const stamps = new Set<number>();
  for (const s of series) for (const p of s.points) stamps.add(Date.parse(p.timestamp) / 1000);
  const times = Float64Array.from([...stamps].sort((a, b) => a - b));
  const index = new Map<number, number>();
  times.forEach((t, i) => index.set(t, i));
  const values = series.map((s) => {
    const column: (number | null)[] = new Array<number | null>(times.length).fill(null);
    for (const p of s.points) column[index.get(Date.parse(p.timestamp) / 1000)!] = p.value;
    return column;
  });
  return { times, values };
}

/**
 * A live sample's custom values as one more point of each series already in the reply (new series come with the
 * next request), dropping points that fell out of the window.
 */
export function appendCustomSample(reply: CustomResponse, timestamp: string, metrics: readonly CustomMetricValue[], windowMs: number): CustomResponse {
  const at = Date.parse(timestamp);
  const latest = new Map<string, number>();
  for (const m of metrics) latest.set(seriesKey(m.name, m.labels), m.value);
  let changed = false;
  const series = reply.series.map((s) => {
    const value = latest.get(seriesKey(s.name, s.labels));
    const last = s.points[s.points.length - 1];
    if (value === undefined || (last && Date.parse(last.timestamp) >= at)) return s;
    changed = true;
    const kept = s.points.filter((p) => Date.parse(p.timestamp) >= at - windowMs);
    return { ...s, points: [...kept, { timestamp, value, min: value, max: value }] };
  });
  return changed ? { ...reply, to: timestamp, series } : reply;
}

export interface SeriesStats {
  latest: number | undefined;
  at: string | undefined;
  min: number | undefined;
  max: number | undefined;
}

/** The latest value of a series, and its lowest and highest over the window. */
export function seriesStats(s: CustomSeries): SeriesStats {
  let min: number | undefined;
  let max: number | undefined;
  for (const p of s.points) {
    if (min === undefined || p.min < min) min = p.min;
    if (max === undefined || p.max > max) max = p.max;
  }
  const last = s.points[s.points.length - 1];
  return { latest: last?.value, at: last?.timestamp, min, max };
}
