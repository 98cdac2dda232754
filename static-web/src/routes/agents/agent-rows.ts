import type { AgentView, EnrollmentTokenView } from '../../lib/agent-types';
import { formatTime } from '../../lib/format';

/** Grace periods offered when rotating a key: how long the old key keeps working. */
export const GRACE_PERIODS = [
  { seconds: 0, label: 'None: refuse the old key now' },
  { seconds: 3600, label: '1 hour' },
  { seconds: 86_400, label: '24 hours' },
  { seconds: 604_800, label: '7 days' },
] as const;

export const DEFAULT_GRACE_SECONDS = 3600;

const ISSUED: Record<string, string> = { admin: 'admin route', operator: 'operator', enrollment: 'enrollment' };

export function issuedByText(agent: AgentView): string {
  return agent.issued_by ? (ISSUED[agent.issued_by] ?? agent.issued_by) : '—';
}

/** The rotation state in words: the old key's remaining grace, or when it stopped working, or nothing. */
export function rotationText(agent: AgentView, now: number): string {
  const expires = agent.old_key_expires_at ? Date.parse(agent.old_key_expires_at) : NaN;
  if (!Number.isNaN(expires)) {
    return expires > now ? `rotated; old key works until ${formatTime(agent.old_key_expires_at)}` : `rotated; old key refused since ${formatTime(agent.old_key_expires_at)}`;
  }
  return agent.rotated_at ? `rotated ${formatTime(agent.rotated_at)}` : '—';
}

export type TokenState = 'active' | 'expired' | 'used up' | 'revoked';

export function tokenState(token: EnrollmentTokenView, now: number): TokenState {
  if (token.revoked) return 'revoked';
  if (token.expired || Date.parse(token.expires_at) <= now) return 'expired';
  return token.max_hosts != null && token.hosts_enrolled >= token.max_hosts ? 'used up' : 'active';
}

export const TOKEN_STATE_COLOR: Record<TokenState, string> = { active: 'teal', expired: 'gray', 'used up': 'orange', revoked: 'red' };

/** "3 of 10", or "3" without a limit. */
export function enrolledText(token: EnrollmentTokenView): string {
  return token.max_hosts != null ? `${token.hosts_enrolled} of ${token.max_hosts}` : String(token.hosts_enrolled);
}

/** Revoked rows after the others, newest first within each. */
export function byRevokedThenNewest<T extends { revoked: boolean; created?: string | null }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => Number(a.revoked) - Number(b.revoked) || (b.created ?? '').localeCompare(a.created ?? ''));
}
