import { Button, Group, Select, TagsInput, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { AlertFilters } from '../../lib/fleet-alert-types';
import { tagKeyProblem, tagValueProblem } from '../../lib/tags';

const SEVERITIES = [
  { value: 'critical', label: 'Critical' },
  { value: 'warning', label: 'Warning' },
];

export const STATE_LABELS = [
  { value: 'open', label: 'Open' },
  { value: 'acknowledged', label: 'Acknowledged' },
  { value: 'silenced', label: 'Silenced' },
  { value: 'flapping', label: 'Flapping' },
  { value: 'no_data', label: 'No data' },
  { value: 'resolved', label: 'Resolved' },
];

/** What is wrong with a `key:value` tag selector, as the server checks it; null when it can be sent. */
export function selectorProblem(text: string): string | null {
  const colon = text.indexOf(':');
  if (colon < 0) return `'${text}' is not key:value, such as env:prod.`;
  return tagKeyProblem(text.slice(0, colon).trim()) ?? tagValueProblem(text.slice(colon + 1));
}

/** The filters of the alerts list; each change asks the server again (the host once typed, on Enter or leaving the field). */
export function AlertFiltersBar({ filters, onChange }: { filters: AlertFilters; onChange: (next: AlertFilters) => void }) {
  const [host, setHost] = useState(filters.host ?? '');
  const [tagError, setTagError] = useState<string>();
  const commitHost = () => {
    const value = host.trim() || null;
    if (value !== filters.host) onChange({ ...filters, host: value });
  };
  const setTags = (chips: string[]) => {
    const bad = chips.map(selectorProblem).find((p) => p !== null);
    setTagError(bad ?? undefined);
    if (!bad) onChange({ ...filters, tags: chips });
  };
  const any = filters.severity || filters.state || filters.host || filters.tags.length > 0;
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" data-testid="alert-filters">
      <Select
        label="Severity"
        placeholder="Any"
        data={SEVERITIES}
        value={filters.severity}
        onChange={(v) => onChange({ ...filters, severity: (v as AlertFilters['severity']) ?? null })}
        clearable
        w={140}
      />
      <Select
        label="State"
        placeholder="Any"
        data={STATE_LABELS}
        value={filters.state}
        onChange={(v) => onChange({ ...filters, state: (v as AlertFilters['state']) ?? null })}
        clearable
        w={170}
      />
      <TextInput
        label="Host"
        placeholder="Any host"
        value={host}
        onChange={(e) => setHost(e.currentTarget.value)}
        onBlur={commitHost}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commitHost();
        }}
        w={200}
      />
      <TagsInput
        label="Tags"
        placeholder={filters.tags.length ? '' : 'env:prod, Enter'}
        value={filters.tags}
        onChange={setTags}
        splitChars={[]}
        acceptValueOnBlur
        error={tagError}
        miw={220}
        maw={420}
        data-testid="alert-tag-filter"
      />
      {any && (
        <Button
          variant="subtle"
          size="sm"
          onClick={() => {
            setHost('');
            setTagError(undefined);
            onChange({ severity: null, state: null, host: null, tags: [] });
          }}
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}
