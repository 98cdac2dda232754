import { Stack, Text } from '@mantine/core';
import { useOptionalEndpoint } from '../../hooks/use-optional-endpoint';
import type { TimeWindow } from '../../lib/types';
import { OptionalPanel } from './optional-panel';
import { GenericRecords } from './generic-records';

export function AnomaliesTab({ hostId, window }: { hostId: string; window: TimeWindow }) {
  const { state, refresh } = useOptionalEndpoint<unknown>(`anomalies?host=${encodeURIComponent(hostId)}&window=${window}`);
  return (
    <Stack gap="sm">
      <Text fz="sm" c="dimmed">
        Unusual values of this host's metrics over the selected window.
      </Text>
      <OptionalPanel
        state={state}
        title="Anomalies"
        onRetry={refresh}
        missing="Anomalies need the /api/v1/observability/anomalies endpoint, which this deployment does not have yet. Until it lands, no anomalies are marked on the charts."
      >
        {(data) => <GenericRecords data={data} label="Anomalies" />}
      </OptionalPanel>
    </Stack>
  );
}
