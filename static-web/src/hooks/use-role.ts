import { createContext, useContext } from 'react';
import type { MeResponse, Role } from '../lib/agent-types';

export interface RoleState {
  /** The calling token's role; null while unknown (not yet read, or the API did not say). */
  role: Role | null;
  /** The token's name, for the note a reader sees. */
  name?: string;
  loading: boolean;
}

/** Outside a provider nothing is known, so operator-only controls stay hidden. */
export const RoleContext = createContext<RoleState>({ role: null, loading: false });

export function useRole(): RoleState {
  return useContext(RoleContext);
}

/** The role a `/me` reply grants; anything but the two known roles is treated as unknown. */
export function roleOf(me: MeResponse | undefined | null): Role | null {
  return me?.role === 'operator' || me?.role === 'reader' ? me.role : null;
}

/** Operators change things; readers (and tokens whose role is unknown) only look. The API checks again on every call. */
export function canOperate(role: Role | null): boolean {
  return role === 'operator';
}
