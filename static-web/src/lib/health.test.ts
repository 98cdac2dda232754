import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS as T, healthLevel, statusColor, statusRank, thresholdColor, thresholdLevel } from './health';

describe('threshold colours', () => {
  it('are teal below warning, orange from warning and red from critical', () => {
    expect(thresholdColor(69.9, T.cpu_warning, T.cpu_critical)).toBe('teal');
    expect(thresholdColor(70, T.cpu_warning, T.cpu_critical)).toBe('orange');
    expect(thresholdColor(90, T.cpu_warning, T.cpu_critical)).toBe('red');
    expect(thresholdLevel(96, T.disk_warning, T.disk_critical)).toBe('critical');
    expect(thresholdLevel(80, T.disk_warning, T.disk_critical)).toBe('warning');
  });
});

describe('health levels', () => {
  it('follow the README health levels: 90 healthy, 70 degraded, 50 warning, below critical', () => {
    expect(healthLevel(100)).toBe('healthy');
    expect(healthLevel(90)).toBe('healthy');
    expect(healthLevel(89.9)).toBe('degraded');
    expect(healthLevel(70)).toBe('degraded');
    expect(healthLevel(69.9)).toBe('warning');
    expect(healthLevel(50)).toBe('warning');
    expect(healthLevel(49.9)).toBe('critical');
    expect(healthLevel(0)).toBe('critical');
  });

  it('colour each level, with down grey', () => {
    expect(['healthy', 'degraded', 'warning', 'critical', 'down'].map(statusColor)).toEqual(['green', 'yellow', 'orange', 'red', 'gray']);
  });

  it('rank the worst first', () => {
    expect(['healthy', 'critical', 'down', 'warning'].sort((a, b) => statusRank(a) - statusRank(b))).toEqual(['down', 'critical', 'warning', 'healthy']);
  });
});
