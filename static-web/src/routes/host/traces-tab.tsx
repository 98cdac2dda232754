import { Alert, Badge, Button, Stack, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { api } from '../../lib/api';
import { usePolled } from '../../hooks/use-polled';
import { formatTime } from '../../lib/format';
import type { Trace, TracesResponse } from '../../lib/observability-types';
import type { TimeWindow } from '../../lib/types';
import { PolledPanel } from '../../components/ui/polled-panel';
import { ms, SpanWaterfall } from './span-waterfall';

const HEADERS = ['Started', 'Operation', 'Duration', 'Result', 'Spans'];

function Outcome({ success, code }: { success: boolean; code?: string | null }) {
  return (
    <Badge color={success ? 'green' : 'red'} variant="light">
      {success ? 'success' : 'failure'}
      {code ? ` · ${code}` : ''}
    </Badge>
  );
}

/** One operation, and under it, once expanded, its span tree across the whole table's width. */
function TraceRows({ trace }: { trace: Trace }) {
  const [open, setOpen] = useState(false);
  const panel = `spans-${trace.operation_id}`;
  return (
    <Fragment>
      <Table.Tr>
        <Table.Td>{formatTime(trace.start)}</Table.Td>
        <Table.Td style={{ overflowWrap: 'anywhere' }}>{trace.operation}</Table.Td>
        <Table.Td ta="right" ff="monospace">
          {ms(trace.duration_ms)}
        </Table.Td>
        <Table.Td>
          <Outcome success={trace.success} code={trace.result_code} />
        </Table.Td>
        <Table.Td>
          {trace.spans.length === 0 ? (
            trace.span_count
          ) : (
            <Button size="compact-xs" variant="subtle" aria-expanded={open} aria-controls={panel} onClick={() => setOpen(!open)}>
              {open ? '▾' : '▸'} {trace.span_count}
            </Button>
          )}
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr id={panel}>
          <Table.Td colSpan={HEADERS.length}>
            <SpanWaterfall trace={trace} />
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

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
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing={4} data-testid="traces-table" aria-label="Traces">
            <Table.Thead>
              <Table.Tr>
                {HEADERS.map((h) => (
                  <Table.Th key={h} ta={h === 'Duration' ? 'right' : undefined}>
                    {h}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.traces.map((t) => (
                <TraceRows key={t.operation_id} trace={t} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
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
        Requests and dependencies of the function app itself, grouped by operation, from Log Analytics. Expand a trace to see its
        spans as a tree: each step under the one that started it, with a bar for when it ran.
      </Text>
      <PolledPanel reply={traces} title="Traces">
        {(data) => <TracesView data={data} />}
      </PolledPanel>
    </Stack>
  );
}
