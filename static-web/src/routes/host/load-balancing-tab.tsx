import { Stack, Text } from '@mantine/core';
import { useOptionalEndpoint } from '../../hooks/use-optional-endpoint';
import { OptionalPanel } from './optional-panel';
import { GenericRecords } from './generic-records';

/** Ingest rate, rejected and throttled counts, and dependency circuit state, from component health. */
export function LoadBalancingTab() {
  const { state, refresh } = useOptionalEndpoint<unknown>('health/components', 15_000);
  return (
    <Stack gap="sm">
      <Text fz="sm" c="dimmed">
        Ingest rate, rejected and throttled posts, and the circuit state of each dependency (Table Storage, SignalR Service, Azure
        Monitor).
      </Text>
      <OptionalPanel
        state={state}
        title="Load balancing"
        onRetry={refresh}
        missing="Load balancing needs the /api/v1/observability/health/components endpoint (ingest rate, rejected and throttled counts, circuit state), which this deployment does not have yet."
      >
        {(data) => <GenericRecords data={data} label="Components" />}
      </OptionalPanel>
    </Stack>
  );
}
