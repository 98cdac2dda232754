import { Badge, Group, Stack, Text } from '@mantine/core';
import type { ThresholdCheck } from '../../lib/types';

/** A level's badge followed by its message; the test ids name the line or its badge. */
function BadgeLine({ level, color, message, lineTestId, badgeTestId }: { level: string; color: string; message: string; lineTestId?: string; badgeTestId?: string }) {
  return (
    <Group gap="xs" wrap="nowrap" data-testid={lineTestId}>
      <Badge color={color} variant="filled" data-testid={badgeTestId}>
        {level}
      </Badge>
      <Text fz="sm">{message}</Text>
    </Group>
  );
}

/** The threshold check's warning and critical badges, each with its message. */
export function ThresholdBadges({ check }: { check: ThresholdCheck }) {
  if (check.critical.length === 0 && check.warnings.length === 0) {
    return <BadgeLine level="ok" color="green" message="No warnings: all resources are below their thresholds." lineTestId="threshold-ok" />;
  }
  return (
    <Stack gap={6} data-testid="threshold-badges" aria-live="polite">
      {check.critical.map((m) => (
        <BadgeLine key={m} level="critical" color="red" message={m} badgeTestId="critical-badge" />
      ))}
      {check.warnings.map((m) => (
        <BadgeLine key={m} level="warning" color="orange" message={m} badgeTestId="warning-badge" />
      ))}
    </Stack>
  );
}
