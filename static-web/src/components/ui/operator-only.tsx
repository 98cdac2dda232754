import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { canOperate, useRole } from '../../hooks/use-role';

/**
 * Shows its children to operators only. Where a whole page or panel is operator-only, `what` names it and a reader
 * sees a short note instead; elsewhere a reader sees nothing.
 */
export function OperatorOnly({ children, what }: { children: ReactNode; what?: string }) {
  const { role, name, loading } = useRole();
  if (canOperate(role)) return <>{children}</>;
  if (!what || loading) return null;
  return (
    <Alert color="gray" variant="light" title="Operator role needed" data-testid="operator-note">
      {what} needs the operator role. {name ? `The token you signed in with (${name}) is` : 'You are signed in with'}{' '}
      {role === 'reader' ? 'a reader token' : 'a token without it'}: sign out and sign in with an operator token to use it.
    </Alert>
  );
}
