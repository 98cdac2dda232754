import { request } from './api';
import type {
  AgentsResponse,
  AgentSettingsValues,
  CreateAgentRequest,
  CreateAgentResponse,
  CreateEnrollmentTokenRequest,
  CreateEnrollmentTokenResponse,
  EnrollmentTokensResponse,
  EnrollmentTokenView,
  HostAgentSettingsResponse,
  MeResponse,
  RotateAgentResponse,
} from './agent-types';

const base = '/api/v1/observability';
const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });
const hostQuery = (hostId: string) => `host=${encodeURIComponent(hostId)}`;

export const agentsApi = {
  /** The calling token's role (reader). */
  me: (signal?: AbortSignal) => request<MeResponse>(`${base}/me`, {}, signal),
  agents: (signal?: AbortSignal) => request<AgentsResponse>(`${base}/agents`, {}, signal),
  createAgent: (body: CreateAgentRequest) => request<CreateAgentResponse>(`${base}/agents`, post(body)),
  revokeAgent: (agentId: string) => request<unknown>(`${base}/agents/${encodeURIComponent(agentId)}`, { method: 'DELETE' }),
  rotateAgent: (agentId: string, graceSeconds: number) =>
    request<RotateAgentResponse>(`${base}/agents/${encodeURIComponent(agentId)}/rotate`, post({ grace_seconds: graceSeconds })),
  enrollmentTokens: async (signal?: AbortSignal): Promise<EnrollmentTokenView[]> =>
    (await request<EnrollmentTokensResponse>(`${base}/enrollment-tokens`, {}, signal)).enrollment_tokens,
  createEnrollmentToken: (body: CreateEnrollmentTokenRequest) =>
    request<CreateEnrollmentTokenResponse>(`${base}/enrollment-tokens`, post(body)),
  revokeEnrollmentToken: (tokenId: string) =>
    request<unknown>(`${base}/enrollment-tokens/${encodeURIComponent(tokenId)}`, { method: 'DELETE' }),
  /** One host's pushed settings (with their sources) and the settings its agent last reported in force (reader). */
  hostSettings: (hostId: string, signal?: AbortSignal) =>
    request<HostAgentSettingsResponse>(`${base}/agent-settings?${hostQuery(hostId)}`, {}, signal),
  /** Replaces the host's own pushed settings (operator). */
  setHostSettings: (hostId: string, settings: AgentSettingsValues) =>
    request<unknown>(`${base}/agent-settings?${hostQuery(hostId)}`, { method: 'PUT', body: JSON.stringify(settings) }),
  clearHostSettings: (hostId: string) => request<unknown>(`${base}/agent-settings?${hostQuery(hostId)}`, { method: 'DELETE' }),
};
