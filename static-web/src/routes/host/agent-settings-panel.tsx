import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import { agentsApi } from '../../lib/agents-api';
import type { HostAgentSettingsResponse, SettingInForce } from '../../lib/agent-types';
import { formatAgo } from '../../lib/format';
import { usePolled } from '../../hooks/use-polled';
import { type Column, DataTable } from '../../components/ui/data-table';
import { ErrorState } from '../../components/ui/state-views';
import { OperatorOnly } from '../../components/ui/operator-only';
import { SETTING_FIELDS, SETTING_LABELS, settingText } from './agent-settings';
import { AgentSettingsForm } from './agent-settings-form';

const IN_FORCE: Column<SettingInForce>[] = [
  { header: 'Setting', mono: true, cell: (s) => s.name },
  { header: 'Value', mono: true, cell: (s) => s.value || '—' },
  { header: 'Source', cell: (s) => s.source },
  { header: 'Scope', small: true, cell: (s) => s.scope ?? '—' },
];

/** What the host's agent runs with (as it last reported), what the server pushes to it, and (operator) a way to change that. */
export function AgentSettingsPanel({ hostId }: { hostId: string }) {
  const fetcher = useCallback((signal: AbortSignal) => agentsApi.hostSettings(hostId, signal), [hostId]);
  const { data, error, refresh } = usePolled<HostAgentSettingsResponse>(`agent-settings:${hostId}`, fetcher, null);
  const [editing, setEditing] = useState(false);
  const inForce = data?.in_force ?? [];
  const pushed = SETTING_FIELDS.map((f) => ({ field: f, text: settingText(data?.settings, f), source: data?.settings?.sources?.[f] })).filter((p) => p.text);

  return (
    <Stack gap="sm" data-testid="agent-settings">
      {error != null && <ErrorState error={error} title="The agent settings could not be loaded" onRetry={refresh} />}
      {data && (
        <>
          <Text fz="sm" c="dimmed" data-testid="settings-reported">
            {inForce.length ? `In force, as the agent reported ${formatAgo(data.reported_at)}:` : 'The agent has not reported its settings (it may be older than this deployment).'}
          </Text>
          {data.in_force_problem && (
            <Text fz="sm" c="orange" data-testid="settings-problem">
              The agent's last report of its settings was not kept: {data.in_force_problem}
            </Text>
          )}
          {inForce.length > 0 && <DataTable columns={IN_FORCE} rows={inForce} rowKey={(s) => s.name} minWidth={480} testId="settings-in-force" label="Settings in force" />}
          <Group justify="space-between" align="flex-end" wrap="wrap">
            <Text fz="sm" data-testid="settings-pushed">
              {pushed.length
                ? `Pushed by the server: ${pushed.map((p) => `${SETTING_LABELS[p.field].toLowerCase()} ${p.text} (${p.source ?? 'server'})`).join('; ')}.`
                : 'The server pushes no settings to this host.'}
            </Text>
            <OperatorOnly>
              <Button size="compact-xs" variant="light" onClick={() => setEditing(true)}>
                Edit pushed settings
              </Button>
            </OperatorOnly>
          </Group>
          <Modal opened={editing} onClose={() => setEditing(false)} title="Settings pushed to this host" size="lg">
            <AgentSettingsForm
              hostId={hostId}
              settings={data.settings}
              onDone={() => {
                setEditing(false);
                refresh();
              }}
            />
          </Modal>
        </>
      )}
    </Stack>
  );
}
