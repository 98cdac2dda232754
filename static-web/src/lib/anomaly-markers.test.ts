import { describe, expect, it } from 'vitest';
import { anomalyMarkers, MARKER_REACH, MARKER_RADIUS, MARKER_RING, padRange, severityColor, timeToX } from './anomaly-markers';
import type { Anomaly } from './observability-types';

function anomaly(timestamp: string, metric: string, severity = 'warning', value = 90): Anomaly {
  return { timestamp, metric, value, expected: 20, score: 5, direction: 'up', severity, kind: 'spike', until: timestamp, baseline: 'rolling' };
}

describe('anomalyMarkers', () => {
  const t0 = Date.parse('2026-01-01T00:00:00Z') / 1000;
  const times = [t0, t0 + 60, t0 + 120];

  it('keeps charted metrics inside the time range, sorted, coloured by severity', () => {
    const markers = anomalyMarkers(
      [
        anomaly('2026-01-01T00:02:00Z', 'memory', 'critical', 95),
        anomaly('2026-01-01T00:01:00Z', 'cpu'),
        anomaly('2026-01-01T00:01:00Z', 'disk_forecast'),
        anomaly('2026-01-01T00:05:00Z', 'cpu'),
      ],
      times,
      ['cpu', 'memory', 'disk'],
    );
    expect(markers.map((m) => m.time)).toEqual([t0 + 60, t0 + 120]);
    expect(markers[1]).toMatchObject({ value: 95, color: severityColor('critical') });
  });

  it('returns nothing without samples', () => {
    expect(anomalyMarkers([anomaly('2026-01-01T00:01:00Z', 'cpu')], [], ['cpu'])).toEqual([]);
  });
});

describe('timeToX', () => {
  it('maps times linearly onto the plot and drops those outside', () => {
    expect(timeToX(150, 100, 200, 10, 400)).toBe(210);
    expect(timeToX(100, 100, 200, 10, 400)).toBe(10);
    expect(timeToX(250, 100, 200, 10, 400)).toBeNull();
    expect(timeToX(150, 100, 100, 10, 400)).toBeNull();
  });
});

describe('padRange', () => {
  const reach = MARKER_RADIUS + MARKER_RING / 2;

  it('keeps a marker on the first or last sample whole inside the plot', () => {
    const [min, max] = padRange(1000, 1120, 600, MARKER_REACH);
    const first = timeToX(1000, min, max, 0, 600)!;
    const last = timeToX(1120, min, max, 0, 600)!;
    expect(first - reach).toBeGreaterThanOrEqual(0);
    expect(last + reach).toBeLessThanOrEqual(600);
    // One linear scale: the samples span the plot less the room at each end.
    expect(first).toBeCloseTo(MARKER_REACH);
    expect(last).toBeCloseTo(600 - MARKER_REACH);
  });

  it('leaves a single instant or a plot too narrow for the room as it is', () => {
    expect(padRange(1000, 1000, 600, MARKER_REACH)).toEqual([1000, 1000]);
    expect(padRange(1000, 1120, 2 * MARKER_REACH, MARKER_REACH)).toEqual([1000, 1120]);
  });
});
