import { Group, Progress, Stack, Text } from '@mantine/core';

export interface BarItem {
  label: string;
  value: number;
  color: string;
}

/** Horizontal bars with their counts written out, scaled to the largest. */
export function BarList({ items, label }: { items: BarItem[]; label: string }) {
  const max = Math.max(1, ...items.map((i) => i.value));
  return (
    <Stack gap={6} aria-label={label} role="list">
      {items.map((item) => (
        <div key={item.label} role="listitem">
          <Group justify="space-between" gap="xs">
            <Text fz="sm">{item.label}</Text>
            <Text fz="sm" fw={600}>
              {item.value}
            </Text>
          </Group>
          <Progress value={(item.value / max) * 100} color={item.color} size="sm" aria-label={`${item.label}: ${item.value}`} />
        </div>
      ))}
    </Stack>
  );
}
