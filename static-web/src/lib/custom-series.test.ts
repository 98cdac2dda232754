import { describe, expect, it } from 'vitest';
import { alignSeries, appendCustomSample, labelOptions, matchesLabels, seriesLabel, seriesStats, toggleLabel } from './custom-series';
import type { CustomResponse, CustomSeries } from './types';

const point = (timestamp: string, value: number, min = value, max = value) => ({ timestamp, value, min, max });
const series = (labels: Record<string, string>, points: ReturnType<typeof point>[]): CustomSeries => ({ name: 'jobs_total', labels, type: 'counter', points });

describe('custom series', () => {
  it('are named as Prometheus writes them, labels in key order', () => {
    expect(seriesLabel('jobs_total', { queue: 'mail', env: 'prod' })).toBe('jobs_total{env="prod",queue="mail"}');
    expect(seriesLabel('up', {})).toBe('up');
    expect(seriesLabel('up', null)).toBe('up');
  });

  it('offer each label key with the values the series take, as filter chips', () => {
    const options = labelOptions([series({ queue: 'mail', env: 'prod' }, []), series({ queue: 'batch', env: 'prod' }, []), series({ queue: 'mail' }, [])]);
    expect(options).toEqual([
      ['env', ['prod']],
      ['queue', ['batch', 'mail']],
    ]);
  });

  it('keep one value per label key in a filter, and match only series with every chosen value', () => {
    let filter = toggleLabel({}, 'queue', 'mail');
    filter = toggleLabel(filter, 'env', 'prod');
    filter = toggleLabel(filter, 'queue', 'batch');
    expect(filter).toEqual({ queue: 'batch', env: 'prod' });
    expect(matchesLabels({ queue: 'batch', env: 'prod', host: 'a' }, filter)).toBe(true);
    expect(matchesLabels({ queue: 'mail', env: 'prod' }, filter)).toBe(false);
    expect(matchesLabels({ queue: 'batch' }, filter)).toBe(false);
    expect(toggleLabel(filter, 'queue', 'batch')).toEqual({ env: 'prod' });
  });

  it('share one time axis, with gaps where a series has no point', () => {
    const a = series({ queue: 'a' }, [point('2026-11-27T10:00:00Z', 1), point('2026-11-27T10:01:00Z', 2)]);
    const b = series({ queue: 'b' }, [point('2026-11-27T10:01:00Z', 5), point('2026-11-27T10:02:00Z', 6)]);
    const { times, values } = alignSeries([a, b]);
    const t0 = Date.parse('2026-11-27T10:00:00Z') / 1000;
    expect([...times]).toEqual([t0, t0 + 60, t0 + 120]);
    expect(values).toEqual([
      [1, 2, null],
      [null, 5, 6],
    ]);
  });

  it('take a live sample as one more point of each series it has, and drop what left the window', () => {
    const reply = {
      series: [series({ queue: 'a' }, [point('2026-11-27T10:00:00Z', 1), point('2026-11-27T10:04:00Z', 2)]), series({ queue: 'b' }, [point('2026-11-27T10:04:00Z', 9)])],
    } as CustomResponse;
    const next = appendCustomSample(
      reply,
      '2026-11-27T10:06:00Z',
      [{ name: 'jobs_total', labels: { queue: 'a' }, value: 3 }, { name: 'other', value: 1 }],
      5 * 60_000,
    );
    expect(next.series[0].points.map((p) => p.value)).toEqual([2, 3]);
    expect(next.series[1]).toBe(reply.series[1]);
    expect(next.to).toBe('2026-11-27T10:06:00Z');
    expect(appendCustomSample(next, '2026-11-27T10:06:00Z', [{ name: 'jobs_total', labels: { queue: 'a' }, value: 7 }], 60_000)).toBe(next);
  });

  it('report the latest value and the window’s lowest and highest', () => {
    const s = series({}, [point('2026-11-27T10:00:00Z', 4, 1, 8), point('2026-11-27T10:01:00Z', 5, 3, 6)]);
    expect(seriesStats(s)).toEqual({ latest: 5, at: '2026-11-27T10:01:00Z', min: 1, max: 8 });
    expect(seriesStats(series({}, []))).toEqual({ latest: undefined, at: undefined, min: undefined, max: undefined });
  });
});
