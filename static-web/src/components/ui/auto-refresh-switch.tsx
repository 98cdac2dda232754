import { Switch } from '@mantine/core';

/** Auto-refresh: polling every 5 s while live is off. */
export function AutoRefreshSwitch({ checked, onChange, live }: { checked: boolean; onChange: (v: boolean) => void; live: boolean }) {
  return (
    <Switch
      label={live ? 'Auto-refresh (live on)' : 'Auto-refresh 5 s'}
      checked={checked}
      onChange={(e) => onChange(e.currentTarget.checked)}
      disabled={live}
    />
  );
}
