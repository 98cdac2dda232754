import { Autocomplete, Group, Text } from '@mantine/core';
import type { RuleMetricsResponse } from '../../lib/rule-types';
import { parseMetric } from '../../lib/metric-text';
import { familyOf, labelValues, metricGroups, withLabel } from './metric-options';

interface MetricPickerProps {
  value: string;
  onChange: (metric: string) => void;
  metrics: RuleMetricsResponse | undefined;
  /** Why the metric list could not be read: the field still takes typed text. */
  loadError?: string;
  error?: string;
  disabled?: boolean;
}

/**
 * The metric: a choice from what hosts report now, grouped by family, or any text (a series no host reports yet, a
 * custom one). A family with one series per mount, process, container or sensor gets a second field for its label.
 */
export function MetricPicker({ value, onChange, metrics, loadError, error, disabled }: MetricPickerProps) {
  const families = metrics?.families ?? [];
  const series = metrics?.metrics ?? [];
  const family = familyOf(value, families);
  const hosts = new Map(series.map((s) => [s.metric, s.hosts]));
  return (
    <Group align="flex-start" gap="sm" grow preventGrowOverflow={false}>
      <Autocomplete
        label="Metric"
        description={loadError ?? 'What hosts report now, or type any metric such as custom.queue_depth.'}
        placeholder="disk.percent{mount=/data}"
        data={metricGroups(families, series)}
        value={value}
        onChange={onChange}
        error={error}
        disabled={disabled}
        limit={200}
        maxDropdownHeight={320}
        renderOption={({ option }) => (
          <Group gap="xs" justify="space-between" w="100%" wrap="nowrap">
            <Text fz="sm" ff="monospace">
              {option.value}
            </Text>
            {hosts.has(option.value) && (
              <Text fz="xs" c="dimmed">
                {hosts.get(option.value)} host{hosts.get(option.value) === 1 ? '' : 's'}
              </Text>
            )}
          </Group>
        )}
        data-testid="metric-input"
        required
      />
      {family?.label && (
        <Autocomplete
          label={family.label}
          description={family.label_optional ? `Optional: leave empty for the host’s total.` : `Which ${family.label}.`}
          data={labelValues(family, series)}
          value={parseMetric(value)?.labels[family.label] ?? ''}
          onChange={(v) => onChange(withLabel(value, family, v))}
          disabled={disabled}
          data-testid="metric-label-input"
          maw={260}
        />
      )}
    </Group>
  );
}
