// Shapes of the agent, enrollment and agent settings API (operator routes unless noted): snake_case, UTC timestamps.

export type Role = 'reader' | 'operator';

/** The calling token (reader). */
export interface MeResponse {
  role: string;
  name: string;
  token_id: string;
}

/** How a key was issued: by the admin route, by an operator in the dashboard, or by a host enrolling itself. */
export type IssuedBy = 'admin' | 'operator' | 'enrollment';

/** One agent key's row; never its secret or hash. */
export interface AgentView {
  agent_id: string;
  name: string;
  host_ids: string[];
  created: string;
  last_used?: string | null;
  revoked: boolean;
  revoked_at?: string | null;
  /** The tags in force on its host (for a key of several hosts, those they all carry). */
  tags?: Record<string, string> | null;
  issued_by?: IssuedBy | string | null;
  /** Who issued it: the operator's token id, or the enrollment token's. */
  issuer_id?: string | null;
  /** After a rotation: when the previous key stops being accepted (in the past once it has). */
  old_key_expires_at?: string | null;
  rotated_at?: string | null;
}

export interface AgentsResponse {
  agents: AgentView[];
}

export interface CreateAgentRequest {
  host_id: string;
  tags?: Record<string, string>;
}

export interface CreateAgentResponse {
  agent_id: string;
  key: string;
  install_command: string;
  host_id: string;
  tags?: Record<string, string> | null;
}

export interface RotateAgentResponse {
  agent_id: string;
  key: string;
  install_command: string;
  old_key_expires_at: string;
}

export interface EnrollmentTokenView {
  token_id: string;
  name: string;
  created?: string | null;
  expires_at: string;
  expired?: boolean;
  max_hosts?: number | null;
  tags?: Record<string, string> | null;
  host_pattern?: string | null;
  revoked: boolean;
  revoked_at?: string | null;
  /** How many distinct host ids it enrolled. */
  hosts_enrolled: number;
  issuer_id?: string | null;
}

export interface EnrollmentTokensResponse {
  enrollment_tokens: EnrollmentTokenView[];
}

export interface CreateEnrollmentTokenRequest {
  name: string;
  expires_at: string;
  max_hosts?: number;
  tags?: Record<string, string>;
  host_pattern?: string;
}

export interface CreateEnrollmentTokenResponse extends EnrollmentTokenView {
  token: string;
  install_command?: string | null;
}

/** What an operator pushes to a host's agent; a field left out leaves the agent's own value alone. */
export interface AgentSettingsValues {
  watch?: string[] | null;
  top?: number | null;
  sample_interval_seconds?: number | null;
  collectors?: string[] | null;
}

export interface AgentSettings extends AgentSettingsValues {
  /** Where each set field came from, by its name: `host`, or `tag key=value`. */
  sources?: Record<string, string> | null;
}

/** One setting as the agent applies it, and where its value came from. */
export interface SettingInForce {
  name: string;
  value: string;
  source: string;
  scope?: string | null;
}

export interface HostAgentSettingsResponse {
  host_id: string;
  settings: AgentSettings | null;
  in_force: SettingInForce[] | null;
  reported_at?: string | null;
  /** Why the host's last report of its settings was not kept (too many, too long). */
  in_force_problem?: string | null;
}

/** Bounds the server checks (functions/InfraFunctions.Contracts/AgentSettingRules.cs). */
export const AGENT_SETTING_RULES = {
  maxWatch: 32,
  maxWatchNameLength: 64,
  minTop: 0,
  maxTop: 100,
  minSampleIntervalSeconds: 1,
  maxSampleIntervalSeconds: 300,
  collectors: ['temperatures', 'systemd', 'textfile'],
} as const;
