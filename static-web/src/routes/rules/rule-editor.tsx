import { Alert, Button, Group, MultiSelect, NumberInput, SegmentedControl, Input, Stack, Switch, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { alertingApi } from '../../lib/alerting-api';
import { describeError } from '../../lib/api';
import type { Channel } from '../../lib/channel-types';
import type { Rule, RuleCondition, RuleMetricsResponse } from '../../lib/rule-types';
import { fieldErrors, problemSentence } from '../../lib/problem-fields';
import { useSubmission } from '../../hooks/use-submission';
import { TitledCard } from '../../components/ui/titled-card';
import { MetricPicker } from './metric-picker';
import { unitOf } from './metric-options';
import { bodyOf, draftOf, draftProblems, editable, NEW_RULE, type RuleDraft, ruleField } from './rule-draft';
import { RulePreview } from './rule-preview';
import { ScopeField } from './scope-field';

interface RuleEditorProps {
  /** The rule to edit; none for a new one. */
  rule?: Rule;
  metrics: RuleMetricsResponse | undefined;
  metricsError: unknown;
  channels: Channel[] | undefined;
  channelsError: unknown;
  readOnly: boolean;
  onSaved: (rule: Rule) => void;
  onCancel: () => void;
}

/** Every field of a rule, checked here first and by the server, whose errors show beside their fields; and a live preview. */
export function RuleEditor({ rule, metrics, metricsError, channels, channelsError, readOnly, onSaved, onCancel }: RuleEditorProps) {
  const [draft, setDraft] = useState<RuleDraft>(() => (rule ? draftOf(rule) : NEW_RULE));
  const [touched, setTouched] = useState(false);
  const { busy, error, run } = useSubmission();
  const set = (patch: Partial<RuleDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const builtIn = rule?.built_in ?? false;
  const locked = (field: Parameters<typeof editable>[0]) => readOnly || !editable(field, builtIn);
  const server = fieldErrors(error, ruleField);
  const local = touched ? draftProblems(draft) : {};
  const shown = (field: keyof typeof server) => local[field] ?? server[field];
  const unit = unitOf(draft.metric, metrics?.families ?? [], metrics?.metrics ?? []);
  const body = bodyOf(draft);
  const channelOptions = (channels ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.kind}${c.default ? ', default' : ''})` }));
  // A rule may name a channel this list does not show (deleted since, or the list failed): keep it choosable.
  for (const id of draft.channels) if (!channelOptions.some((o) => o.value === id)) channelOptions.push({ value: id, label: id });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (Object.keys(draftProblems(draft)).length) return;
    await run(async () => {
      const reply = rule ? await alertingApi.updateRule(rule.id, body) : await alertingApi.createRule(body);
      onSaved(reply.rule);
    });
  };

  return (
    <Stack gap="md">
      <TitledCard title={rule ? `Edit ${rule.name}` : 'New rule'}>
        <form onSubmit={(e) => void submit(e)} noValidate data-testid="rule-editor">
          <Stack gap="sm">
            {builtIn && (
              <Alert color="blue" variant="light" data-testid="built-in-note">
                A built-in rule: its name, duration, clear margin, channels, re-notify and whether it is on can change here. Its metric, scope,
                condition and levels come from the thresholds (a host’s Edit thresholds, or the Thresholds__* app settings).
              </Alert>
            )}
            {error != null && (
              <Alert color="red" variant="light" title="The rule was not saved" role="alert">
                {problemSentence(error, ruleField)}
              </Alert>
            )}
            <TextInput label="Name" required value={draft.name} onChange={(e) => set({ name: e.currentTarget.value })} error={shown('name')} disabled={locked('name')} maxLength={100} />
            <MetricPicker
              value={draft.metric}
              onChange={(metric) => set({ metric })}
              metrics={metrics}
              loadError={metricsError != null ? `The metric list could not be read (${describeError(metricsError)}); type the metric.` : undefined}
              error={shown('metric')}
              disabled={locked('metric')}
            />
            <ScopeField draft={draft} set={set} error={shown('scope')} disabled={locked('scope')} />
            <Input.Wrapper label="Condition" error={shown('condition')}>
              <SegmentedControl
                display="flex"
                mt={4}
                data={[
                  { value: 'above', label: 'Above the levels' },
                  { value: 'below', label: 'Below the levels' },
                ]}
                value={draft.condition}
                onChange={(v) => set({ condition: v as RuleCondition })}
                disabled={locked('condition')}
                aria-label="Condition"
              />
            </Input.Wrapper>
            <Group grow align="flex-start">
              <NumberInput label="Warning" description={unit ? `In ${unit}. Optional if critical is set.` : 'Optional if critical is set.'} value={draft.warning} onChange={(warning) => set({ warning })} error={shown('warning')} disabled={locked('warning')} decimalScale={4} />
              <NumberInput label="Critical" description={unit ? `In ${unit}. Optional if warning is set.` : 'Optional if warning is set.'} value={draft.critical} onChange={(critical) => set({ critical })} error={shown('critical')} disabled={locked('critical')} decimalScale={4} />
            </Group>
            <Group grow align="flex-start">
              <NumberInput label="Duration (seconds)" description="How long the value must stay past a level before it fires (0: at once)." min={0} max={86_400} allowDecimal={false} value={draft.durationSeconds} onChange={(durationSeconds) => set({ durationSeconds })} error={shown('durationSeconds')} disabled={locked('durationSeconds')} />
              <NumberInput label="Clear margin" description={`How far back past the level the value must go to resolve${unit ? ` (${unit})` : ''}.`} min={0} value={draft.clearMargin} onChange={(clearMargin) => set({ clearMargin })} error={shown('clearMargin')} disabled={locked('clearMargin')} decimalScale={4} />
            </Group>
            <MultiSelect
              label="Channels"
              description={channelsError != null ? `The channel list could not be read (${describeError(channelsError)}).` : 'None: the default channels get its alerts.'}
              data={channelOptions}
              value={draft.channels}
              onChange={(channels) => set({ channels })}
              error={shown('channels')}
              disabled={locked('channels')}
              searchable
              clearable
              data-testid="channels-input"
            />
            <NumberInput label="Re-notify (minutes)" description="While open and not silenced, send it again this often (0: never)." min={0} max={10_080} allowDecimal={false} value={draft.renotifyMinutes} onChange={(renotifyMinutes) => set({ renotifyMinutes })} error={shown('renotifyMinutes')} disabled={locked('renotifyMinutes')} />
            <Switch label="Enabled" checked={draft.enabled} onChange={(e) => set({ enabled: e.currentTarget.checked })} disabled={locked('enabled')} />
            {shown('enabled') && (
              <Text fz="xs" c="red">
                {shown('enabled')}
              </Text>
            )}
            <Group justify="flex-end" mt="xs">
              <Button variant="subtle" color="gray" onClick={onCancel} disabled={busy}>
                {readOnly ? 'Back to rules' : 'Cancel'}
              </Button>
              {!readOnly && (
                <Button type="submit" loading={busy}>
                  {rule ? 'Save rule' : 'Create rule'}
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      </TitledCard>
      <RulePreview body={body} unit={unit} />
    </Stack>
  );
}
