import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { describeError } from '../../lib/api';

export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="md" aria-hidden />
        <Text c="dimmed">{label}</Text>
      </Stack>
    </Center>
  );
}

/** A failure with the problem+json detail the API sent, and a way to try again. */
export function ErrorState({ error, title = 'Something went wrong', onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  return (
    <Alert color="red" variant="light" title={title} role="alert" data-testid="error-state">
      <Stack gap="xs" align="flex-start">
        <Text fz="sm">{describeError(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Center py="xl">
      <Stack align="center" gap={4} maw={520} ta="center">
        <Text fw={600}>{title}</Text>
        {children && (
          <Text c="dimmed" fz="sm">
            {children}
          </Text>
        )}
      </Stack>
    </Center>
  );
}

/** A 503: what the API says is not available, and a way to ask again once it is. */
export function UnavailableState({ title, detail, onRetry }: { title: string; detail: string; onRetry?: () => void }) {
  return (
    <Alert color="yellow" variant="light" title={title} data-testid="unavailable-state">
      <Stack gap="xs" align="flex-start">
        <Text fz="sm">{detail}</Text>
        {onRetry && (
          <Button size="xs" variant="light" color="yellow" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
