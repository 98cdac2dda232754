import { describe, expect, it } from 'vitest';
import { formatAgo, formatBytes, formatGb, formatPercent, formatRate } from './format';

describe('unit formatting', () => {
  it('writes percentages with one decimal and a % sign', () => {
    expect(formatPercent(45.234)).toBe('45.2%');
    expect(formatPercent(100)).toBe('100.0%');
    expect(formatPercent(Number.NaN)).toBe('—');
  });

  it('writes GB with fewer decimals as the number grows', () => {
    expect(formatGb(23.43)).toBe('23.4 GB');
    expect(formatGb(7.814)).toBe('7.81 GB');
    expect(formatGb(251.0)).toBe('251 GB');
  });

  it('writes rates in MB/s, and in KB/s below 0.1 MB/s', () => {
    expect(formatRate(5 * 1024 * 1024)).toBe('5.00 MB/s');
    expect(formatRate(0.25 * 1024 * 1024)).toBe('0.25 MB/s');
    expect(formatRate(12800.5)).toBe('12.5 KB/s');
    expect(formatRate(300)).toBe('300 B/s');
  });

  it('writes byte totals in the largest unit above 1', () => {
    expect(formatBytes(2048000000)).toBe('1.91 GB');
    expect(formatBytes(73400320)).toBe('70.0 MB');
  });

  it('says how long ago a timestamp was', () => {
    const now = Date.parse('2026-11-27T10:30:00Z');
    expect(formatAgo('2026-11-27T10:29:48Z', now)).toBe('12 s ago');
    expect(formatAgo('2026-11-27T10:25:00Z', now)).toBe('5 min ago');
    expect(formatAgo('2026-11-27T07:30:00Z', now)).toBe('3 h ago');
    expect(formatAgo(null, now)).toBe('never');
  });
});
