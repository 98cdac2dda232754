import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import type { Options } from 'uplot';
import type uPlot from 'uplot';
import { describe, expect, it, vi } from 'vitest';
import { MARKER_RADIUS, MARKER_RING, timeToX, type ChartMarker } from '../../lib/anomaly-markers';
import { TimeSeriesChart } from './time-series-chart';

// jsdom draws no canvas: a stand-in uPlot records the options each chart is built with.
const built = vi.hoisted(() => [] as Options[]);
vi.mock('uplot', () => ({
  default: class {
    width: number;
    constructor(options: Options) {
      built.push(options);
      this.width = options.width;
    }
    setData() {}
    setSize() {}
    redraw() {}
    destroy() {}
  },
}));

const t0 = Date.parse('2026-11-27T10:00:00Z') / 1000;
const times = Float64Array.from([t0, t0 + 60, t0 + 120]);
const series = [{ label: 'CPU', color: '#228be6', values: Float64Array.from([70, 50, 42.7]) }];

function xRange(markers?: readonly ChartMarker[]): Options['scales'] {
  built.length = 0;
  render(
    <MantineProvider>
      <TimeSeriesChart title="CPU" times={times} series={series} formatValue={String} markers={markers} />
    </MantineProvider>,
  );
  expect(built).toHaveLength(1);
  return built[0].scales;
}

describe('TimeSeriesChart', () => {
  it('leaves room for a marker on the last sample inside the plot', () => {
    const marker: ChartMarker = { time: t0 + 120, value: 42.7, color: '#fa5252', label: 'critical cpu spike' };
    const range = xRange([marker])?.x?.range;
    expect(typeof range).toBe('function');
    const plot = { left: 0, top: 0, width: 800, height: 200 };
    const [min, max] = (range as uPlot.Range.Function)({ bbox: plot } as uPlot, t0, t0 + 120, 'x');
    const x = timeToX(marker.time, min!, max!, plot.left, plot.width);
    expect(x).not.toBeNull();
    expect(x! + (MARKER_RADIUS + MARKER_RING / 2) * devicePixelRatio).toBeLessThanOrEqual(plot.left + plot.width);
    expect(timeToX(t0, min!, max!, plot.left, plot.width)! - (MARKER_RADIUS + MARKER_RING / 2) * devicePixelRatio).toBeGreaterThanOrEqual(plot.left);
  });

  it('keeps the data range of a chart without markers', () => {
    expect(xRange()?.x?.range).toBeUndefined();
  });
});
