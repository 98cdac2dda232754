import { Text } from '@mantine/core';
import type { Trace, TraceSpan } from '../../lib/observability-types';

export const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;

export function spanText(s: TraceSpan): string {
  const target = s.target ? ` → ${s.target}` : '';
  return `${s.kind} ${s.name}${target} · ${ms(s.duration_ms)} · ${s.success ? 'ok' : 'failed'}${s.result_code ? ` (${s.result_code})` : ''}`;
}

export interface SpanNode {
  span: TraceSpan;
  children: SpanNode[];
}

/**
 * The API lists a trace's spans depth-first with each span's depth, so a span's parent is the nearest span before it
 * one level up. Spans without a depth (an older API) are all roots.
 */
export function spanTree(spans: readonly TraceSpan[]): SpanNode[] {
  const roots: SpanNode[] = [];
  const path: SpanNode[] = [];
  for (const span of spans) {
    const depth = Math.max(0, span.depth ?? 0);
    const node: SpanNode = { span, children: [] };
    path.length = Math.min(path.length, depth);
    (path.length > 0 ? path[path.length - 1].children : roots).push(node);
    path.push(node);
  }
  return roots;
}

/** Where a span's bar sits on the trace's time axis, as percentages of the trace's duration. */
export function spanBar(span: TraceSpan, trace: Trace): { left: number; width: number } {
  const first = Math.min(...trace.spans.map((s) => Date.parse(s.start)));
  const offset = span.offset_ms ?? Date.parse(span.start) - first;
  const total = Math.max(trace.duration_ms, ...trace.spans.map((s) => (s.offset_ms ?? Date.parse(s.start) - first) + s.duration_ms), 1);
  const left = Math.min(100, Math.max(0, (offset / total) * 100));
  // A span too short to see still gets a sliver.
  return { left, width: Math.max(0.5, Math.min(100 - left, (span.duration_ms / total) * 100)) };
}

function Rows({ nodes, depth, trace }: { nodes: SpanNode[]; depth: number; trace: Trace }) {
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {nodes.map((node, i) => {
        const bar = spanBar(node.span, trace);
        return (
          <li key={`${node.span.id}-${i}`} data-testid="span" data-depth={depth}>
            <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(96px, 35%)', gap: 8, alignItems: 'center' }}>
              <Text fz="xs" span style={{ paddingLeft: depth * 16, overflowWrap: 'anywhere' }}>
                {spanText(node.span)}
              </Text>
              <div style={{ position: 'relative', height: 8, borderRadius: 2, background: 'var(--mantine-color-default-border)' }}>
                <div
                  data-testid="span-bar"
                  title={`starts ${ms(node.span.offset_ms ?? 0)} in, lasts ${ms(node.span.duration_ms)}`}
                  style={{
                    position: 'absolute', top: 0, bottom: 0, left: `${bar.left}%`, width: `${bar.width}%`, borderRadius: 2,
                    background: node.span.success ? 'var(--mantine-color-blue-6)' : 'var(--mantine-color-red-6)',
                  }}
                />
              </div>
            </div>
            {node.children.length > 0 && <Rows nodes={node.children} depth={depth + 1} trace={trace} />}
          </li>
        );
      })}
    </ul>
  );
}

/** A trace's spans as an indented tree, each with a bar placed on the trace's time axis. */
export function SpanWaterfall({ trace }: { trace: Trace }) {
  return (
    <div data-testid="span-waterfall" aria-label={`Spans of ${trace.operation}`} role="group">
      <Rows nodes={spanTree(trace.spans)} depth={0} trace={trace} />
    </div>
  );
}
