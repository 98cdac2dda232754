import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReportResponse } from '../../lib/types';
import { RadarChart } from '../../components/ui/radar-chart';
import { BarList } from '../../components/ui/bar-list';
import { useAlerts } from '../../hooks/use-alerts';
import type { ComponentsResponse } from '../../lib/observability-types';
import { PolledPanel, type Reply } from '../../components/ui/polled-panel';
import { ComponentsTable } from './components-table';
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

interface SystemHealthTabProps {
  hostId: string;
  report: ReportResponse;
  pollMs: number | null;
  components: Reply<ComponentsResponse>;
}

export function SystemHealthTab({ hostId, report, pollMs, components }: SystemHealthTabProps) {
  const alerts = useAlerts(hostId, pollMs);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <TitledCard title="Resource dimensions">
          <RadarChart axes={radarAxes(report)} />
        </TitledCard>
        <TitledCard title="Alerts (open now, resolved in 24 h)">
          <PolledPanel reply={alerts} title="Alerts">
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
          </PolledPanel>
        </TitledCard>
      </SimpleGrid>
      <TitledCard title="Components">
        <Text fz="sm" c="dimmed" mb="xs">
          Health of the service's own parts, shared by every host: Table Storage, SignalR Service, timers and ingest.
        </Text>
        <PolledPanel reply={components} title="Component health">
          {(data) => <ComponentsTable data={data} />}
        </PolledPanel>
      </TitledCard>
    </Stack>
  );
}
