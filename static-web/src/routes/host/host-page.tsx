import { Anchor, Group, SegmentedControl, Stack, Tabs, Text, Title } from '@mantine/core';
import { useCallback } from 'react';
import { useHostDetail } from '../../hooks/use-host-detail';
import { appendPoint, pointFromMessage, useSummary, windowMs } from '../../hooks/use-summary';
import { useAlertToasts } from '../../hooks/use-alert-toasts';
import { useLive } from '../../hooks/use-live';
import { POLL_MS } from '../../hooks/use-hosts';
import { hostHref } from '../../hooks/use-route';
import { useComponents } from '../../hooks/use-components';
import type { HostMetricsMessage } from '../../lib/realtime';
import { TIME_WINDOWS, type TimeWindow } from '../../lib/types';
import { formatAgo } from '../../lib/format';
import { isOption, labelledOptions, plainOptions } from '../../lib/options';
import { ScoreBadge, StatusBadge } from '../../components/ui/status-badge';
import { ErrorState, LoadingState } from '../../components/ui/state-views';
import { AutoRefreshSwitch } from '../../components/ui/auto-refresh-switch';
import { InfrastructureTab } from './infrastructure-tab';
import { MetricsTab } from './metrics-tab';
import { TracesTab } from './traces-tab';
import { LoadBalancingTab } from './load-balancing-tab';
import { AnomaliesTab } from './anomalies-tab';
import { SystemHealthTab } from './system-health-tab';
import { CustomTab } from './custom-tab';
import { HostTagsPanel } from './host-tags-panel';

const TABS = labelledOptions({
  metrics: 'Metrics',
  infrastructure: 'Infrastructure',
  custom: 'Custom',
  traces: 'Traces',
  'load-balancing': 'Load Balancing',
  anomalies: 'Anomalies',
  'system-health': 'System Health',
});
type Tab = (typeof TABS)[number]['value'];
const WINDOWS = plainOptions(TIME_WINDOWS);
/** The tabs that show the service's component health, which one request serves. */
const COMPONENT_TABS: Tab[] = ['load-balancing', 'system-health'];

interface HostPageProps {
  hostId: string;
  tab: string | null;
  range: string | null;
  navigate: (href: string, replace?: boolean) => void;
  autoRefresh: boolean;
  setAutoRefresh: (v: boolean) => void;
}

export function HostPage({ hostId, tab, range, navigate, autoRefresh, setAutoRefresh }: HostPageProps) {
  const activeTab: Tab = isOption(TABS, tab) ? tab : 'infrastructure';
  const window: TimeWindow = isOption(WINDOWS, range) ? range : '1h';
  const live = useLive();
  const streaming = live.enabled && live.state === 'live';
  const summary = useSummary(hostId, window, autoRefresh);
  const { mutate: mutateSummary } = summary;
  const onLive = useCallback(
    (m: HostMetricsMessage) => mutateSummary((s) => s && appendPoint(s, pointFromMessage(m), windowMs(window))),
    [mutateSummary, window],
  );
  const detail = useHostDetail(hostId, autoRefresh, onLive);
  const report = detail.data?.report;
  const hostname = report?.platform.hostname || hostId;
  useAlertToasts(hostId, hostname, report?.threshold_check);
  const components = useComponents(COMPONENT_TABS.includes(activeTab));

  const go = (nextTab: string, nextRange: string) => navigate(hostHref(hostId, nextTab, nextRange), true);

  return (
    <Stack gap="md">
      <div>
        <Anchor
          href="/"
          fz="sm"
          onClick={(e) => {
            e.preventDefault();
            navigate('/');
          }}
        >
          ← Fleet
        </Anchor>
        <Group gap="sm" mt={4} wrap="wrap" align="center">
          <Title order={1} fz={{ base: 22, sm: 28 }} style={{ overflowWrap: 'anywhere' }} data-testid="host-title">
            {hostname}
          </Title>
          {report && <StatusBadge status={report.host_status} stale={report.stale} data-testid="host-status" />}
          {report && <ScoreBadge score={report.health_score} level={report.level} />}
        </Group>
        <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {hostId !== hostname ? `Host id ${hostId} · ` : ''}
          {report ? `${report.platform.os} · last sample ${formatAgo(report.timestamp)}` : ''}
          {streaming ? ' · live' : ''}
        </Text>
      </div>
      <HostTagsPanel hostId={hostId} />
      <Group justify="space-between" wrap="wrap" gap="sm">
        <SegmentedControl
          aria-label="Time range"
          data={WINDOWS}
          value={window}
          onChange={(v) => go(activeTab, v)}
          size="xs"
        />
        <AutoRefreshSwitch checked={autoRefresh} onChange={setAutoRefresh} live={streaming} />
      </Group>
      {detail.error != null && <ErrorState error={detail.error} title="This host could not be loaded" onRetry={detail.refresh} />}
      <Tabs value={activeTab} onChange={(v) => go(v ?? 'infrastructure', window)} keepMounted={false}>
        <Tabs.List style={{ overflowX: 'auto', flexWrap: 'nowrap' }}>
          {TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="metrics" pt="md">
          {summary.error != null && <ErrorState error={summary.error} title={`The ${window} summary could not be loaded`} onRetry={summary.refresh} />}
          {!summary.data && summary.loading && <LoadingState label={`Loading ${window} of samples…`} />}
          {summary.data && <MetricsTab summary={summary.data} hostId={hostId} window={window} />}
        </Tabs.Panel>
        <Tabs.Panel value="infrastructure" pt="md">
          {!detail.data && detail.loading && <LoadingState label="Loading the host's latest sample…" />}
          {detail.data && <InfrastructureTab hostId={hostId} detail={detail.data} onThresholdsChanged={detail.refresh} />}
        </Tabs.Panel>
        <Tabs.Panel value="custom" pt="md">
          <CustomTab hostId={hostId} window={window} system={detail.data?.system} autoRefresh={autoRefresh} />
        </Tabs.Panel>
        <Tabs.Panel value="traces" pt="md">
          <TracesTab window={window} />
        </Tabs.Panel>
        <Tabs.Panel value="load-balancing" pt="md">
          <LoadBalancingTab hostname={hostname} components={components} />
        </Tabs.Panel>
        <Tabs.Panel value="anomalies" pt="md">
          <AnomaliesTab hostId={hostId} window={window} />
        </Tabs.Panel>
        <Tabs.Panel value="system-health" pt="md">
          {report ? <SystemHealthTab hostId={hostId} report={report} pollMs={autoRefresh && !streaming ? POLL_MS : null} components={components} /> : <LoadingState />}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
