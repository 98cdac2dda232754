import { type ReactNode, useEffect, useState } from 'react';
import { agentsApi } from '../lib/agents-api';
import { RoleContext, type RoleState, roleOf } from '../hooks/use-role';

/** Asks the API once what the signed-in token may do, so pages show operator-only controls only to operators. */
export function RoleProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<RoleState>({ role: null, loading: true });
  useEffect(() => {
    const controller = new AbortController();
    agentsApi.me(controller.signal).then(
      (me) => setState({ role: roleOf(me), name: me.name, loading: false }),
      () => {
        // Without an answer the token is treated as a reader's: the API refuses an operator call anyway.
        if (!controller.signal.aborted) setState({ role: null, loading: false });
      },
    );
    return () => controller.abort();
  }, []);
  return <RoleContext.Provider value={state}>{children}</RoleContext.Provider>;
}
