import { Switch } from '@mantine/core';

/** Polling every 5 s while live is off, as the original's auto-refresh toggle. */
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
