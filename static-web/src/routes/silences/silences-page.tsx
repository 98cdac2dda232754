import { Badge, Button, Group, Modal, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { alertingApi } from '../../lib/alerting-api';
import type { RulesResponse } from '../../lib/rule-types';
import type { Silence, SilencesResponse, SilenceWindow } from '../../lib/silence-types';
import { formatTime } from '../../lib/format';
import { usePolled } from '../../hooks/use-polled';
import { canOperate, useRole } from '../../hooks/use-role';
import { type Column, DataTable } from '../../components/ui/data-table';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { OperatorOnly } from '../../components/ui/operator-only';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/state-views';
import { TitledCard } from '../../components/ui/titled-card';
import { byActiveThenNext, matchersText } from './silence-draft';
import { SilenceForm } from './silence-form';

const windowText = (w: SilenceWindow | null) => (w ? `${formatTime(w.starts_at)} – ${formatTime(w.ends_at)}` : '—');

function schedule(s: Silence): string {
  if (s.cron) return `${s.cron} for ${s.duration_minutes} min (${s.time_zone})`;
  return `${formatTime(s.starts_at)} – ${formatTime(s.ends_at)}`;
}

function columns(operator: boolean, ruleName: (id: string) => string, onDelete: (s: Silence) => void): Column<Silence>[] {
  const cols: Column<Silence>[] = [
    {
      header: 'State',
      cell: (s) => (
        <Badge size="sm" variant="light" color={s.active ? 'grape' : s.next_window ? 'blue' : 'gray'}>
          {s.active ? 'active' : s.next_window ? 'upcoming' : 'ended'}
        </Badge>
      ),
    },
    { header: 'Silences', wrap: true, cell: (s) => matchersText(s, ruleName) },
    { header: 'Schedule', small: true, wrap: true, cell: schedule },
    { header: 'Current window', small: true, cell: (s) => windowText(s.current_window) },
    { header: 'Next window', small: true, cell: (s) => windowText(s.next_window) },
    { header: 'Comment', small: true, wrap: true, cell: (s) => s.comment || '—' },
    { header: 'Created by', small: true, cell: (s) => s.created_by || '—' },
  ];
  if (operator) {
    cols.push({
      header: <VisuallyHidden>Actions</VisuallyHidden>,
      cell: (s) => (
        <Button size="compact-xs" variant="light" color="red" onClick={() => onDelete(s)} aria-label={`Delete silence of ${matchersText(s, ruleName)}`}>
          Delete
        </Button>
      ),
    });
  }
  return cols;
}

/** Silences and maintenance windows: active first, with their current or next window; operators create and delete. */
export function SilencesPage() {
  const operator = canOperate(useRole().role);
  const silences = usePolled<SilencesResponse>('silences', useCallback((s: AbortSignal) => alertingApi.silences(s), []), 60_000);
  const rules = usePolled<RulesResponse>('rules', useCallback((s: AbortSignal) => alertingApi.rules(s), []), null);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Silence | null>(null);
  const rows = useMemo(() => byActiveThenNext(silences.data?.silences ?? []), [silences.data]);
  const ruleName = (id: string) => rules.data?.rules.find((r) => r.id === id)?.name ?? id;
  return (
    <Stack gap="md">
      <div>
        <Title order={1} fz={{ base: 22, sm: 28 }}>
          Silences
        </Title>
        <Text fz="sm" c="dimmed">
          Quiet times for hosts, tags or rules: one-off, or recurring maintenance windows.
        </Text>
      </div>
      <OperatorOnly what="Creating and deleting silences">{null}</OperatorOnly>
      <TitledCard title="Silences">
        {operator && (
          <Group justify="flex-end" mb="xs">
            <Button size="xs" onClick={() => setCreating(true)}>
              New silence
            </Button>
          </Group>
        )}
        {silences.error != null && <ErrorState error={silences.error} title="The silences could not be loaded" onRetry={silences.refresh} />}
        {!silences.data && silences.loading && <LoadingState label="Loading silences…" />}
        {silences.data && rows.length === 0 && <EmptyState title="No silences" />}
        {rows.length > 0 && (
          <DataTable columns={columns(operator, ruleName, setDeleting)} rows={rows} rowKey={(s) => s.id} minWidth={1000} testId="silences-table" label="Silences" />
        )}
      </TitledCard>
      <Modal opened={creating} onClose={() => setCreating(false)} title="New silence" size="lg">
        {creating && (
          <SilenceForm
            rules={rules.data?.rules ?? []}
            onCancel={() => setCreating(false)}
            onCreated={() => {
              setCreating(false);
              silences.refresh();
            }}
          />
        )}
      </Modal>
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete this silence?"
        message="Alerts it matches reach their channels again from now on."
        confirmLabel="Delete silence"
        onConfirm={async () => {
          if (deleting) await alertingApi.deleteSilence(deleting.id);
          silences.refresh();
        }}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
