import { Alert, Stack, Text } from '@mantine/core';
import type { CollectorError } from '../../lib/types';

/** The latest sample's problems from the given collectors, one warning line each, in the agent's own words. */
export function CollectorErrors({ errors, collectors, testId }: { errors: CollectorError[]; collectors: string[]; testId?: string }) {
  const shown = errors.filter((e) => collectors.includes(e.collector));
  if (shown.length === 0) return null;
  return (
    <Alert color="orange" variant="light" p="xs" data-testid={testId} role="status">
      <Stack gap={2}>
        {shown.map((e, i) => (
          <Text key={i} fz="sm" style={{ overflowWrap: 'anywhere' }}>
            <b>{e.collector}</b>: {e.message}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
