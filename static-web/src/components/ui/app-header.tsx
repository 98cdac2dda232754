import { ActionIcon, Anchor, Button, Group, Switch, Text, Tooltip, useMantineColorScheme, useComputedColorScheme } from '@mantine/core';
import type { LiveState } from '../../lib/realtime';

interface AppHeaderProps {
  onHome: () => void;
  onSignOut: () => void;
  live: { enabled: boolean; state: LiveState; detail?: string; setEnabled: (v: boolean) => void };
}

const liveText: Record<LiveState, string> = {
  off: 'off',
  connecting: 'connecting…',
  live: 'streaming',
  reconnecting: 'reconnecting…',
  error: 'unavailable',
};

export function AppHeader({ onHome, onSignOut, live }: AppHeaderProps) {
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const next = scheme === 'dark' ? 'light' : 'dark';
  return (
    <Group justify="space-between" h="100%" px="md" wrap="nowrap" gap="xs">
      <Anchor
        href="/"
        onClick={(e) => {
          e.preventDefault();
          onHome();
        }}
        fw={700}
        fz="lg"
        underline="never"
        c="inherit"
      >
        InfraFunctions
      </Anchor>
      <Group gap="sm" wrap="nowrap">
        <Tooltip label={live.detail ?? `Live updates: ${liveText[live.state]}`} multiline maw={320}>
          <Group gap={6} wrap="nowrap">
            <Switch
              label="Live"
              checked={live.enabled}
              onChange={(e) => live.setEnabled(e.currentTarget.checked)}
              aria-describedby="live-state"
              color={live.state === 'error' ? 'orange' : 'green'}
            />
            <Text id="live-state" fz="xs" c={live.state === 'error' ? 'orange' : 'dimmed'} visibleFrom="sm" data-testid="live-state">
              {live.enabled ? liveText[live.state] : ''}
            </Text>
          </Group>
        </Tooltip>
        <Tooltip label={`Switch to ${next} theme`}>
          <ActionIcon variant="default" size="lg" onClick={() => setColorScheme(next)} aria-label={`Switch to ${next} theme`}>
            <span aria-hidden>{scheme === 'dark' ? '☀' : '☾'}</span>
          </ActionIcon>
        </Tooltip>
        <Button variant="subtle" size="xs" onClick={onSignOut}>
          Sign out
        </Button>
      </Group>
    </Group>
  );
}
