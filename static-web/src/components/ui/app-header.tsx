import { ActionIcon, Anchor, Button, Group, Switch, Text, Tooltip, useMantineColorScheme, useComputedColorScheme } from '@mantine/core';
import type { LiveState } from '../../lib/realtime';

export type NavPage = 'fleet' | 'alerts' | 'rules' | 'silences' | 'channels' | 'agents';

const NAV: { page: NavPage; href: string; label: string }[] = [
  { page: 'fleet', href: '/', label: 'Fleet' },
  { page: 'alerts', href: '/alerts', label: 'Alerts' },
  { page: 'rules', href: '/rules', label: 'Rules' },
  { page: 'silences', href: '/silences', label: 'Silences' },
  { page: 'channels', href: '/channels', label: 'Channels' },
  { page: 'agents', href: '/agents', label: 'Agents' },
];

interface AppHeaderProps {
  onNavigate: (href: string) => void;
  /** The page on screen, highlighted in the navigation (null on a page the navigation does not name). */
  current: NavPage | null;
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

export function AppHeader({ onNavigate, current, onSignOut, live }: AppHeaderProps) {
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const next = scheme === 'dark' ? 'light' : 'dark';
  return (
    <Group justify="space-between" h="100%" px="md" wrap="nowrap" gap="xs">
      {/* Six pages do not fit a phone's width: the links scroll sideways rather than push the controls off screen. */}
      <Group gap="sm" wrap="nowrap" component="nav" aria-label="Pages" style={{ overflowX: 'auto', minWidth: 0 }}>
        <Anchor
          href="/"
          onClick={(e) => {
            e.preventDefault();
            onNavigate('/');
          }}
          fw={700}
          fz="lg"
          underline="never"
          c="inherit"
          visibleFrom="sm"
        >
          InfraFunctions
        </Anchor>
        {NAV.map((n) => (
          <Anchor
            key={n.page}
            href={n.href}
            onClick={(e) => {
              e.preventDefault();
              onNavigate(n.href);
            }}
            fz="sm"
            fw={current === n.page ? 700 : 500}
            c={current === n.page ? undefined : 'dimmed'}
            underline="never"
            aria-current={current === n.page ? 'page' : undefined}
          >
            {n.label}
          </Anchor>
        ))}
      </Group>
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
