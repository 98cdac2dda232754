import { Badge, Group, Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { alertingApi } from '../../lib/alerting-api';
import type { RuleBody, RulePreviewResponse } from '../../lib/rule-types';
import { formatMetricValue } from '../../lib/format';
import { problemSentence } from '../../lib/problem-fields';
import { type Column, DataTable } from '../../components/ui/data-table';
import { TitledCard } from '../../components/ui/titled-card';

export const PREVIEW_DELAY_MS = 600;

const columns = (unit: string): Column<RulePreviewResponse['hosts'][number]>[] => [
  { header: 'Host', mono: true, cell: (h) => (h.hostname && h.hostname !== h.host_id ? `${h.host_id} (${h.hostname})` : h.host_id) },
  { header: 'Now', numeric: true, cell: (h) => (h.value === null ? 'no data' : `${formatMetricValue(h.value)}${unit ? ` ${unit}` : ''}`) },
  {
    header: 'Would fire',
    cell: (h) =>
      h.would_fire ? (
        <Badge color={h.would_fire === 'critical' ? 'red' : 'orange'} size="sm">
          {h.would_fire}
        </Badge>
      ) : (
        <Text fz="xs" c="dimmed">
          no
        </Text>
      ),
  },
  { header: 'Last sample', small: true, cell: (h) => (h.stale ? 'stale' : 'current') },
];

/**
 * Which hosts the rule's scope matches now and which would fire at its levels, from each host's latest sample; asked
 * again a moment after the last edit, never per keystroke.
 */
export function RulePreview({ body, unit }: { body: RuleBody; unit: string }) {
  const text = JSON.stringify(body);
  const [debounced] = useDebouncedValue(text, PREVIEW_DELAY_MS);
  const [state, setState] = useState<{ for: string; reply?: RulePreviewResponse; error?: unknown }>();
  const askable = (b: RuleBody) => b.metric !== '' && (b.warning !== null || b.critical !== null);
  const ready = askable(body);
  useEffect(() => {
    const { name, ...rest } = JSON.parse(debounced) as RuleBody;
    if (!askable({ name, ...rest })) return;
    const controller = new AbortController();
    alertingApi.previewRule(name ? { name, ...rest } : rest, controller.signal).then(
      (reply) => setState({ for: debounced, reply }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ for: debounced, error });
      },
    );
    return () => controller.abort();
  }, [debounced]);
  const current = state?.for === text;
  const firing = state?.reply?.hosts.filter((h) => h.would_fire).length ?? 0;
  return (
    <TitledCard title="Preview">
      <div data-testid="rule-preview">
        {!ready && (
          <Text fz="sm" c="dimmed">
            Pick a metric and a level to see which hosts it matches now.
          </Text>
        )}
        {ready && !current && (
          <Group gap="xs">
            <Loader size="xs" aria-hidden />
            <Text fz="sm" c="dimmed">
              Asking the latest samples…
            </Text>
          </Group>
        )}
        {ready && current && state?.error != null && (
          <Text fz="sm" c="red" data-testid="preview-error">
            {problemSentence(state.error, () => null)}
          </Text>
        )}
        {ready && current && state?.reply && (
          <>
            <Text fz="sm" mb="xs" data-testid="preview-summary">
              The scope matches {state.reply.matched} host{state.reply.matched === 1 ? '' : 's'} now; {firing} would fire.
            </Text>
            {state.reply.hosts.length > 0 && (
              <DataTable columns={columns(unit)} rows={state.reply.hosts} rowKey={(h) => h.host_id} minWidth={420} testId="preview-table" label="Preview" />
            )}
          </>
        )}
      </div>
    </TitledCard>
  );
}
