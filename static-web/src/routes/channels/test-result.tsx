import { Alert, Badge, Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { alertingApi } from '../../lib/alerting-api';
import { describeError } from '../../lib/api';
import type { Channel, ChannelTestResponse } from '../../lib/channel-types';
import { LoadingState } from '../../components/ui/state-views';

function Answer({ reply }: { reply: ChannelTestResponse }) {
  return (
    <Stack gap="xs" data-testid="test-result">
      <Group gap="xs">
        <Badge color={reply.delivered ? 'teal' : 'red'} variant="light">
          {reply.delivered ? 'delivered' : 'not delivered'}
        </Badge>
        {reply.receiver_status !== null && <Text fz="sm">HTTP {reply.receiver_status}</Text>}
        {reply.duration_ms !== null && (
          <Text fz="sm" c="dimmed">
            {reply.duration_ms} ms
          </Text>
        )}
      </Group>
      {reply.error && (
        <Text fz="sm" c="red">
          {reply.error}
        </Text>
      )}
      <Text fz="xs" c="dimmed">
        The receiver answered:
      </Text>
      <Code block data-testid="receiver-reply">
        {reply.receiver_reply || '(an empty body)'}
      </Code>
    </Stack>
  );
}

/** Sends a test alert through a channel and shows what its receiver answered (or why nothing reached it). */
export function TestDialog({ channel, onClose }: { channel: Channel | null; onClose: () => void }) {
  const [result, setResult] = useState<{ for: string; reply?: ChannelTestResponse; error?: unknown }>();
  useEffect(() => {
    if (!channel) return;
    let current = true;
    alertingApi.testChannel(channel.id).then(
      (reply) => current && setResult({ for: channel.id, reply }),
      (error: unknown) => current && setResult({ for: channel.id, error }),
    );
    return () => {
      current = false;
    };
  }, [channel]);
  const shown = channel && result?.for === channel.id ? result : undefined;
  const close = () => {
    setResult(undefined);
    onClose();
  };
  return (
    <Modal opened={channel !== null} onClose={close} title={`Test of ${channel?.name ?? ''}`}>
      <Stack gap="sm">
        {!shown && <LoadingState label="Sending a test alert…" />}
        {shown?.reply && <Answer reply={shown.reply} />}
        {shown?.error != null && (
          <Alert color="red" variant="light" role="alert" title="The test was not sent">
            {describeError(shown.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Close
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
