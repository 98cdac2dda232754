import { Alert, Button, Checkbox, Group, NumberInput, Stack, TagsInput, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { agentsApi } from '../../lib/agents-api';
import { AGENT_SETTING_RULES as R, type AgentSettings } from '../../lib/agent-types';
import { fieldErrors, problemSentence } from '../../lib/problem-fields';
import { useSubmission } from '../../hooks/use-submission';
import { bodyOf, draftOf, draftProblems, SETTING_LABELS, type SettingField, settingField, type SettingsDraft, settingText } from './agent-settings';

/** Under each input: what the host gets when the field is left empty (a tag's value, or the agent's own). */
function inherited(settings: AgentSettings | null, field: SettingField): string {
  const source = settings?.sources?.[field];
  const text = settingText(settings, field);
  return source && source !== 'host' && text ? `Empty: ${text} from ${source}.` : "Empty: the agent's own value.";
}

/** The host's own pushed settings (operator): a PUT of the fields set, or a DELETE of the host scope. */
export function AgentSettingsForm({ hostId, settings, onDone }: { hostId: string; settings: AgentSettings | null; onDone: () => void }) {
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings));
  const { action: busy, error, run: submit } = useSubmission<'save' | 'clear'>();
  const [touched, setTouched] = useState(false);
  const set = (patch: Partial<SettingsDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const local = touched ? draftProblems(draft) : {};
  const server = fieldErrors(error, settingField);
  const errorOf = (f: SettingField) => local[f] ?? server[f];
  const hostScope = Object.values(settings?.sources ?? {}).includes('host');

  const run = (action: 'save' | 'clear', call: () => Promise<unknown>) =>
    submit(async () => {
      await call();
      onDone();
    }, action);
  const save = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (Object.keys(draftProblems(draft)).length) return;
    const body = bodyOf(draft);
    // The server refuses a PUT that sets nothing: an emptied form removes the host's own settings instead.
    if (Object.keys(body).length === 0) void run('save', () => (hostScope ? agentsApi.clearHostSettings(hostId) : Promise.resolve()));
    else void run('save', () => agentsApi.setHostSettings(hostId, body));
  };

  return (
    <form onSubmit={save} noValidate data-testid="agent-settings-form">
      <Stack gap="sm">
        {error != null && (
          <Alert color="red" variant="light" title="Settings not changed" role="alert" data-testid="agent-settings-error">
            {problemSentence(error, settingField)}
          </Alert>
        )}
        <Text fz="sm" c="dimmed">
          The host's agent applies these from its next ingest reply, without a restart. A value its configuration file, environment or flags set wins.
        </Text>
        <TagsInput
          label={SETTING_LABELS.watch}
          description={`Process names always reported, whatever their rank; press Enter after each. ${inherited(settings, 'watch')}`}
          value={draft.watch}
          onChange={(watch) => set({ watch })}
          splitChars={[',', ' ']}
          acceptValueOnBlur
          maxTags={R.maxWatch}
          error={errorOf('watch')}
          data-testid="setting-watch"
        />
        <NumberInput
          label={SETTING_LABELS.top}
          description={`How many processes by CPU and by memory each sample lists (${R.minTop}-${R.maxTop}). ${inherited(settings, 'top')}`}
          value={draft.top}
          onChange={(top) => set({ top })}
          allowDecimal={false}
          error={errorOf('top')}
          data-testid="setting-top"
        />
        <NumberInput
          label={SETTING_LABELS.sample_interval_seconds}
          description={`${R.minSampleIntervalSeconds}-${R.maxSampleIntervalSeconds} seconds. ${inherited(settings, 'sample_interval_seconds')}`}
          value={draft.sample_interval_seconds}
          onChange={(v) => set({ sample_interval_seconds: v })}
          error={errorOf('sample_interval_seconds')}
          data-testid="setting-interval"
        />
        <Checkbox.Group
          label={SETTING_LABELS.collectors}
          description={`Optional collectors to turn on. ${inherited(settings, 'collectors')}`}
          value={draft.collectors}
          onChange={(collectors) => set({ collectors })}
          error={errorOf('collectors')}
        >
          <Group gap="md" mt={6}>
            {R.collectors.map((c) => (
              <Checkbox key={c} value={c} label={c} />
            ))}
          </Group>
        </Checkbox.Group>
        <Group justify="space-between" mt="xs">
          <Button variant="subtle" color="gray" disabled={!hostScope || busy != null} loading={busy === 'clear'} onClick={() => void run('clear', () => agentsApi.clearHostSettings(hostId))}>
            Clear this host's settings
          </Button>
          <Button type="submit" disabled={busy != null} loading={busy === 'save'}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
