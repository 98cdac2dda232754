import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Trace, TraceSpan } from '../../lib/observability-types';
import { spanBar, spanTree, SpanWaterfall } from './span-waterfall';

const at = (ms: number) => new Date(Date.UTC(2026, 10, 27, 10, 0, 0, ms)).toISOString();
const span = (id: string, depth: number, offset: number, duration: number, extra: Partial<TraceSpan> = {}): TraceSpan => ({
  id, kind: depth === 0 ? 'request' : 'dependency', name: id, start: at(offset), duration_ms: duration, success: true, depth, offset_ms: offset, ...extra,
});

// As the API orders them: depth-first, each span right after its parent.
const trace: Trace = {
  operation_id: 'op-1', operation: 'IngestSamples', start: at(0), duration_ms: 100, success: false, result_code: '500', span_count: 6,
  spans: [
    span('IngestSamples', 0, 0, 100),
    span('ingest.validate', 1, 5, 5, { type: 'InProc' }),
    span('ingest.store', 1, 10, 40, { type: 'InProc' }),
    span('SubmitTransaction', 2, 12, 30, { type: 'Azure table', target: 'acct.table.core.windows.net', success: false, result_code: '503' }),
    span('ingest.publish', 1, 50, 50, { type: 'InProc' }),
    span('orphan', 0, 90, 10, { parent_id: 'not-in-this-trace' }),
  ],
};

describe('the span tree of a trace', () => {
  it('puts each span under the nearest span before it one level up, and keeps several roots', () => {
    const roots = spanTree(trace.spans);

    expect(roots.map((n) => n.span.id)).toEqual(['IngestSamples', 'orphan']);
    expect(roots[0].children.map((n) => n.span.id)).toEqual(['ingest.validate', 'ingest.store', 'ingest.publish']);
    expect(roots[0].children[1].children.map((n) => n.span.id)).toEqual(['SubmitTransaction']);
  });

  it('shows spans without a depth as a flat list, as an older API sends them', () => {
    const flat = trace.spans.map(({ depth: _depth, ...rest }) => rest);

    expect(spanTree(flat).map((n) => n.children.length)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('places each bar at its start and sizes it by its duration on the trace’s time axis', () => {
    expect(spanBar(trace.spans[2], trace)).toEqual({ left: 10, width: 40 });
    expect(spanBar(span('instant', 1, 20, 0), trace)).toEqual({ left: 20, width: 0.5 });
  });

  it('renders children indented inside their parent’s row, with a red bar for a failed call', () => {
    render(
      <MantineProvider>
        <SpanWaterfall trace={trace} />
      </MantineProvider>,
    );

    const tree = screen.getByRole('group', { name: 'Spans of IngestSamples' });
    const rows = within(tree).getAllByTestId('span');
    expect(rows.map((r) => `${r.querySelector('span')!.textContent!.split(' · ')[0]}@${r.getAttribute('data-depth')}`)).toEqual([
      'request IngestSamples@0',
      'dependency ingest.validate@1',
      'dependency ingest.store@1',
      'dependency SubmitTransaction → acct.table.core.windows.net@2',
      'dependency ingest.publish@1',
      'request orphan@0',
    ]);
    const store = rows[2];
    const transaction = rows[3];
    expect(store.contains(transaction)).toBe(true);
    expect(rows[0].contains(rows[5])).toBe(false);
    expect(within(transaction).getByText(/SubmitTransaction/).getAttribute('style')).toContain('padding-left: 32px');
    const bar = within(transaction).getByTestId('span-bar');
    expect(bar.style.width).toBe('30%');
    expect(bar.style.left).toBe('12%');
    expect(bar.style.background).toContain('red');
  });
});
