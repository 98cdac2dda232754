import { Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { TimeSeriesChart } from '../../components/ui/time-series-chart';
import { COLORS } from '../host/series-colors';

declare global {
  interface Window {
    __chartRenderMs?: number;
  }
}

/**
 * /perf: the performance check of the chart alone (docs in static-web/README.md): 24 h of 5 s samples,
 * 17,280 points × 4 series, drawn by the same component as the Metrics tab. Loaded lazily, not in the first view.
 */
export default function ChartPerfPage() {
  const points = Number(new URLSearchParams(window.location.search).get('points') ?? 17_280);
  const [ms, setMs] = useState<number>();
  const { times, series } = useMemo(() => {
    const t = new Float64Array(points);
    const cols = [0, 1, 2, 3].map(() => new Float64Array(points));
    const end = Date.now() / 1000;
    for (let i = 0; i < points; i++) {
      t[i] = end - (points - i) * 5;
      cols[0][i] = 40 + 30 * Math.sin(i / 300) + 10 * Math.sin(i / 7);
      cols[1][i] = 60 + 10 * Math.sin(i / 900);
      cols[2][i] = 50 + i / points;
      cols[3][i] = 5 + 5 * Math.cos(i / 50);
    }
    return {
      times: t,
      series: [
        { label: 'CPU', color: COLORS.cpu, values: cols[0] },
        { label: 'Memory', color: COLORS.memory, values: cols[1] },
        { label: 'Disk', color: COLORS.disk, values: cols[2] },
        { label: 'Swap', color: COLORS.swap, values: cols[3] },
      ],
    };
  }, [points]);
  return (
    <Stack>
      <TimeSeriesChart
        title={`${points} points × 4 series`}
        times={times}
        series={series}
        formatValue={(v) => `${v.toFixed(0)}%`}
        range={[0, 100]}
        height={320}
        onRendered={(t) => {
          window.__chartRenderMs = t;
          setMs(t);
        }}
      />
      <Text data-testid="chart-render-ms">{ms === undefined ? 'rendering…' : `rendered in ${ms.toFixed(1)} ms`}</Text>
    </Stack>
  );
}
