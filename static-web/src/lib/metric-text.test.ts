import { describe, expect, it } from 'vitest';
import { formatMetric, parseMetric } from './metric-text';

describe('a rule metric as text', () => {
  it('reads a name alone and a name with labels', () => {
    expect(parseMetric('cpu.percent')).toEqual({ name: 'cpu.percent', labels: {} });
    expect(parseMetric('disk.percent{mount=/data}')).toEqual({ name: 'disk.percent', labels: { mount: '/data' } });
    expect(parseMetric('custom.q{b=2,a=1}')).toEqual({ name: 'custom.q', labels: { a: '1', b: '2' } });
  });

  it('writes labels sorted, and quotes a value the server would quote, so the text reads back the same', () => {
    expect(formatMetric('custom.q', { b: '2', a: '1' })).toBe('custom.q{a=1,b=2}');
    const odd = formatMetric('disk.percent', { mount: '/mnt/a,b "c"' });
    expect(odd).toBe('disk.percent{mount="/mnt/a,b \\"c\\""}');
    expect(parseMetric(odd)).toEqual({ name: 'disk.percent', labels: { mount: '/mnt/a,b "c"' } });
  });

  it('leaves an empty label out, and refuses text that is not name{k=v}', () => {
    expect(formatMetric('disk.percent', { mount: '' })).toBe('disk.percent');
    expect(parseMetric('disk.percent{mount=/data')).toBeNull();
    expect(parseMetric('{mount=/data}')).toBeNull();
    expect(parseMetric('x{=1}')).toBeNull();
  });
});
