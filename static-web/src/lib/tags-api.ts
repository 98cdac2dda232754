import { request } from './api';
import type { HostTagsResponse } from './types';

const base = '/api/v1/observability';
const hostQuery = (hostId: string) => `host=${encodeURIComponent(hostId)}`;

export const tagsApi = {
  /** The host's effective tags, where each came from, and each source's own (reader). */
  hostTags: (hostId: string, signal?: AbortSignal) => request<HostTagsResponse>(`${base}/tags?${hostQuery(hostId)}`, {}, signal),
  /** Replaces the operator's tags of the host (operator); an empty map clears them. */
  setOperatorTags: (hostId: string, tags: Record<string, string>) =>
    request<HostTagsResponse>(`${base}/tags?${hostQuery(hostId)}`, { method: 'PUT', body: JSON.stringify({ tags }) }),
};
