import { Card, Text, useComputedColorScheme } from '@mantine/core';
import { useEffect, useRef } from 'react';
import uPlot, { type AlignedData, type Options } from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { MARKER_REACH, MARKER_RADIUS, MARKER_RING, padRange, timeToX, type ChartMarker } from '../../lib/anomaly-markers';

export interface ChartSeries {
  label: string;
  color: string;
  values: ArrayLike<number | null>;
  /** Area chart: fill under the line. */
  fill?: boolean;
}

interface TimeSeriesChartProps {
  title: string;
  /** Unix seconds. */
  times: ArrayLike<number>;
  series: ChartSeries[];
  formatValue: (value: number) => string;
  range?: [number, number];
  height?: number;
  testId?: string;
  onRendered?: (ms: number) => void;
  /**
   * Points drawn over the series (anomalies), coloured circles with a ring. Passing this (even empty) pads the
   * time axis so a marker on the first or last sample is not cut by the plot's edge.
   */
  markers?: readonly ChartMarker[];
}

function withAlpha(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** Draws each marker as a filled circle at (time, value) on the canvas, after the series. */
function drawMarkers(u: uPlot, markers: readonly ChartMarker[]) {
  if (markers.length === 0) return;
  const { min, max } = u.scales.x;
  if (min == null || max == null) return;
  const { ctx } = u;
  const r = MARKER_RADIUS * devicePixelRatio;
  ctx.save();
  for (const m of markers) {
    const x = timeToX(m.time, min, max, u.bbox.left, u.bbox.width);
    if (x === null) continue;
    const y = u.valToPos(m.value, 'y', true);
    ctx.beginPath();
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    ctx.fillStyle = m.color;
    ctx.fill();
    ctx.lineWidth = MARKER_RING * devicePixelRatio;
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
  }
  ctx.restore();
}

/** The data's time range widened by a marker's reach at each end of the plot (bbox is in canvas pixels). */
function markerRoomRange(u: uPlot, min: number | null, max: number | null): [number | null, number | null] {
  if (min == null || max == null) return [min, max];
  return padRange(min, max, u.bbox.width, MARKER_REACH * devicePixelRatio);
}

/**
 * A uPlot time series. The plot is built once per shape (series, theme) and later data goes through
 * setData, so live points redraw the canvas without rebuilding the chart or re-rendering React.
 */
export function TimeSeriesChart({ title, times, series, formatValue, range, height = 220, testId, onRendered, markers }: TimeSeriesChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const scheme = useComputedColorScheme('light');
  const marked = markers !== undefined;
  const shape = `${scheme}|${series.map((s) => `${s.label}:${s.color}:${s.fill ? 1 : 0}`).join(',')}|${range?.join('-') ?? ''}|${height}|${marked}`;
  const formatRef = useRef(formatValue);
  useEffect(() => {
    formatRef.current = formatValue;
  });

  const data = [times, ...series.map((s) => s.values)] as unknown as AlignedData;
  const dataRef = useRef(data);
  dataRef.current = data;
  const markersRef = useRef<readonly ChartMarker[]>(markers ?? []);
  markersRef.current = markers ?? [];

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const axisStroke = scheme === 'dark' ? '#c1c2c5' : '#495057';
    const grid = scheme === 'dark' ? 'rgba(255,255,255,0.08)' : 'rgba(0,0,0,0.07)';
    const axis = { stroke: axisStroke, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const options: Options = {
      width: Math.max(200, el.clientWidth),
      height,
      legend: { live: true },
      // The first draw ends the render that onRendered reports (the perf check of static-web/README.md).
      hooks: { draw: [(u) => drawMarkers(u, markersRef.current), () => reportDraw()] },
      cursor: { drag: { x: true, y: false } },
      scales: { x: marked ? { time: true, range: markerRoomRange } : { time: true }, y: range ? { range } : { auto: true } },
      axes: [axis, { ...axis, size: 64, values: (_u, ticks) => ticks.map((t) => formatRef.current(t)) }],
      series: [
        {},
        ...series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: 1.5,
          fill: s.fill ? withAlpha(s.color, 0.15) : undefined,
          points: { show: false },
          value: (_u: uPlot, v: number | null) => (v === null ? '—' : formatRef.current(v)),
        })),
      ],
    };
    let started = performance.now();
    let reported = false;
    function reportDraw() {
      if (!reported) onRendered?.(performance.now() - started);
      reported = true;
    }
    started = performance.now();
    const instance = new uPlot(options, dataRef.current, el);
    plot.current = instance;
    const observer = new ResizeObserver(() => {
      const width = Math.max(200, el.clientWidth);
      if (width === instance.width) return;
      instance.setSize({ width, height });
      // The marker room is a number of pixels, so a new width needs the time range worked out again.
      if (marked) instance.setData(instance.data);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.destroy();
      plot.current = null;
    };
    // Rebuilt only when the shape changes; data flows in through setData below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shape]);

  useEffect(() => {
    plot.current?.setData(dataRef.current);
  }, [times, series]);

  useEffect(() => {
    plot.current?.redraw(false, false);
  }, [markers]);

  return (
    <Card withBorder padding="sm" radius="md" data-testid={testId}>
      <Text fw={600} fz="sm" mb={4}>
        {title}
      </Text>
      <div ref={container} role="img" aria-label={`${title} chart, ${times.length} points`} />
    </Card>
  );
}
