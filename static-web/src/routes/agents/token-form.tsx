import { Alert, Button, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { agentsApi } from '../../lib/agents-api';
import type { CreateEnrollmentTokenRequest, CreateEnrollmentTokenResponse } from '../../lib/agent-types';
import { fieldErrors, problemSentence } from '../../lib/problem-fields';
import { tagsFromChips } from '../../lib/tags';
import { TagsField } from '../../components/ui/tags-field';
import { useSubmission } from '../../hooks/use-submission';

export const TOKEN_LIFETIMES = [
  { value: '3600', label: '1 hour' },
  { value: '86400', label: '24 hours' },
  { value: '604800', label: '7 days' },
  { value: '2592000', label: '30 days' },
  { value: '7776000', label: '90 days' },
];

type Field = 'name' | 'expires' | 'maxHosts' | 'tags' | 'hostPattern';

export function tokenField(key: string): Field | null {
  if (key === 'name') return 'name';
  if (key === 'expires_at') return 'expires';
  if (key === 'max_hosts') return 'maxHosts';
  if (key === 'host_pattern') return 'hostPattern';
  return key === 'tags' || key.startsWith('tags.') ? 'tags' : null;
}

export interface TokenDraft {
  name: string;
  lifetimeSeconds: number;
  maxHosts: number | string;
  chips: string[];
  hostPattern: string;
}

/** The POST body of a draft; optional fields left empty are left out. */
export function tokenRequest(draft: TokenDraft, now: number): CreateEnrollmentTokenRequest {
  const { tags } = tagsFromChips(draft.chips);
  const body: CreateEnrollmentTokenRequest = { name: draft.name.trim(), expires_at: new Date(now + draft.lifetimeSeconds * 1000).toISOString() };
  if (draft.maxHosts !== '') body.max_hosts = Number(draft.maxHosts);
  if (Object.keys(tags).length) body.tags = tags;
  if (draft.hostPattern.trim()) body.host_pattern = draft.hostPattern.trim();
  return body;
}

export function TokenForm({ onCreated, onCancel }: { onCreated: (reply: CreateEnrollmentTokenResponse) => void; onCancel: () => void }) {
  const [draft, setDraft] = useState<TokenDraft>({ name: '', lifetimeSeconds: 86_400, maxHosts: '', chips: [], hostPattern: '' });
  const { busy, error, run } = useSubmission();
  const [touched, setTouched] = useState(false);
  const set = (patch: Partial<TokenDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const fields = fieldErrors(error, tokenField);
  const nameProblem = draft.name.trim() === '' ? 'Name the token, e.g. after the rollout that uses it.' : undefined;
  const tagProblems = tagsFromChips(draft.chips).errors;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (nameProblem || tagProblems.length) return;
    await run(async () => onCreated(await agentsApi.createEnrollmentToken(tokenRequest(draft, Date.now()))));
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        {error != null && (
          <Alert color="red" variant="light" title="No token was created" role="alert">
            {problemSentence(error, tokenField)}
          </Alert>
        )}
        <TextInput label="Name" required value={draft.name} onChange={(e) => set({ name: e.currentTarget.value })} error={(touched && nameProblem) || fields.name} data-autofocus />
        <Select
          label="Expires in"
          data={TOKEN_LIFETIMES}
          value={String(draft.lifetimeSeconds)}
          onChange={(v) => v && set({ lifetimeSeconds: Number(v) })}
          allowDeselect={false}
          error={fields.expires}
        />
        <NumberInput
          label="Most hosts"
          description="Optional. A host that enrolls again with the same id does not count twice."
          min={1}
          allowDecimal={false}
          value={draft.maxHosts}
          onChange={(v) => set({ maxHosts: v })}
          error={fields.maxHosts}
        />
        <TextInput
          label="Host id pattern"
          description="Optional. * and ? match the whole host id, case-sensitive, e.g. web-*."
          value={draft.hostPattern}
          onChange={(e) => set({ hostPattern: e.currentTarget.value })}
          error={fields.hostPattern}
        />
        <TagsField label="Tags for enrolled hosts" value={draft.chips} onChange={(chips) => set({ chips })} serverError={fields.tags} />
        <Group justify="flex-end" mt="xs">
          <Button variant="subtle" color="gray" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Create token
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
