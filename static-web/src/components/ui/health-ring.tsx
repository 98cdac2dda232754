import { RingProgress, Stack, Text } from '@mantine/core';
import { statusColor } from '../../lib/health';
import { formatScore } from '../../lib/format';

/** The health score as a ring, coloured by level, with the score and the level in text. */
export function HealthRing({ score, level, size = 140 }: { score: number; level: string; size?: number }) {
  return (
    <RingProgress
      size={size}
      thickness={12}
      roundCaps
      aria-label={`Health score ${formatScore(score)} of 100, ${level}`}
      sections={[{ value: Math.max(0, Math.min(100, score)), color: statusColor(level) }]}
      label={
        <Stack gap={0} align="center">
          <Text fw={700} fz="xl" data-testid="health-score">
            {formatScore(score)}
          </Text>
          <Text fz="xs" c="dimmed" tt="uppercase">
            {level}
          </Text>
        </Stack>
      }
    />
  );
}
