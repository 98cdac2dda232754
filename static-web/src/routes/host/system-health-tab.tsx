import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReportResponse } from '../../lib/types';
import { RadarChart } from '../../components/ui/radar-chart';
import { BarList } from '../../components/ui/bar-list';
import { useAlerts } from '../../hooks/use-alerts';
import { useOptionalEndpoint } from '../../hooks/use-optional-endpoint';
import { OptionalPanel } from './optional-panel';
import { GenericRecords } from './generic-records';
import { AlertsList } from './alerts-list';
import { TitledCard } from '../../components/ui/titled-card';

/** Resource dimensions of the latest sample, 0-100 each: load is the 1-minute load per logical CPU. */
export function radarAxes(report: ReportResponse) {
  const { cpu, memory, disk } = report.system;
  const load = cpu.load_avg && cpu.count > 0 ? (cpu.load_avg.one / cpu.count) * 100 : 0;
  return [
    { label: 'CPU', value: cpu.percent },
    { label: 'Memory', value: memory.percent },
    { label: 'Disk', value: disk.percent },
    { label: 'Swap', value: memory.swap?.percent ?? 0 },
    { label: 'Load/CPU', value: Math.min(100, load) },
  ];
}

export function SystemHealthTab({ hostId, report, pollMs }: { hostId: string; report: ReportResponse; pollMs: number | null }) {
  const alerts = useAlerts(hostId, pollMs);
  const components = useOptionalEndpoint<unknown>('health/components', 15_000);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <TitledCard title="Resource dimensions">
          <RadarChart axes={radarAxes(report)} />
        </TitledCard>
        <TitledCard title="Alerts (open now, resolved in 24 h)">
          <OptionalPanel
            state={alerts.state}
            title="Alerts"
            onRetry={alerts.refresh}
            missing="Alert counts need the /api/v1/observability/alerts endpoint, which this deployment does not have yet."
          >
            {(data) => {
              const open = data.alerts.filter((a) => a.state === 'open');
              return (
                <Stack gap="md">
                  <BarList
                    label="Alert counts"
                    items={[
                      { label: 'Open critical', value: open.filter((a) => a.severity === 'critical').length, color: 'red' },
                      { label: 'Open warning', value: open.filter((a) => a.severity === 'warning').length, color: 'orange' },
                      { label: 'Resolved (24 h)', value: data.alerts.length - open.length, color: 'gray' },
                    ]}
                  />
                  <AlertsList alerts={data.alerts} onChanged={alerts.refresh} />
                </Stack>
              );
            }}
          </OptionalPanel>
        </TitledCard>
      </SimpleGrid>
      <TitledCard title="Components">
        <Text fz="sm" c="dimmed" mb="xs">
          Health of the deployment's own parts: Table Storage, SignalR Service, timers and ingest.
        </Text>
        <OptionalPanel
          state={components.state}
          title="Component health"
          onRetry={components.refresh}
          missing="Component health needs the /api/v1/observability/health/components endpoint, which this deployment does not have yet."
        >
          {(data) => <GenericRecords data={data} label="Components" />}
        </OptionalPanel>
      </TitledCard>
    </Stack>
  );
}
