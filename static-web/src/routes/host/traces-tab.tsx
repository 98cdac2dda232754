import { Stack, Text } from '@mantine/core';
import { useOptionalEndpoint } from '../../hooks/use-optional-endpoint';
import type { TimeWindow } from '../../lib/types';
import { OptionalPanel } from './optional-panel';
import { GenericRecords } from './generic-records';

/** Distributed traces of the function app (requests and dependencies by operation), from /traces. */
export function TracesTab({ window }: { window: TimeWindow }) {
  const { state, refresh } = useOptionalEndpoint<unknown>(`traces?window=${window}`);
  return (
    <Stack gap="sm">
      <Text fz="sm" c="dimmed">
        Requests and dependencies of the function app itself, grouped by operation, from Log Analytics.
      </Text>
      <OptionalPanel
        state={state}
        title="Traces"
        onRetry={refresh}
        missing="Traces need the /api/v1/observability/traces endpoint, which this deployment does not have yet."
      >
        {(data) => <GenericRecords data={data} label="Traces" />}
      </OptionalPanel>
    </Stack>
  );
}
