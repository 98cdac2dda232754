import { Alert, Anchor, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { CreateAgentResponse } from '../../lib/agent-types';
import { useFirstSample } from '../../hooks/use-first-sample';
import { hostHref } from '../../hooks/use-route';
import { formatAgo } from '../../lib/format';
import { SecretReveal } from '../../components/ui/secret-reveal';
import { AddHostForm } from './add-host-form';
import type { SampleBaseline } from './first-sample';

function Issued({ reply, baseline, onOpen, onClose }: { reply: CreateAgentResponse; baseline: SampleBaseline; onOpen: (href: string) => void; onClose: () => void }) {
  const sample = useFirstSample(reply.host_id, baseline);
  const href = hostHref(reply.host_id);
  return (
    <Stack gap="md">
      <SecretReveal
        secretLabel="Agent key"
        secret={reply.key}
        command={reply.install_command}
        commandHelp={`Run it as root on ${reply.host_id}: it downloads the agent, checks it against SHA256SUMS, installs the service and posts a first sample.`}
      />
      {sample ? (
        <Alert color="teal" variant="light" title="First sample received" data-testid="first-sample">
          <Text fz="sm">
            {reply.host_id} posted {formatAgo(sample.last_seen)}.{' '}
            <Anchor
              href={href}
              onClick={(e) => {
                e.preventDefault();
                onClose();
                onOpen(href);
              }}
              data-testid="first-sample-link"
            >
              Open {reply.host_id}
            </Anchor>
          </Text>
        </Alert>
      ) : (
        <Group gap="xs" role="status" data-testid="waiting-for-sample">
          <Loader size="xs" aria-hidden />
          <Text fz="sm" c="dimmed">
            Waiting for the first sample from {reply.host_id}…
          </Text>
        </Group>
      )}
      <Group justify="flex-end">
        <Button variant={sample ? 'filled' : 'default'} onClick={onClose}>
          {sample ? 'Done' : 'Close'}
        </Button>
      </Group>
    </Stack>
  );
}

/** "Add host" (operator): issue a key for a host id, show it and its install command once, then wait for its first sample. */
export function AddHostDialog({ opened, onClose, onOpen }: { opened: boolean; onClose: () => void; onOpen: (href: string) => void }) {
  const [issued, setIssued] = useState<{ reply: CreateAgentResponse; baseline: SampleBaseline }>();
  const close = () => {
    // The key is gone for good once the dialog closes; the next "Add host" starts from the form.
    setIssued(undefined);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={issued ? `Add ${issued.reply.host_id}` : 'Add host'} size="lg" closeOnClickOutside={!issued}>
      {issued ? (
        <Issued reply={issued.reply} baseline={issued.baseline} onOpen={onOpen} onClose={close} />
      ) : (
        <AddHostForm onIssued={(reply, baseline) => setIssued({ reply, baseline })} onCancel={close} />
      )}
    </Modal>
  );
}
