import { Badge, Button, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useCallback, useState } from 'react';
import { alertingApi } from '../../lib/alerting-api';
import type { ChannelsResponse } from '../../lib/channel-types';
import type { Rule, RuleMetricsResponse, RulesResponse } from '../../lib/rule-types';
import { rulesHref } from '../../hooks/use-route';
import { usePolled } from '../../hooks/use-polled';
import { canOperate, useRole } from '../../hooks/use-role';
import { type Column, DataTable } from '../../components/ui/data-table';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { OperatorOnly } from '../../components/ui/operator-only';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/state-views';
import { TitledCard } from '../../components/ui/titled-card';
import { levelsText, scopeText } from './rule-draft';
import { RuleEditor } from './rule-editor';

function columns(operator: boolean, channelName: (id: string) => string, onEdit: (r: Rule) => void, onDelete: (r: Rule) => void): Column<Rule>[] {
  return [
    {
      header: 'Name',
      wrap: true,
      cell: (r) => (
        <Group gap={6} wrap="nowrap">
          <Text fz="sm">{r.name}</Text>
          {r.built_in && (
            <Badge size="xs" variant="outline" color="gray" data-testid="built-in">
              built-in
            </Badge>
          )}
        </Group>
      ),
    },
    { header: 'Metric', mono: true, small: true, cell: (r) => r.metric },
    { header: 'Scope', small: true, wrap: true, cell: scopeText },
    { header: 'Levels', small: true, cell: (r) => levelsText(r) },
    { header: 'For', small: true, cell: (r) => `${r.duration_seconds} s` },
    { header: 'Channels', small: true, wrap: true, cell: (r) => (r.channels.length ? r.channels.map(channelName).join(', ') : 'default') },
    {
      header: 'State',
      cell: (r) => (
        <Badge size="sm" variant="light" color={r.enabled ? 'teal' : 'gray'}>
          {r.enabled ? 'on' : 'off'}
        </Badge>
      ),
    },
    {
      header: <VisuallyHidden>Actions</VisuallyHidden>,
      cell: (r) => (
        <Group gap={4} wrap="nowrap">
          <Button size="compact-xs" variant="light" onClick={() => onEdit(r)} aria-label={`${operator ? 'Edit' : 'View'} rule ${r.name}`}>
            {operator ? 'Edit' : 'View'}
          </Button>
          {operator && !r.built_in && (
            <Button size="compact-xs" variant="light" color="red" onClick={() => onDelete(r)} aria-label={`Delete rule ${r.name}`}>
              Delete
            </Button>
          )}
        </Group>
      ),
    },
  ];
}

/** The rules in force (built-in first); operators create, edit and delete them, readers see them and their details. */
export function RulesPage({ edit, navigate }: { edit: string | null; navigate: (href: string, replace?: boolean) => void }) {
  const operator = canOperate(useRole().role);
  const rules = usePolled<RulesResponse>('rules', useCallback((s: AbortSignal) => alertingApi.rules(s), []), null);
  const metrics = usePolled<RuleMetricsResponse>(edit ? 'rule-metrics' : null, useCallback((s: AbortSignal) => alertingApi.ruleMetrics(s), []), null);
  const channels = usePolled<ChannelsResponse>('channels', useCallback((s: AbortSignal) => alertingApi.channels(s), []), null);
  const [deleting, setDeleting] = useState<Rule | null>(null);
  const channelName = (id: string) => channels.data?.channels.find((c) => c.id === id)?.name ?? id;
  const editing = edit && edit !== 'new' ? rules.data?.rules.find((r) => r.id === edit) : undefined;
  const list = rules.data?.rules ?? [];

  const heading = (
    <div>
      <Title order={1} fz={{ base: 22, sm: 28 }}>
        Rules
      </Title>
      <Text fz="sm" c="dimmed">
        What raises alerts: a metric past a warning or critical level for a while, on all hosts, hosts with tags, or one host.
      </Text>
    </div>
  );

  if (edit) {
    const missing = edit !== 'new' && rules.data && !editing;
    return (
      <Stack gap="md">
        {heading}
        <OperatorOnly what="Creating and changing rules">{null}</OperatorOnly>
        {rules.error != null && <ErrorState error={rules.error} title="The rules could not be loaded" onRetry={rules.refresh} />}
        {edit !== 'new' && !rules.data && rules.loading && <LoadingState label="Loading the rule…" />}
        {missing && <EmptyState title="No such rule">{`No rule has the id ${edit}; it may have been deleted.`}</EmptyState>}
        {(edit === 'new' ? operator : editing) && (
          <RuleEditor
            key={edit}
            rule={editing}
            metrics={metrics.data}
            metricsError={metrics.error}
            channels={channels.data?.channels}
            channelsError={channels.error}
            readOnly={!operator}
            onSaved={() => {
              rules.refresh();
              navigate(rulesHref());
            }}
            onCancel={() => navigate(rulesHref())}
          />
        )}
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      {heading}
      <OperatorOnly what="Creating and changing rules">{null}</OperatorOnly>
      <TitledCard title="Rules in force">
        {operator && (
          <Group justify="flex-end" mb="xs">
            <Button size="xs" onClick={() => navigate(rulesHref('new'))}>
              New rule
            </Button>
          </Group>
        )}
        {rules.error != null && <ErrorState error={rules.error} title="The rules could not be loaded" onRetry={rules.refresh} />}
        {!rules.data && rules.loading && <LoadingState label="Loading rules…" />}
        {rules.data && list.length === 0 && <EmptyState title="No rules" />}
        {list.length > 0 && (
          <DataTable columns={columns(operator, channelName, (r) => navigate(rulesHref(r.id)), setDeleting)} rows={list} rowKey={(r) => r.id} minWidth={1000} testId="rules-table" label="Rules" />
        )}
      </TitledCard>
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete this rule?"
        message={`${deleting?.name ?? 'The rule'} stops raising alerts; its open alerts resolve on each host’s next post.`}
        confirmLabel="Delete rule"
        onConfirm={async () => {
          if (deleting) await alertingApi.deleteRule(deleting.id);
          rules.refresh();
        }}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
