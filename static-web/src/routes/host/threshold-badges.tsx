import { Badge, Group, Stack, Text } from '@mantine/core';
import type { ThresholdCheck } from '../../lib/types';

/** The original's warning and critical badges, each with its message. */
export function ThresholdBadges({ check }: { check: ThresholdCheck }) {
  if (check.critical.length === 0 && check.warnings.length === 0) {
    return (
      <Group gap="xs" wrap="nowrap" data-testid="threshold-ok">
        <Badge color="green" variant="filled">
          ok
        </Badge>
        <Text fz="sm">No warnings: all resources are below their thresholds.</Text>
      </Group>
    );
  }
  return (
    <Stack gap={6} data-testid="threshold-badges" aria-live="polite">
      {check.critical.map((m) => (
        <Group key={m} gap="xs" wrap="nowrap">
          <Badge color="red" variant="filled" data-testid="critical-badge">
            critical
          </Badge>
          <Text fz="sm">{m}</Text>
        </Group>
      ))}
      {check.warnings.map((m) => (
        <Group key={m} gap="xs" wrap="nowrap">
          <Badge color="orange" variant="filled" data-testid="warning-badge">
            warning
          </Badge>
          <Text fz="sm">{m}</Text>
        </Group>
      ))}
    </Stack>
  );
}
