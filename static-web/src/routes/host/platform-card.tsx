import { Card, SimpleGrid, Text } from '@mantine/core';
import type { PlatformView } from '../../lib/types';
import { formatTime } from '../../lib/format';

export function PlatformCard({ platform }: { platform: PlatformView }) {
  const rows: [string, string][] = [
    ['Hostname', platform.hostname],
    ['Operating system', platform.os],
    ['System', `${platform.system} ${platform.release}`],
    ['Architecture', platform.architecture],
    ['Runtime', platform.runtime_version],
    ['Agent', platform.agent_version],
    ['Booted', formatTime(platform.boot_time)],
  ];
  return (
    <Card withBorder radius="md" padding="md" data-testid="platform-card">
      <Text fw={600} mb="xs">
        Platform
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={4} verticalSpacing={4} component="dl" m={0}>
        {rows.map(([label, value]) => (
          <div key={label}>
            <Text component="dt" fz="xs" c="dimmed">
              {label}
            </Text>
            <Text component="dd" fz="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
              {value || '—'}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Card>
  );
}
