import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldErrors, problemSentence } from '../../lib/problem-fields';
import { agentsApi } from '../../lib/agents-api';
import type { CreateAgentResponse } from '../../lib/agent-types';
import type { HostView } from '../../lib/types';
import { tagsFromChips } from '../../lib/tags';
import { TagsField } from '../../components/ui/tags-field';
import { useSubmission } from '../../hooks/use-submission';
import { fetchAllHosts } from '../../hooks/use-hosts';
import { baselineOf, type SampleBaseline } from './first-sample';

/** Which field shows a problem key: `host_id`, and `tags` or any `tags.<key>` under the tags. */
export function addHostField(key: string): 'hostId' | 'tags' | null {
  if (key === 'host_id' || key === 'host_ids') return 'hostId';
  return key === 'tags' || key.startsWith('tags.') ? 'tags' : null;
}

/** Reads the fleet (the first-sample baseline), then issues the key; the fleet may be unreadable, the key may not. */
async function issue(hostId: string, tags: Record<string, string>): Promise<{ reply: CreateAgentResponse; baseline: SampleBaseline }> {
  const hosts: HostView[] | null = await fetchAllHosts().then(
    (r) => r.hosts,
    () => null,
  );
  const reply = await agentsApi.createAgent({ host_id: hostId, ...(Object.keys(tags).length ? { tags } : {}) });
  return { reply, baseline: baselineOf(hosts, Date.now()) };
}

export function AddHostForm({ onIssued, onCancel }: { onIssued: (reply: CreateAgentResponse, baseline: SampleBaseline) => void; onCancel: () => void }) {
  const [hostId, setHostId] = useState('');
  const [chips, setChips] = useState<string[]>([]);
  const { busy, error, run } = useSubmission();
  const [touched, setTouched] = useState(false);
  const { tags, errors: tagErrors } = tagsFromChips(chips);
  const idProblem = hostId.trim() === '' ? 'Enter the host id.' : undefined;
  const fields = fieldErrors(error, addHostField);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (idProblem || tagErrors.length) return;
    await run(async () => {
      const { reply, baseline } = await issue(hostId.trim(), tags);
      onIssued(reply, baseline);
    });
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        {error != null && (
          <Alert color="red" variant="light" title="No key was issued" role="alert" data-testid="add-host-error">
            {problemSentence(error, addHostField)}
          </Alert>
        )}
        <TextInput
          label="Host id"
          description="The host's hostname, as `hostname` prints it on that machine."
          placeholder="web-1"
          required
          value={hostId}
          onChange={(e) => setHostId(e.currentTarget.value)}
          error={(touched && idProblem) || fields.hostId}
          data-autofocus
          data-testid="host-id-input"
        />
        <TagsField value={chips} onChange={setChips} serverError={fields.tags} />
        <Group justify="flex-end" mt="xs">
          <Button variant="subtle" color="gray" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Issue key
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
