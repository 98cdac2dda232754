import { Card, Group, Progress, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { thresholdColor, thresholdLabel, thresholdLevel } from '../../lib/health';
import { formatPercent } from '../../lib/format';

interface MetricCardProps {
  title: string;
  percent?: number;
  warning?: number;
  critical?: number;
  value?: ReactNode;
  children?: ReactNode;
  testId?: string;
}

/** A resource card: the percentage with a bar coloured by threshold, and the level in words beside it. */
export function MetricCard({ title, percent, warning = 101, critical = 101, value, children, testId }: MetricCardProps) {
  const level = percent === undefined ? null : thresholdLevel(percent, warning, critical);
  return (
    <Card withBorder padding="md" radius="md" data-testid={testId}>
      <Group justify="space-between" align="baseline" wrap="nowrap">
        <Text fw={600}>{title}</Text>
        {level && (
          <Text fz="xs" c={thresholdColor(percent!, warning, critical)} tt="uppercase" fw={700}>
            {thresholdLabel(level)}
          </Text>
        )}
      </Group>
      <Text fz={28} fw={700} mt={4} data-testid={testId ? `${testId}-value` : undefined}>
        {value ?? formatPercent(percent)}
      </Text>
      {percent !== undefined && (
        <Progress
          value={Math.max(0, Math.min(100, percent))}
          color={thresholdColor(percent, warning, critical)}
          size="md"
          mt="xs"
          aria-label={`${title} ${formatPercent(percent)}`}
        />
      )}
      {children}
    </Card>
  );
}

/** A small labelled bar for tables and lists. */
export function UsageBar({ label, percent, warning, critical }: { label: string; percent: number; warning: number; critical: number }) {
  return (
    <Group gap={6} wrap="nowrap" miw={110}>
      <Progress
        value={Math.max(0, Math.min(100, percent))}
        color={thresholdColor(percent, warning, critical)}
        size="sm"
        w={60}
        aria-label={`${label} ${formatPercent(percent)}`}
      />
      <Text fz="sm" ff="monospace">
        {formatPercent(percent)}
      </Text>
    </Group>
  );
}
