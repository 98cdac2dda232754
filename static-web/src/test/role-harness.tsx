import { MantineProvider } from '@mantine/core';
import type { ReactNode } from 'react';
import { LiveContext, type LiveContextValue } from '../hooks/use-live';
import { RoleContext } from '../hooks/use-role';
import type { Role } from '../lib/agent-types';

export const offLive: LiveContextValue = { enabled: false, state: 'off', detail: undefined, setEnabled: () => {}, watch: () => () => {}, listen: () => () => {} };

/** Mantine, live updates off, and a token of `role` (null: the role is not known). */
export function withRole(role: Role | null, children: ReactNode, name = 'tests'): ReactNode {
  return (
    <MantineProvider>
      <RoleContext.Provider value={{ role, name, loading: false }}>
        <LiveContext.Provider value={offLive}>{children}</LiveContext.Provider>
      </RoleContext.Provider>
    </MantineProvider>
  );
}
