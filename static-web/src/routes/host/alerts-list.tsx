import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { api, describeError } from '../../lib/api';
import type { AlertView } from '../../lib/types';
import { formatAgo } from '../../lib/format';
import { alertSubject } from '../../lib/alert-subject';
import { OperatorOnly } from '../../components/ui/operator-only';

/** The unit or check a service alert is about, beside its message, so alerts of one service read together. */
function SubjectBadge({ metric }: { metric: string }) {
  const subject = alertSubject(metric);
  if (!subject) return null;
  return (
    <Badge variant="outline" color="gray" tt="none" maw={260} title={`${subject.kind} ${subject.name}`} data-testid="alert-subject">
      {subject.kind} {subject.name}
    </Badge>
  );
}

/** Open alerts first, then resolved ones; operators can acknowledge an open alert. */
export function AlertsList({ alerts, onChanged }: { alerts: AlertView[]; onChanged: () => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (alerts.length === 0) return <Text c="dimmed">No alerts for this host in the last 24 hours.</Text>;
  const sorted = [...alerts].sort((a, b) => (a.state === b.state ? Date.parse(b.raised_at) - Date.parse(a.raised_at) : a.state === 'open' ? -1 : 1));
  const acknowledge = async (id: string) => {
    setBusy(id);
    setError(null);
    try {
      await api.acknowledge(id);
      onChanged();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Stack gap="xs" data-testid="alerts-list">
      {error && (
        <Text c="red" fz="sm" role="alert">
          {error}
        </Text>
      )}
      {sorted.map((a) => (
        <Group key={a.id} justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Badge color={a.state === 'resolved' ? 'gray' : a.severity === 'critical' ? 'red' : 'orange'} variant="filled">
              {a.state === 'resolved' ? 'resolved' : a.severity}
            </Badge>
            <SubjectBadge metric={a.metric} />
            <Text fz="sm">
              {a.message} <Text span c="dimmed" fz="xs">raised {formatAgo(a.raised_at)}{a.resolved_at ? `, resolved ${formatAgo(a.resolved_at)}` : ''}</Text>
            </Text>
          </Group>
          {a.state === 'open' &&
            (a.acknowledged_at ? (
              <Text fz="xs" c="dimmed">
                acknowledged by {a.acknowledged_by ?? 'someone'}
              </Text>
            ) : (
              <OperatorOnly>
                <Button size="xs" variant="light" loading={busy === a.id} onClick={() => void acknowledge(a.id)}>
                  Acknowledge
                </Button>
              </OperatorOnly>
            ))}
        </Group>
      ))}
    </Stack>
  );
}
