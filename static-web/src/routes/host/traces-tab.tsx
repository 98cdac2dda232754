import { Alert, Badge, Stack, Text } from '@mantine/core';
import { api } from '../../lib/api';
import { usePolled } from '../../hooks/use-polled';
import { formatTime } from '../../lib/format';
import type { Trace, TraceSpan, TracesResponse } from '../../lib/observability-types';
import type { TimeWindow } from '../../lib/types';
import { type Column, DataTable } from '../../components/ui/data-table';
import { PolledPanel } from '../../components/ui/polled-panel';

const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;

function Outcome({ success, code }: { success: boolean; code?: string | null }) {
  return (
    <Badge color={success ? 'green' : 'red'} variant="light">
      {success ? 'success' : 'failure'}
      {code ? ` · ${code}` : ''}
    </Badge>
  );
}

function spanText(s: TraceSpan): string {
  const target = s.target ? ` → ${s.target}` : '';
  return `${s.kind} ${s.name}${target} · ${ms(s.duration_ms)} · ${s.success ? 'ok' : 'failed'}${s.result_code ? ` (${s.result_code})` : ''}`;
}

/** The spans of a trace, folded under their count so a long list does not push the next operation away. */
function Spans({ trace }: { trace: Trace }) {
  if (trace.spans.length === 0) return trace.span_count;
  return (
    <details>
      <summary>{trace.span_count}</summary>
      <ul style={{ margin: 0, paddingLeft: 18 }}>
        {trace.spans.map((s) => (
          <li key={s.id}>
            <Text fz="xs" span>
              {spanText(s)}
            </Text>
          </li>
        ))}
      </ul>
    </details>
  );
}

const COLUMNS: Column<Trace>[] = [
  { header: 'Started', cell: (t) => formatTime(t.start) },
  { header: 'Operation', wrap: true, cell: (t) => t.operation },
  { header: 'Duration', numeric: true, cell: (t) => ms(t.duration_ms) },
  { header: 'Result', cell: (t) => <Outcome success={t.success} code={t.result_code} /> },
  { header: 'Spans', cell: (t) => <Spans trace={t} /> },
];

function TracesView({ data }: { data: TracesResponse }) {
  return (
    <Stack gap="sm">
      {data.warning && (
        <Alert color="yellow" variant="light" title="Some traces may be missing" data-testid="traces-warning">
          {data.warning}
        </Alert>
      )}
      {data.traces.length === 0 ? (
        <Text c="dimmed">No traces in this window.</Text>
      ) : (
        <DataTable columns={COLUMNS} rows={data.traces} rowKey={(t) => t.operation_id} minWidth={640} testId="traces-table" label="Traces" />
      )}
    </Stack>
  );
}

/** Distributed traces of the function app (requests and dependencies by operation), from /traces. */
export function TracesTab({ window }: { window: TimeWindow }) {
  const traces = usePolled<TracesResponse>(`traces:${window}`, (signal) => api.traces(window, signal), null);
  return (
    <Stack gap="sm">
      <Text fz="sm" c="dimmed">
        Requests and dependencies of the function app itself, grouped by operation, from Log Analytics.
      </Text>
      <PolledPanel reply={traces} title="Traces">
        {(data) => <TracesView data={data} />}
      </PolledPanel>
    </Stack>
  );
}
