import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { tagsApi } from '../../lib/tags-api';
import type { HostTagsResponse } from '../../lib/types';
import { fieldErrors, problemSentence } from '../../lib/problem-fields';
import { tagChips, tagsFromChips } from '../../lib/tags';
import { TagsField } from '../../components/ui/tags-field';
import { useSubmission } from '../../hooks/use-submission';

/** The tags field shows `tags` and every `tags.<key>`; other problems follow the alert's sentence. */
export const hostTagsField = (key: string): 'tags' | null => (key === 'tags' || key.startsWith('tags.') ? 'tags' : null);

/** Others' tags, for the form to say which ones an operator's tag of the same key would win over. */
function othersText(reply: HostTagsResponse): string {
  const others = [...tagChips(reply.agent).map((t) => `${t} (agent)`), ...tagChips(reply.enrollment).map((t) => `${t} (enrollment)`)];
  return others.length
    ? `The agent and its enrollment also give this host ${others.join(', ')}; a tag you set here with the same key wins over theirs.`
    : 'Neither the agent nor its enrollment gives this host tags.';
}

/** The operator's own tags of a host: a PUT that replaces them (an emptied field clears them). */
export function HostTagsForm({ hostId, reply, onSaved, onCancel }: { hostId: string; reply: HostTagsResponse; onSaved: (reply: HostTagsResponse) => void; onCancel: () => void }) {
  const [chips, setChips] = useState(() => tagChips(reply.operator));
  const { busy, error, run } = useSubmission();
  const { tags, errors } = tagsFromChips(chips);
  const fields = fieldErrors(error, hostTagsField);

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (errors.length) return;
    void run(async () => onSaved(await tagsApi.setOperatorTags(hostId, tags)));
  };

  return (
    <form onSubmit={save} noValidate data-testid="host-tags-form">
      <Stack gap="sm">
        {error != null && (
          <Alert color="red" variant="light" title="Tags not changed" role="alert" data-testid="host-tags-error">
            {problemSentence(error, hostTagsField)}
          </Alert>
        )}
        <Text fz="sm" c="dimmed">
          {othersText(reply)} Alert rules, silences and the fleet's tag filters follow the effective tags.
        </Text>
        <TagsField label="Operator tags" value={chips} onChange={setChips} serverError={fields.tags} />
        <Group justify="flex-end" mt="xs">
          <Button variant="subtle" color="gray" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Save tags
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
