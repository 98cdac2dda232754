import { describe, expect, it } from 'vitest';
import { isOption, labelledOptions, plainOptions } from './options';

describe('options', () => {
  it('keep the order of their labels and say which strings are among them', () => {
    const tabs = labelledOptions({ metrics: 'Metrics', 'load-balancing': 'Load Balancing' });
    expect(tabs).toEqual([
      { value: 'metrics', label: 'Metrics' },
      { value: 'load-balancing', label: 'Load Balancing' },
    ]);
    expect(isOption(tabs, 'load-balancing')).toBe(true);
    expect(isOption(tabs, 'Load Balancing')).toBe(false);
    expect(isOption(tabs, null)).toBe(false);
    expect(plainOptions(['1h', '6h'])).toEqual([
      { value: '1h', label: '1h' },
      { value: '6h', label: '6h' },
    ]);
  });
});
