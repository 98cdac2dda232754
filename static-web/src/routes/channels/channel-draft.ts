import type { Channel, ChannelBody, ChannelKind } from '../../lib/channel-types';

export interface ChannelDraft {
  name: string;
  kind: ChannelKind;
  isDefault: boolean;
  url: string;
  routingKey: string;
  apiKey: string;
}

export type ChannelField = 'name' | 'kind' | 'default' | 'url' | 'routingKey' | 'apiKey';

interface KindFields {
  label: string;
  url: { label: string; required: boolean; description: string } ;
  routingKey?: boolean;
  apiKey?: { label: string; required: boolean; description: string };
}

/** What each kind asks for, as the server checks it. */
export const KINDS: Record<ChannelKind, KindFields> = {
  webhook: { label: 'Webhook (JSON POST)', url: { label: 'URL', required: true, description: 'Gets each alert as JSON.' } },
  slack: { label: 'Slack', url: { label: 'Incoming webhook URL', required: true, description: 'https://hooks.slack.com/services/…' } },
  teams: { label: 'Microsoft Teams', url: { label: 'Workflow webhook URL', required: true, description: 'The Teams workflow’s “When a webhook request is received” URL.' } },
  discord: { label: 'Discord', url: { label: 'Webhook URL', required: true, description: 'https://discord.com/api/webhooks/…' } },
  ntfy: {
    label: 'ntfy',
    url: { label: 'Topic URL', required: true, description: 'Such as https://ntfy.sh/my-alerts.' },
    apiKey: { label: 'Access token', required: false, description: 'Optional: for a protected topic.' },
  },
  pagerduty: {
    label: 'PagerDuty',
    url: { label: 'Events API URL', required: false, description: 'Optional: https://events.pagerduty.com/v2/enqueue when empty.' },
    routingKey: true,
  },
  opsgenie: {
    label: 'Opsgenie',
    url: { label: 'API URL', required: false, description: 'Optional: https://api.opsgenie.com when empty; https://api.eu.opsgenie.com for the EU.' },
    apiKey: { label: 'API key', required: true, description: 'An API integration’s key.' },
  },
};

export const NEW_CHANNEL: ChannelDraft = { name: '', kind: 'slack', isDefault: false, url: '', routingKey: '', apiKey: '' };

export function draftOf(c: Channel): ChannelDraft {
  return { name: c.name, kind: c.kind, isDefault: c.default, url: '', routingKey: '', apiKey: '' };
}

/**
 * The POST or PUT body: secrets (the URL included, since a webhook URL is a secret) only when typed, so an edit that
 * leaves them empty keeps the stored ones; fields the kind does not take are left out.
 */
export function bodyOf(d: ChannelDraft): ChannelBody {
  const k = KINDS[d.kind];
  const body: ChannelBody = { name: d.name.trim(), kind: d.kind, default: d.isDefault };
  if (d.url.trim()) body.url = d.url.trim();
  if (k.routingKey && d.routingKey.trim()) body.routing_key = d.routingKey.trim();
  if (k.apiKey && d.apiKey.trim()) body.api_key = d.apiKey.trim();
  return body;
}

export function channelField(key: string): ChannelField | null {
  const map: Record<string, ChannelField> = { name: 'name', kind: 'kind', default: 'default', url: 'url', routing_key: 'routingKey', api_key: 'apiKey' };
  return map[key.split(/[.[]/)[0]] ?? null;
}

/** What can be said before sending; `editing` lets secrets stay empty (the stored ones are kept). */
export function draftProblems(d: ChannelDraft, editing: boolean): Partial<Record<ChannelField, string>> {
  const p: Partial<Record<ChannelField, string>> = {};
  const k = KINDS[d.kind];
  if (!d.name.trim()) p.name = 'Name the channel, e.g. “On-call Slack”.';
  else if (d.name.trim().length > 100) p.name = 'A name is at most 100 characters.';
  if (d.url.trim()) {
    try {
      const u = new URL(d.url.trim());
      if (u.protocol !== 'https:' && u.protocol !== 'http:') p.url = 'An http or https URL.';
    } catch {
      p.url = 'A full URL, starting with https://.';
    }
  } else if (k.url.required && !editing) p.url = `Give the ${k.url.label.toLowerCase()}.`;
  if (k.routingKey && !editing && !d.routingKey.trim()) p.routingKey = 'Give the integration’s routing key.';
  if (k.apiKey?.required && !editing && !d.apiKey.trim()) p.apiKey = `Give the ${k.apiKey.label.toLowerCase()}.`;
  return p;
}
