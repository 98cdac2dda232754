import { Badge, Button, Group, Text, VisuallyHidden } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { agentsApi } from '../../lib/agents-api';
import type { EnrollmentTokenView } from '../../lib/agent-types';
import { formatTime } from '../../lib/format';
import { tagChips } from '../../lib/tags';
import { usePolled } from '../../hooks/use-polled';
import { type Column, DataTable } from '../../components/ui/data-table';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/state-views';
import { TitledCard } from '../../components/ui/titled-card';
import { byRevokedThenNewest, enrolledText, TOKEN_STATE_COLOR, tokenState } from './agent-rows';
import { TokenDialog } from './token-dialog';

function columns(now: number, onRevoke: (t: EnrollmentTokenView) => void): Column<EnrollmentTokenView>[] {
  return [
    { header: 'Name', wrap: true, cell: (t) => t.name },
    { header: 'Hosts enrolled', numeric: true, cell: enrolledText },
    { header: 'Host pattern', mono: true, cell: (t) => t.host_pattern || 'any' },
    { header: 'Tags', small: true, wrap: true, cell: (t) => tagChips(t.tags).join(', ') || '—' },
    { header: 'Created', small: true, cell: (t) => formatTime(t.created) },
    { header: 'Expires', small: true, cell: (t) => formatTime(t.expires_at) },
    {
      header: 'State',
      cell: (t) => {
        const state = tokenState(t, now);
        return (
          <Badge color={TOKEN_STATE_COLOR[state]} variant="light" size="sm">
            {state}
          </Badge>
        );
      },
    },
    {
      header: <VisuallyHidden>Actions</VisuallyHidden>,
      cell: (t) =>
        t.revoked ? null : (
          <Button size="compact-xs" variant="light" color="red" onClick={() => onRevoke(t)} aria-label={`Revoke enrollment token ${t.name}`}>
            Revoke
          </Button>
        ),
    },
  ];
}

/** Enrollment tokens: one shared secret a fleet enrolls itself with; create (shown once), list, revoke. */
export function TokensSection() {
  const fetcher = useCallback((signal: AbortSignal) => agentsApi.enrollmentTokens(signal), []);
  const { data, error, loading, refresh } = usePolled<EnrollmentTokenView[]>('enrollment-tokens', fetcher, null);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<EnrollmentTokenView | null>(null);
  const rows = useMemo(() => byRevokedThenNewest(data ?? []), [data]);
  const now = Date.now();
  return (
    <TitledCard title="Enrollment tokens">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Text fz="sm" c="dimmed" maw={640}>
          A fleet rolled out by cloud-init, Ansible or a scale set enrolls itself with one token: each host gets its own agent key.
        </Text>
        <Button size="xs" onClick={() => setCreating(true)} data-testid="new-enrollment-token">
          New enrollment token
        </Button>
      </Group>
      {error != null && <ErrorState error={error} title="The enrollment tokens could not be loaded" onRetry={refresh} />}
      {!data && loading && <LoadingState label="Loading enrollment tokens…" />}
      {data && rows.length === 0 && <EmptyState title="No enrollment tokens" />}
      {rows.length > 0 && <DataTable columns={columns(now, setRevoking)} rows={rows} rowKey={(t) => t.token_id} minWidth={900} testId="tokens-table" label="Enrollment tokens" />}
      <TokenDialog opened={creating} onClose={() => setCreating(false)} onCreated={refresh} />
      <ConfirmDialog
        opened={revoking !== null}
        title="Revoke this enrollment token?"
        message={`No host can enroll with ${revoking?.name ?? 'it'} from now on. Hosts it already enrolled keep their own keys.`}
        confirmLabel="Revoke token"
        onConfirm={async () => {
          if (revoking) await agentsApi.revokeEnrollmentToken(revoking.token_id);
          refresh();
        }}
        onClose={() => setRevoking(null)}
      />
    </TitledCard>
  );
}
