import { Alert, Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { describeError } from '../../lib/api';
import { useSubmission } from '../../hooks/use-submission';
import { agentsApi } from '../../lib/agents-api';
import type { AgentView, RotateAgentResponse } from '../../lib/agent-types';
import { formatTime } from '../../lib/format';
import { learnInstallBases } from '../../lib/install-bases';
import { SecretReveal } from '../../components/ui/secret-reveal';
import { DEFAULT_GRACE_SECONDS, GRACE_PERIODS } from './agent-rows';

function RotateForm({ agent, onRotated, onCancel }: { agent: AgentView; onRotated: (reply: RotateAgentResponse) => void; onCancel: () => void }) {
  const [grace, setGrace] = useState(String(DEFAULT_GRACE_SECONDS));
  const { busy, error, run } = useSubmission();
  const rotate = () =>
    run(async () => {
      const reply = await agentsApi.rotateAgent(agent.agent_id, Number(grace));
      learnInstallBases(reply.install_command);
      onRotated(reply);
    });
  return (
    <Stack gap="sm">
      <Text fz="sm">
        A new key is issued for {agent.host_ids.join(', ') || agent.agent_id}. Until the host runs with it, the old key keeps working for the grace period.
      </Text>
      <Radio.Group label="Grace period for the old key" value={grace} onChange={setGrace}>
        <Stack gap={6} mt={6}>
          {GRACE_PERIODS.map((g) => (
            <Radio key={g.seconds} value={String(g.seconds)} label={g.label} />
          ))}
        </Stack>
      </Radio.Group>
      {error != null && (
        <Alert color="red" variant="light" role="alert" title="The key was not rotated">
          {describeError(error)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button loading={busy} onClick={() => void rotate()} data-testid="rotate-confirm">
          Rotate key
        </Button>
      </Group>
    </Stack>
  );
}

/** Rotates an agent's key (operator): choose the grace period, then the new key and its command are shown once. */
export function RotateDialog({ agent, onClose, onRotated }: { agent: AgentView | null; onClose: () => void; onRotated: () => void }) {
  const [reply, setReply] = useState<RotateAgentResponse>();
  const close = () => {
    setReply(undefined);
    onClose();
  };
  return (
    <Modal opened={agent !== null} onClose={close} title={`Rotate the key of ${agent?.host_ids.join(', ') || agent?.agent_id || ''}`} size="lg" closeOnClickOutside={!reply}>
      {agent && !reply && (
        <RotateForm
          agent={agent}
          onRotated={(r) => {
            setReply(r);
            onRotated();
          }}
          onCancel={close}
        />
      )}
      {reply && (
        <Stack gap="md">
          <SecretReveal
            secretLabel="New agent key"
            secret={reply.key}
            command={reply.install_command}
            commandHelp={`Run it as root on the host: it upgrades in place and stores the new key. The old key is refused after ${formatTime(reply.old_key_expires_at)}.`}
          />
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
