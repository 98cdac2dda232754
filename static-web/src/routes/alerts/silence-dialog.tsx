import { Alert, Button, Group, Modal, NumberInput, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { alertingApi } from '../../lib/alerting-api';
import type { FleetAlert } from '../../lib/fleet-alert-types';
import { formatTime } from '../../lib/format';
import { problemSentence } from '../../lib/problem-fields';
import { useSubmission } from '../../hooks/use-submission';
import { lengthText, MAX_SILENCE_MINUTES, SILENCE_LENGTHS, silenceFor } from './alert-rows';

const UNITS = [
  { value: '1', label: 'minutes' },
  { value: '60', label: 'hours' },
  { value: '1440', label: 'days' },
];

/** The length a choice stands for, in minutes, or a sentence saying why a custom one cannot be used. */
export function chosenMinutes(choice: string, amount: number | string, unit: string): number | string {
  if (choice !== 'custom') return Number(choice);
  const minutes = Number(amount) * Number(unit);
  if (amount === '' || !Number.isFinite(minutes) || minutes < 1) return 'Give a length of at least one minute.';
  if (minutes > MAX_SILENCE_MINUTES) return 'A silence from here lasts at most a year; the Silences page makes recurring ones.';
  return Math.round(minutes);
}

function SilenceForm({ alert, onSilenced, onCancel }: { alert: FleetAlert; onSilenced: () => void; onCancel: () => void }) {
  const [choice, setChoice] = useState('60');
  const [amount, setAmount] = useState<number | string>(2);
  const [unit, setUnit] = useState('60');
  const [comment, setComment] = useState('');
  const { busy, error, run } = useSubmission();
  const minutes = chosenMinutes(choice, amount, unit);
  const problem = typeof minutes === 'string' ? minutes : undefined;
  const submit = () =>
    run(async () => {
      if (typeof minutes !== 'number') return;
      await alertingApi.createSilence(silenceFor(alert, minutes, Date.now(), comment));
      onSilenced();
    });
  return (
    <Stack gap="sm">
      <Text fz="sm">
        {alert.rule_id
          ? `Alerts of ${alert.rule_name || alert.rule_id} on ${alert.host_id} stay listed and are marked silenced, but no channel gets them until the silence ends.`
          : `This alert names no rule, so the silence covers every alert of ${alert.host_id}: they stay listed, but no channel gets them until it ends.`}
      </Text>
      <Radio.Group label="Silence for" value={choice} onChange={setChoice}>
        <Stack gap={6} mt={6}>
          {SILENCE_LENGTHS.map((l) => (
            <Radio key={l.minutes} value={String(l.minutes)} label={l.label} />
          ))}
          <Radio value="custom" label="Custom" />
        </Stack>
      </Radio.Group>
      {choice === 'custom' && (
        <Group gap="xs" align="flex-start">
          <NumberInput label="Length" min={1} allowDecimal={false} value={amount} onChange={setAmount} error={problem} w={140} />
          <Select label="Unit" data={UNITS} value={unit} onChange={(v) => v && setUnit(v)} allowDeselect={false} w={140} />
        </Group>
      )}
      {typeof minutes === 'number' && (
        <Text fz="xs" c="dimmed" data-testid="silence-until">
          {lengthText(minutes)}, until {formatTime(new Date(Date.now() + minutes * 60_000).toISOString())}.
        </Text>
      )}
      <TextInput label="Comment" description="Optional: why, for whoever sees the silence." value={comment} onChange={(e) => setComment(e.currentTarget.value)} maxLength={200} />
      {error != null && (
        <Alert color="red" variant="light" role="alert" title="No silence was created">
          {problemSentence(error, () => null)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button loading={busy} disabled={problem !== undefined} onClick={() => void submit()}>
          Silence
        </Button>
      </Group>
    </Stack>
  );
}

/** "Silence for…" an alert's host and rule (operator): a chosen length from now, through POST /silences. */
export function SilenceDialog({ alert, onClose, onSilenced }: { alert: FleetAlert | null; onClose: () => void; onSilenced: () => void }) {
  return (
    <Modal opened={alert !== null} onClose={onClose} title={alert ? `Silence ${alert.rule_name || alert.metric} on ${alert.host_id}` : ''}>
      {alert && (
        <SilenceForm
          alert={alert}
          onCancel={onClose}
          onSilenced={() => {
            onSilenced();
            onClose();
          }}
        />
      )}
    </Modal>
  );
}
