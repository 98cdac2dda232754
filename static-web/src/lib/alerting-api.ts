import { request } from './api';
import type { ChannelBody, ChannelResponse, ChannelsResponse, ChannelTestResponse } from './channel-types';
import type { AlertFilters, FleetAlertsResponse } from './fleet-alert-types';
import type { RuleBody, RuleMetricsResponse, RulePreviewResponse, RuleResponse, RulesResponse } from './rule-types';
import type { SilenceBody, SilenceResponse, SilencesResponse } from './silence-types';

const base = '/api/v1/observability';
const send = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) });
const id = (value: string) => encodeURIComponent(value);

/** The alerts query string of a set of filters (tags repeat, and all must match). */
export function alertsQuery(filters: AlertFilters): string {
  const params = new URLSearchParams();
  if (filters.severity) params.set('severity', filters.severity);
  if (filters.state) params.set('state', filters.state);
  if (filters.host) params.set('host', filters.host);
  for (const tag of filters.tags) params.append('tag', tag);
  return params.toString();
}

export const alertingApi = {
  alerts: (filters: AlertFilters, signal?: AbortSignal) => request<FleetAlertsResponse>(`${base}/alerts?${alertsQuery(filters)}`, {}, signal),

  rules: (signal?: AbortSignal) => request<RulesResponse>(`${base}/rules`, {}, signal),
  rule: (ruleId: string, signal?: AbortSignal) => request<RuleResponse>(`${base}/rules/${id(ruleId)}`, {}, signal),
  createRule: (body: RuleBody) => request<RuleResponse>(`${base}/rules`, send('POST', body)),
  updateRule: (ruleId: string, body: RuleBody) => request<RuleResponse>(`${base}/rules/${id(ruleId)}`, send('PUT', body)),
  deleteRule: (ruleId: string) => request<unknown>(`${base}/rules/${id(ruleId)}`, { method: 'DELETE' }),
  ruleMetrics: (signal?: AbortSignal) => request<RuleMetricsResponse>(`${base}/rules/metrics`, {}, signal),
  previewRule: (body: Partial<RuleBody>, signal?: AbortSignal) => request<RulePreviewResponse>(`${base}/rules/preview`, send('POST', body), signal),

  channels: (signal?: AbortSignal) => request<ChannelsResponse>(`${base}/channels`, {}, signal),
  createChannel: (body: ChannelBody) => request<ChannelResponse>(`${base}/channels`, send('POST', body)),
  updateChannel: (channelId: string, body: ChannelBody) => request<ChannelResponse>(`${base}/channels/${id(channelId)}`, send('PUT', body)),
  deleteChannel: (channelId: string) => request<unknown>(`${base}/channels/${id(channelId)}`, { method: 'DELETE' }),
  testChannel: (channelId: string) => request<ChannelTestResponse>(`${base}/channels/${id(channelId)}/test`, send('POST', {})),

  silences: (signal?: AbortSignal) => request<SilencesResponse>(`${base}/silences`, {}, signal),
  createSilence: (body: SilenceBody) => request<SilenceResponse>(`${base}/silences`, send('POST', body)),
  deleteSilence: (silenceId: string) => request<unknown>(`${base}/silences/${id(silenceId)}`, { method: 'DELETE' }),
};
