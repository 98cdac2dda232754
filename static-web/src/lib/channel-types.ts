export const CHANNEL_KINDS = ['webhook', 'slack', 'teams', 'pagerduty', 'opsgenie', 'discord', 'ntfy'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** A channel as listed: secrets only as masked hints. */
export interface Channel {
  id: string;
  name: string;
  kind: ChannelKind;
  default: boolean;
  source: 'api' | 'configuration';
  url_hint: string | null;
  routing_key_hint: string | null;
  api_key_hint: string | null;
  updated_at?: string | null;
  updated_by?: string | null;
}

/** POST/PUT body; on PUT a secret left out keeps the stored one. */
export interface ChannelBody {
  name: string;
  kind: ChannelKind;
  default: boolean;
  url?: string;
  routing_key?: string;
  api_key?: string;
}

export interface ChannelsResponse {
  status: string;
  count?: number;
  channels: Channel[];
}

export interface ChannelResponse {
  status: string;
  channel: Channel;
}

export interface ChannelTestResponse {
  status: string;
  delivered: boolean;
  receiver_status: number | null;
  receiver_reply: string | null;
  duration_ms: number | null;
  error: string | null;
}
