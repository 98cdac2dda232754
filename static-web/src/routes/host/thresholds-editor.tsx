import { Alert, Button, Group, Modal, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../lib/api';
import { fieldErrors, problemSentence } from '../../lib/problem-fields';
import { useSubmission } from '../../hooks/use-submission';
import { formatTime } from '../../lib/format';
import type { ThresholdOverrides, Thresholds, ThresholdsResponse } from '../../lib/types';

type Level = keyof Thresholds;

const ROWS: { metric: string; warning: Level; critical: Level }[] = [
  { metric: 'CPU', warning: 'cpu_warning', critical: 'cpu_critical' },
  { metric: 'Memory', warning: 'memory_warning', critical: 'memory_critical' },
  { metric: 'Disk', warning: 'disk_warning', critical: 'disk_critical' },
];
const LEVELS: Level[] = ROWS.flatMap((r) => [r.warning, r.critical]);

/** One input per level: a number is the host's own level, an empty string follows the default. */
type Draft = Record<Level, number | string>;

function draftOf(reply: ThresholdsResponse): Draft {
  return Object.fromEntries(LEVELS.map((l) => [l, reply.overrides[l] ?? ''])) as Draft;
}

/** The body of the PUT: only the levels with a value, since the PUT replaces and a level left out follows the default. */
function overridesOf(draft: Draft): ThresholdOverrides {
  const overrides: ThresholdOverrides = {};
  for (const level of LEVELS) {
    const value = draft[level];
    if (value === '') continue;
    overrides[level] = typeof value === 'number' ? value : Number(value);
  }
  return overrides;
}

/** The input a problem's field error goes beside: the level it names; any other field's follows the sentence. */
const levelField = (key: string): Level | null => ((LEVELS as readonly string[]).includes(key) ? (key as Level) : null);

function ThresholdsForm({ hostId, onDone }: { hostId: string; onDone: () => void }) {
  const [reply, setReply] = useState<ThresholdsResponse>();
  const [draft, setDraft] = useState<Draft>();
  const { action: busy, error, run: submit, fail: setError } = useSubmission<'save' | 'reset'>();

  useEffect(() => {
    const controller = new AbortController();
    api.thresholds(hostId, controller.signal).then(
      (r) => {
        setReply(r);
        setDraft(draftOf(r));
      },
      (e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      },
    );
    return () => controller.abort();
  }, [hostId, setError]);

  const run = (action: 'save' | 'reset', call: () => Promise<unknown>) =>
    submit(async () => {
      await call();
      onDone();
    }, action);

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (draft) void run('save', () => api.setThresholds(hostId, overridesOf(draft)));
  };

  const errors = fieldErrors(error, levelField);
  const hasOverrides = reply ? LEVELS.some((l) => reply.overrides[l] != null) : false;

  return (
    <form onSubmit={save} noValidate>
      <Stack gap="sm">
        {error != null && (
          <Alert color="red" variant="light" title="Thresholds not changed" role="alert" data-testid="thresholds-error">
            {problemSentence(error, levelField)}
          </Alert>
        )}
        {!reply && error == null && <Text c="dimmed">Loading the host's thresholds…</Text>}
        {reply && draft && (
          <>
            <Text fz="sm" c="dimmed">
              Leave a level empty to follow the default shown in it. Warning must stay below critical.
            </Text>
            <SimpleGrid cols={2} spacing="sm">
              {ROWS.flatMap((row) =>
                (['warning', 'critical'] as const).map((kind) => {
                  const level = row[kind];
                  return (
                    <NumberInput
                      key={level}
                      label={`${row.metric} ${kind}`}
                      description={draft[level] === '' ? `Default ${reply.defaults[level]}%` : `Host override · default ${reply.defaults[level]}%`}
                      placeholder={String(reply.defaults[level])}
                      value={draft[level]}
                      onChange={(value) => setDraft((d) => d && { ...d, [level]: value })}
                      error={errors[level]}
                      min={0}
                      max={100}
                      suffix="%"
                      data-testid={`threshold-${level}`}
                    />
                  );
                }),
              )}
            </SimpleGrid>
            {reply.updated_at && (
              <Text fz="xs" c="dimmed">
                Last changed {formatTime(reply.updated_at)}
                {reply.updated_by ? ` by ${reply.updated_by}` : ''}.
              </Text>
            )}
          </>
        )}
        <Group justify="space-between" mt="xs">
          <Button variant="subtle" color="gray" disabled={!hasOverrides || busy != null} loading={busy === 'reset'} onClick={() => void run('reset', () => api.resetThresholds(hostId))}>
            Reset to defaults
          </Button>
          <Button type="submit" disabled={!draft || busy != null} loading={busy === 'save'}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Edits a host's own warning and critical levels (operator); after a change the host's report is fetched again. */
export function ThresholdsEditor({ hostId, onChanged }: { hostId: string; onChanged: () => void }) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="compact-xs" variant="light" onClick={() => setOpened(true)}>
        Edit thresholds
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Thresholds for this host">
        <ThresholdsForm
          hostId={hostId}
          onDone={() => {
            setOpened(false);
            onChanged();
          }}
        />
      </Modal>
    </>
  );
}
