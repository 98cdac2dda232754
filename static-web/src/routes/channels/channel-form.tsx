import { Alert, Button, Group, PasswordInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { alertingApi } from '../../lib/alerting-api';
import { CHANNEL_KINDS, type Channel, type ChannelKind } from '../../lib/channel-types';
import { fieldErrors, problemSentence } from '../../lib/problem-fields';
import { useSubmission } from '../../hooks/use-submission';
import { bodyOf, type ChannelDraft, channelField, draftOf, draftProblems, KINDS, NEW_CHANNEL } from './channel-draft';

const keep = (hint: string | null) => `Leave empty to keep the stored one${hint ? ` (${hint})` : ''}.`;

/** Creates a channel, or edits one: secrets are write-only, so the edit form never shows them. */
export function ChannelForm({ channel, onSaved, onCancel }: { channel?: Channel; onSaved: () => void; onCancel: () => void }) {
  const [draft, setDraft] = useState<ChannelDraft>(() => (channel ? draftOf(channel) : NEW_CHANNEL));
  const [touched, setTouched] = useState(false);
  const { busy, error, run } = useSubmission();
  const set = (patch: Partial<ChannelDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const editing = channel !== undefined;
  // A secret is kept only for the kind it was stored for.
  const keeps = editing && draft.kind === channel.kind;
  const server = fieldErrors(error, channelField);
  const local = touched ? draftProblems(draft, keeps) : {};
  const shown = (f: keyof typeof server) => local[f] ?? server[f];
  const k = KINDS[draft.kind];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (Object.keys(draftProblems(draft, keeps)).length) return;
    await run(async () => {
      if (channel) await alertingApi.updateChannel(channel.id, bodyOf(draft));
      else await alertingApi.createChannel(bodyOf(draft));
      onSaved();
    });
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="channel-form">
      <Stack gap="sm">
        {error != null && (
          <Alert color="red" variant="light" title="The channel was not saved" role="alert">
            {problemSentence(error, channelField)}
          </Alert>
        )}
        <TextInput label="Name" required value={draft.name} onChange={(e) => set({ name: e.currentTarget.value })} error={shown('name')} maxLength={100} data-autofocus />
        <Select
          label="Kind"
          data={CHANNEL_KINDS.map((value) => ({ value, label: KINDS[value].label }))}
          value={draft.kind}
          onChange={(v) => v && set({ kind: v as ChannelKind })}
          allowDeselect={false}
          error={shown('kind')}
        />
        <PasswordInput
          label={k.url.label}
          description={keeps ? keep(channel.url_hint) : k.url.description}
          required={k.url.required && !keeps}
          value={draft.url}
          onChange={(e) => set({ url: e.currentTarget.value })}
          error={shown('url')}
          autoComplete="off"
        />
        {k.routingKey && (
          <PasswordInput
            label="Routing key"
            description={keeps ? keep(channel.routing_key_hint) : 'The Events API v2 integration key of the service.'}
            required={!keeps}
            value={draft.routingKey}
            onChange={(e) => set({ routingKey: e.currentTarget.value })}
            error={shown('routingKey')}
            autoComplete="off"
          />
        )}
        {k.apiKey && (
          <PasswordInput
            label={k.apiKey.label}
            description={keeps ? keep(channel.api_key_hint) : k.apiKey.description}
            required={k.apiKey.required && !keeps}
            value={draft.apiKey}
            onChange={(e) => set({ apiKey: e.currentTarget.value })}
            error={shown('apiKey')}
            autoComplete="off"
          />
        )}
        <Switch
          label="Default channel"
          description="Gets the alerts of rules that name no channel, and of the built-in checks."
          checked={draft.isDefault}
          onChange={(e) => set({ isDefault: e.currentTarget.checked })}
          error={shown('default')}
        />
        <Group justify="flex-end">
          <Button variant="subtle" color="gray" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            {editing ? 'Save channel' : 'Create channel'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
