import { Badge, Button, Group, Modal, Stack, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { useCallback, useState } from 'react';
import { alertingApi } from '../../lib/alerting-api';
import type { Channel, ChannelsResponse } from '../../lib/channel-types';
import { formatTime } from '../../lib/format';
import { usePolled } from '../../hooks/use-polled';
import { canOperate, useRole } from '../../hooks/use-role';
import { type Column, DataTable } from '../../components/ui/data-table';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { OperatorOnly } from '../../components/ui/operator-only';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/state-views';
import { TitledCard } from '../../components/ui/titled-card';
import { KINDS } from './channel-draft';
import { ChannelForm } from './channel-form';
import { TestDialog } from './test-result';

interface Actions {
  operator: boolean;
  onEdit: (c: Channel) => void;
  onDelete: (c: Channel) => void;
  onTest: (c: Channel) => void;
}

const hints = (c: Channel) => [c.url_hint, c.routing_key_hint && `key ${c.routing_key_hint}`, c.api_key_hint && `key ${c.api_key_hint}`].filter(Boolean).join(', ') || '—';

function columns(act: Actions): Column<Channel>[] {
  const cols: Column<Channel>[] = [
    { header: 'Name', wrap: true, cell: (c) => c.name },
    { header: 'Kind', small: true, cell: (c) => KINDS[c.kind]?.label ?? c.kind },
    { header: 'Receiver', mono: true, small: true, cell: hints },
    {
      header: 'Source',
      cell: (c) =>
        c.source === 'configuration' ? (
          <Tooltip label="From the app settings (Webhooks__*): change it there." multiline maw={260}>
            <Badge size="sm" variant="outline" color="gray">
              app setting
            </Badge>
          </Tooltip>
        ) : (
          <Badge size="sm" variant="light" color="blue">
            dashboard
          </Badge>
        ),
    },
    { header: 'Default', small: true, cell: (c) => (c.default ? 'yes' : 'no') },
    { header: 'Updated', small: true, cell: (c) => (c.updated_at ? `${formatTime(c.updated_at)}${c.updated_by ? ` by ${c.updated_by}` : ''}` : '—') },
  ];
  if (act.operator) {
    cols.push({
      header: <VisuallyHidden>Actions</VisuallyHidden>,
      cell: (c) => (
        <Group gap={4} wrap="nowrap">
          <Button size="compact-xs" variant="light" onClick={() => act.onTest(c)} aria-label={`Send a test through ${c.name}`}>
            Send test
          </Button>
          {c.source === 'api' && (
            <>
              <Button size="compact-xs" variant="light" onClick={() => act.onEdit(c)} aria-label={`Edit channel ${c.name}`}>
                Edit
              </Button>
              <Button size="compact-xs" variant="light" color="red" onClick={() => act.onDelete(c)} aria-label={`Delete channel ${c.name}`}>
                Delete
              </Button>
            </>
          )}
        </Group>
      ),
    });
  }
  return cols;
}

/** Where alerts go: channels made here and those of the app settings (read-only); secrets only as masked hints. */
export function ChannelsPage() {
  const operator = canOperate(useRole().role);
  const channels = usePolled<ChannelsResponse>('channels', useCallback((s: AbortSignal) => alertingApi.channels(s), []), null);
  const [editing, setEditing] = useState<Channel | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Channel | null>(null);
  const [testing, setTesting] = useState<Channel | null>(null);
  const list = channels.data?.channels ?? [];
  const done = () => {
    setEditing(null);
    channels.refresh();
  };
  return (
    <Stack gap="md">
      <div>
        <Title order={1} fz={{ base: 22, sm: 28 }}>
          Channels
        </Title>
        <Text fz="sm" c="dimmed">
          Where alerts are sent: webhooks, Slack, Teams, PagerDuty, Opsgenie, Discord and ntfy.
        </Text>
      </div>
      <OperatorOnly what="Adding, changing and testing channels">{null}</OperatorOnly>
      <TitledCard title="Channels">
        {operator && (
          <Group justify="flex-end" mb="xs">
            <Button size="xs" onClick={() => setEditing('new')}>
              New channel
            </Button>
          </Group>
        )}
        {channels.error != null && <ErrorState error={channels.error} title="The channels could not be loaded" onRetry={channels.refresh} />}
        {!channels.data && channels.loading && <LoadingState label="Loading channels…" />}
        {channels.data && list.length === 0 && <EmptyState title="No channels">Alerts are listed here and pushed live, but sent nowhere.</EmptyState>}
        {list.length > 0 && (
          <DataTable
            columns={columns({ operator, onEdit: setEditing, onDelete: setDeleting, onTest: setTesting })}
            rows={list}
            rowKey={(c) => c.id}
            minWidth={900}
            testId="channels-table"
            label="Channels"
          />
        )}
      </TitledCard>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? 'New channel' : `Edit ${editing?.name ?? ''}`} size="lg">
        {editing !== null && <ChannelForm key={editing === 'new' ? 'new' : editing.id} channel={editing === 'new' ? undefined : editing} onSaved={done} onCancel={() => setEditing(null)} />}
      </Modal>
      <TestDialog channel={testing} onClose={() => setTesting(null)} />
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete this channel?"
        message={`${deleting?.name ?? 'The channel'} gets no alerts from now on.`}
        confirmLabel="Delete channel"
        onConfirm={async () => {
          if (deleting) await alertingApi.deleteChannel(deleting.id);
          channels.refresh();
        }}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
