import { Badge, Button, Group, Text, VisuallyHidden } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { agentsApi } from '../../lib/agents-api';
import type { AgentsResponse, AgentView } from '../../lib/agent-types';
import { formatAgo, formatTime } from '../../lib/format';
import { tagChips } from '../../lib/tags';
import { usePolled } from '../../hooks/use-polled';
import { type Column, DataTable } from '../../components/ui/data-table';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/state-views';
import { TitledCard } from '../../components/ui/titled-card';
import { byRevokedThenNewest, issuedByText, rotationText } from './agent-rows';
import { RotateDialog } from './rotate-dialog';

function Tags({ tags }: { tags: Record<string, string> | null | undefined }) {
  const chips = tagChips(tags);
  if (!chips.length) return <>—</>;
  return (
    <Group gap={4}>
      {chips.map((c) => (
        <Badge key={c} variant="outline" size="xs" tt="none">
          {c}
        </Badge>
      ))}
    </Group>
  );
}

function columns(now: number, onRotate: (a: AgentView) => void, onRevoke: (a: AgentView) => void): Column<AgentView>[] {
  return [
    { header: 'Hosts', mono: true, cell: (a) => a.host_ids.join(', ') || '—' },
    { header: 'Name', wrap: true, small: true, cell: (a) => a.name || '—' },
    { header: 'Issued by', small: true, cell: issuedByText },
    { header: 'Tags', cell: (a) => <Tags tags={a.tags} /> },
    { header: 'Created', small: true, cell: (a) => formatTime(a.created) },
    { header: 'Last used', small: true, cell: (a) => (a.last_used ? formatAgo(a.last_used, now) : 'never') },
    { header: 'Rotation', small: true, wrap: true, cell: (a) => rotationText(a, now) },
    {
      header: 'State',
      cell: (a) =>
        a.revoked ? (
          <Badge color="red" variant="light" size="sm">
            revoked{a.revoked_at ? ` ${formatAgo(a.revoked_at, now)}` : ''}
          </Badge>
        ) : (
          <Badge color="teal" variant="light" size="sm">
            active
          </Badge>
        ),
    },
    {
      header: <VisuallyHidden>Actions</VisuallyHidden>,
      cell: (a) =>
        a.revoked ? null : (
          <Group gap={4} wrap="nowrap">
            <Button size="compact-xs" variant="light" onClick={() => onRotate(a)} aria-label={`Rotate the key of ${a.host_ids.join(', ') || a.agent_id}`}>
              Rotate
            </Button>
            <Button size="compact-xs" variant="light" color="red" onClick={() => onRevoke(a)} aria-label={`Revoke the key of ${a.host_ids.join(', ') || a.agent_id}`}>
              Revoke
            </Button>
          </Group>
        ),
    },
  ];
}

/** Every agent key (never a secret): rotate with a grace period, or revoke after a confirmation. */
export function AgentsSection() {
  const fetcher = useCallback((signal: AbortSignal) => agentsApi.agents(signal), []);
  const { data, error, loading, refresh } = usePolled<AgentsResponse>('agents', fetcher, null);
  const [rotating, setRotating] = useState<AgentView | null>(null);
  const [revoking, setRevoking] = useState<AgentView | null>(null);
  const rows = useMemo(() => byRevokedThenNewest(data?.agents ?? []), [data]);
  const now = Date.now();
  return (
    <TitledCard title="Agent keys">
      {error != null && <ErrorState error={error} title="The agent keys could not be loaded" onRetry={refresh} />}
      {!data && loading && <LoadingState label="Loading agent keys…" />}
      {data && rows.length === 0 && <EmptyState title="No agent keys yet">“Add host” on the Fleet page issues one.</EmptyState>}
      {rows.length > 0 && (
        <DataTable columns={columns(now, setRotating, setRevoking)} rows={rows} rowKey={(a) => a.agent_id} minWidth={980} testId="agents-table" label="Agent keys" />
      )}
      <Text fz="xs" c="dimmed" mt="xs">
        Keys are stored as hashes: a key is shown once, when it is issued or rotated.
      </Text>
      <RotateDialog agent={rotating} onClose={() => setRotating(null)} onRotated={refresh} />
      <ConfirmDialog
        opened={revoking !== null}
        title="Revoke this agent key?"
        message={`The key of ${revoking?.host_ids.join(', ') || revoking?.agent_id} is refused from now on: the host stops reporting until it gets a new key.`}
        confirmLabel="Revoke key"
        onConfirm={async () => {
          if (revoking) await agentsApi.revokeAgent(revoking.agent_id);
          refresh();
        }}
        onClose={() => setRevoking(null)}
      />
    </TitledCard>
  );
}
