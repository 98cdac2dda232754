import { Badge, Button, Card, Group, Modal, Stack, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import { ApiError } from '../../lib/api';
import { tagsApi } from '../../lib/tags-api';
import type { HostTagsResponse } from '../../lib/types';
import { usePolled } from '../../hooks/use-polled';
import { ErrorState } from '../../components/ui/state-views';
import { OperatorOnly } from '../../components/ui/operator-only';
import { HostTagsForm } from './host-tags-form';

const SOURCE_COLORS: Record<string, string> = { operator: 'blue', enrollment: 'grape', agent: 'gray' };

/** The host's effective tags, each with where it came from; an operator edits the operator's own. */
export function HostTagsPanel({ hostId }: { hostId: string }) {
  const fetcher = useCallback((signal: AbortSignal) => tagsApi.hostTags(hostId, signal), [hostId]);
  const { data, error, refresh, mutate } = usePolled<HostTagsResponse>(`host-tags:${hostId}`, fetcher, null);
  const [editing, setEditing] = useState(false);
  const unknownHost = error instanceof ApiError && error.status === 404;
  const tags = Object.entries(data?.tags ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

  return (
    <Card withBorder radius="md" padding="sm" data-testid="host-tags-panel">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap={6} wrap="wrap" aria-label="Tags">
            <Text fz="sm" fw={600}>
              Tags
            </Text>
            {data && tags.length === 0 && (
              <Text fz="sm" c="dimmed" data-testid="no-tags">
                none
              </Text>
            )}
            {unknownHost && (
              <Text fz="sm" c="dimmed">
                none: this host has not reported yet
              </Text>
            )}
            {tags.map(([key, value]) => {
              const source = data?.sources[key] ?? 'agent';
              return (
                <Badge key={key} variant="light" color={SOURCE_COLORS[source] ?? 'gray'} tt="none" data-testid="host-tag" data-source={source} aria-label={`${key}=${value}, from ${source}`}>
                  {key}={value} · {source}
                </Badge>
              );
            })}
          </Group>
          {data && (
            <OperatorOnly>
              <Button size="compact-xs" variant="light" onClick={() => setEditing(true)}>
                Edit tags
              </Button>
            </OperatorOnly>
          )}
        </Group>
        {error != null && !unknownHost && <ErrorState error={error} title="The host's tags could not be loaded" onRetry={refresh} />}
        {data && <OperatorOnly what="Changing this host's tags">{null}</OperatorOnly>}
      </Stack>
      {data && (
        <Modal opened={editing} onClose={() => setEditing(false)} title={`Tags of ${hostId}`} size="lg">
          <HostTagsForm
            hostId={hostId}
            reply={data}
            onCancel={() => setEditing(false)}
            onSaved={(reply) => {
              mutate(() => reply);
              setEditing(false);
            }}
          />
        </Modal>
      )}
    </Card>
  );
}
