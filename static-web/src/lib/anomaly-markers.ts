import type { Anomaly } from './observability-types';

/** A point drawn on a chart: x in unix seconds, y in the series' unit. */
export interface ChartMarker {
  time: number;
  value: number;
  color: string;
  label: string;
}

/** A marker's radius and ring width, in CSS pixels. */
export const MARKER_RADIUS = 4;
export const MARKER_RING = 1.5;
/**
 * The room kept between the first or last sample and the plot's edge: a marker's reach (radius and half its ring)
 * with some to spare, as uPlot first ranges the time axis on a plot a little wider than the one it ends up drawing.
 */
export const MARKER_REACH = MARKER_RADIUS + MARKER_RING + 1;

export const SEVERITY_COLORS: Record<string, string> = {
  critical: '#fa5252',
  warning: '#fd7e14',
  info: '#228be6',
};

export function severityColor(severity: string): string {
  return SEVERITY_COLORS[severity] ?? SEVERITY_COLORS.warning;
}

/**
 * The anomalies of the charted metrics that fall inside the chart's time range, as markers.
 * Markers outside [first, last] of `times` are dropped so nothing is drawn off the plot.
 */
export function anomalyMarkers(anomalies: readonly Anomaly[], times: ArrayLike<number>, metrics: readonly string[]): ChartMarker[] {
  if (times.length === 0) return [];
  const first = times[0];
  const last = times[times.length - 1];
  const out: ChartMarker[] = [];
  for (const a of anomalies) {
    if (!metrics.includes(a.metric)) continue;
    const t = Date.parse(a.timestamp) / 1000;
    if (!Number.isFinite(t) || t < first || t > last || !Number.isFinite(a.value)) continue;
    out.push({ time: t, value: a.value, color: severityColor(a.severity), label: `${a.severity} ${a.metric} ${a.kind}` });
  }
  return out.sort((x, y) => x.time - y.time);
}

/** Canvas x of a time, linearly between the plot's left and right edges; null when outside the scale. */
export function timeToX(time: number, min: number, max: number, left: number, width: number): number | null {
  if (!(max > min) || time < min || time > max) return null;
  return left + ((time - min) / (max - min)) * width;
}

/**
 * Widens [min, max] so that `pad` pixels of a `width`-pixel plot lie beyond each end: the data keep their shape
 * (one linear scale), and a marker on the first or last point is drawn whole inside the plot.
 */
export function padRange(min: number, max: number, width: number, pad: number): [number, number] {
  if (!(max > min) || !(width > 2 * pad)) return [min, max];
  const perPixel = (max - min) / (width - 2 * pad);
  return [min - pad * perPixel, max + pad * perPixel];
}
