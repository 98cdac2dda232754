import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { describeError } from '../../lib/api';
import { useSubmission } from '../../hooks/use-submission';

interface ConfirmDialogProps {
  opened: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
}

/** Asks before a change that cannot be undone; a refusal stays in the dialog with the server's detail. */
export function ConfirmDialog({ opened, title, message, confirmLabel, onConfirm, onClose }: ConfirmDialogProps) {
  const { busy, error, run, reset } = useSubmission();
  const close = () => {
    reset();
    onClose();
  };
  const confirm = () =>
    run(async () => {
      await onConfirm();
      close();
    });
  return (
    <Modal opened={opened} onClose={close} title={title}>
      <Stack gap="sm">
        <Text fz="sm">{message}</Text>
        {error != null && (
          <Alert color="red" variant="light" role="alert">
            {describeError(error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={busy}>
            Cancel
          </Button>
          <Button color="red" loading={busy} onClick={() => void confirm()} data-testid="confirm">
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
