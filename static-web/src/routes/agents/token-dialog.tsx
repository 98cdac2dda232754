import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import type { CreateEnrollmentTokenResponse } from '../../lib/agent-types';
import { installCommand } from '../../lib/install-command';
import { installBases, learnInstallBases } from '../../lib/install-bases';
import { SecretReveal } from '../../components/ui/secret-reveal';
import { TokenForm } from './token-form';

/** The command a fleet runs on each host: the server's own when it sends one, else one built from the known bases. */
export function enrollCommand(reply: CreateEnrollmentTokenResponse): string {
  learnInstallBases(reply.install_command);
  if (reply.install_command?.includes(' --enroll ')) return reply.install_command;
  return installCommand(installBases(), { enroll: reply.token });
}

export function TokenDialog({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: () => void }) {
  const [created, setCreated] = useState<{ token: string; command: string }>();
  const close = () => {
    setCreated(undefined);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="New enrollment token" size="lg" closeOnClickOutside={!created}>
      {created ? (
        <Stack gap="md">
          <SecretReveal
            secretLabel="Enrollment token"
            secret={created.token}
            command={created.command}
            commandHelp="Run it as root on each host (cloud-init, Ansible, a VM scale set's custom script): the host enrolls under its hostname, gets its own agent key and starts reporting."
          />
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <TokenForm
          onCreated={(reply) => {
            setCreated({ token: reply.token, command: enrollCommand(reply) });
            onCreated();
          }}
          onCancel={close}
        />
      )}
    </Modal>
  );
}
