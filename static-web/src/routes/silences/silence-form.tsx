import { Alert, Autocomplete, Button, Group, NumberInput, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { alertingApi } from '../../lib/alerting-api';
import type { Rule } from '../../lib/rule-types';
import { fieldErrors, problemSentence } from '../../lib/problem-fields';
import { TagsField } from '../../components/ui/tags-field';
import { useSubmission } from '../../hooks/use-submission';
import { bodyOf, draftProblems, EXAMPLES, newSilence, type SilenceDraft, type SilenceMode, silenceField } from './silence-draft';

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC', 'Europe/Berlin', 'Europe/London', 'America/New_York', 'Asia/Tokyo'];
  }
}

/** A new silence: what it matches, and a one-off window or a recurring one (cron, length, time zone). */
export function SilenceForm({ rules, onCreated, onCancel }: { rules: Rule[]; onCreated: () => void; onCancel: () => void }) {
  const [draft, setDraft] = useState<SilenceDraft>(() => newSilence());
  const [touched, setTouched] = useState(false);
  const { busy, error, run } = useSubmission();
  const zones = useMemo(timeZones, []);
  const set = (patch: Partial<SilenceDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const server = fieldErrors(error, silenceField);
  const local = touched ? draftProblems(draft, Date.now()) : {};
  const shown = (f: keyof typeof server) => local[f] ?? server[f];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (Object.keys(draftProblems(draft, Date.now())).length) return;
    await run(async () => {
      await alertingApi.createSilence(bodyOf(draft));
      onCreated();
    });
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="silence-form">
      <Stack gap="sm">
        {error != null && (
          <Alert color="red" variant="light" title="No silence was created" role="alert">
            {problemSentence(error, silenceField)}
          </Alert>
        )}
        <Text fz="sm" c="dimmed">
          Alerts it matches are still raised and listed, marked silenced; channels get nothing until its window ends, then each alert still open once.
        </Text>
        <TextInput label="Host" description="Optional: one host id." value={draft.host} onChange={(e) => set({ host: e.currentTarget.value })} error={shown('matchers')} />
        <TagsField label="Host tags" value={draft.tagChips} onChange={(tagChips) => set({ tagChips })} />
        <Select
          label="Rule"
          description="Optional: only this rule’s alerts."
          data={rules.map((r) => ({ value: r.id, label: r.name }))}
          value={draft.ruleId}
          onChange={(ruleId) => set({ ruleId })}
          clearable
          searchable
        />
        <SegmentedControl
          data={[
            { value: 'once', label: 'One-off' },
            { value: 'recurring', label: 'Recurring' },
          ]}
          value={draft.mode}
          onChange={(v) => set({ mode: v as SilenceMode })}
          aria-label="Kind of silence"
        />
        {draft.mode === 'once' ? (
          <Group grow align="flex-start">
            <TextInput type="datetime-local" label="Starts" description="Empty: now." value={draft.startsAt} onChange={(e) => set({ startsAt: e.currentTarget.value })} error={shown('startsAt')} />
            <TextInput type="datetime-local" label="Ends" required value={draft.endsAt} onChange={(e) => set({ endsAt: e.currentTarget.value })} error={shown('endsAt')} />
          </Group>
        ) : (
          <Stack gap="xs">
            <Group gap="xs" data-testid="silence-examples">
              {EXAMPLES.map((x) => (
                <Button key={x.label} size="compact-xs" variant="light" onClick={() => set({ cron: x.cron, durationMinutes: x.durationMinutes, timeZone: x.timeZone })}>
                  {x.label}
                </Button>
              ))}
            </Group>
            <TextInput
              label="Cron"
              description="When each window starts: minute hour day-of-month month day-of-week, e.g. 0 2 * * 0 is Sundays at 02:00."
              ff="monospace"
              value={draft.cron}
              onChange={(e) => set({ cron: e.currentTarget.value })}
              error={shown('cron')}
              required
            />
            <Group grow align="flex-start">
              <NumberInput label="Length (minutes)" min={1} max={10_080} allowDecimal={false} value={draft.durationMinutes} onChange={(durationMinutes) => set({ durationMinutes })} error={shown('durationMinutes')} required />
              <Autocomplete
                label="Time zone"
                description="Windows keep their wall-clock times across daylight saving changes."
                data={zones}
                limit={50}
                value={draft.timeZone}
                onChange={(timeZone) => set({ timeZone })}
                error={shown('timeZone')}
                required
              />
            </Group>
          </Stack>
        )}
        <TextInput label="Comment" description="Optional: why, for whoever sees it." maxLength={200} value={draft.comment} onChange={(e) => set({ comment: e.currentTarget.value })} error={shown('comment')} />
        <Group justify="flex-end">
          <Button variant="subtle" color="gray" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Create silence
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
