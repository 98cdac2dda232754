import { Alert, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { HostDetail } from '../../hooks/use-host-detail';
import { HealthRing } from '../../components/ui/health-ring';
import { formatAgo, formatMb, formatPercent, formatTime } from '../../lib/format';
import { ResourceCards } from './resource-cards';
import { ThresholdBadges } from './threshold-badges';
import { ProcessesTable } from './processes-table';
import { DisksTable } from './disks-table';
import { ContainersTable } from './containers-table';
import { PlatformCard } from './platform-card';
import { ThresholdsEditor } from './thresholds-editor';
import { TitledCard } from '../../components/ui/titled-card';
import { ServicesPanel } from './services-panel';
import { TemperaturesPanel } from './temperatures-panel';
import { AgentSettingsPanel } from './agent-settings-panel';
import { OperatorOnly } from '../../components/ui/operator-only';

/**
 * One host's latest sample: health ring, resource cards, threshold badges, services (systemd units and checks),
 * processes, filesystems, containers, temperatures and platform.
 */
export function InfrastructureTab({ hostId, detail, onThresholdsChanged }: { hostId: string; detail: HostDetail; onThresholdsChanged: () => void }) {
  const { report, system } = detail;
  const thresholds = report.threshold_check.thresholds;
  return (
    <Stack gap="md">
      {report.stale && (
        <Alert color="orange" variant="light" title="Stale data" role="status" data-testid="stale-alert">
          This host has stopped reporting (silent for longer than the service's stale limit, Ingest__StaleAfterIntervals of its reporting intervals). The values below are from its last sample, {formatAgo(report.timestamp)} (
          {formatTime(report.timestamp)}).
        </Alert>
      )}
      <Card withBorder radius="md" padding="md">
        <Group align="center" gap="xl" wrap="wrap">
          <HealthRing score={report.health_score} level={report.level} />
          <Stack gap="xs" style={{ flex: 1, minWidth: 240 }}>
            <Text fw={600}>Threshold check: {report.threshold_check.status}</Text>
            <ThresholdBadges check={report.threshold_check} />
            <Group gap="xs" wrap="wrap">
              <Text fz="xs" c="dimmed" data-testid="thresholds-line">
                Sample of {formatTime(report.timestamp)}. Thresholds: CPU {thresholds.cpu_warning}/{thresholds.cpu_critical}%, memory{' '}
                {thresholds.memory_warning}/{thresholds.memory_critical}%, disk {thresholds.disk_warning}/{thresholds.disk_critical}% (warning/critical).
              </Text>
              <OperatorOnly>
                <ThresholdsEditor hostId={hostId} onChanged={onThresholdsChanged} />
              </OperatorOnly>
            </Group>
          </Stack>
        </Group>
      </Card>
      <ResourceCards system={report.system} thresholds={thresholds} />
      <TitledCard title="Services">
        <ServicesPanel units={system.systemd_units} checks={system.checks} errors={system.collector_errors} />
      </TitledCard>
      {report.process && (
        <Card withBorder radius="md" padding="md" data-testid="busiest-process">
          <Text fz="sm">
            Busiest process: <b>{report.process.name}</b> (PID {report.process.pid}) — CPU {formatPercent(report.process.cpu_percent)}, memory{' '}
            {formatMb(report.process.memory_mb)}, {report.process.threads} threads, {report.process.file_descriptors < 0 ? 'unknown' : report.process.file_descriptors} open files
          </Text>
        </Card>
      )}
      <TitledCard title="Top processes">
        <ProcessesTable processes={report.top_processes} />
      </TitledCard>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <TitledCard title="Filesystems">
          <DisksTable disks={system.disks} thresholds={thresholds} />
        </TitledCard>
        <TitledCard title="Containers">
          <ContainersTable containers={system.containers} />
        </TitledCard>
      </SimpleGrid>
      <TitledCard title="Temperatures">
        <TemperaturesPanel temperatures={system.temperatures} errors={system.collector_errors} />
      </TitledCard>
      <PlatformCard platform={report.platform} />
      <TitledCard title="Agent settings">
        <AgentSettingsPanel hostId={hostId} />
      </TitledCard>
    </Stack>
  );
}
