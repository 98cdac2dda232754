import { Stack, Text } from '@mantine/core';
import { useAnomalies } from '../../hooks/use-anomalies';
import type { TimeWindow } from '../../lib/types';
import { OptionalPanel } from './optional-panel';
import { GenericRecords } from './generic-records';

export function AnomaliesTab({ hostId, window }: { hostId: string; window: TimeWindow }) {
  const { state, refresh, scanned } = useAnomalies(hostId, window);
  return (
    <Stack gap="sm">
      <Text fz="sm" c="dimmed">
        Unusual values of this host's metrics over {scanned === window ? 'the selected window' : 'the last 24 h'}: robust z-scores against a rolling or
        same-hour-of-day baseline, level shifts, and a disk-full forecast.
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
