import { Group, Select, TextInput } from '@mantine/core';
import { HOST_STATUSES } from '../../lib/health';

export type SortKey = 'status' | 'name' | 'score' | 'cpu' | 'memory' | 'disk' | 'last_seen';

const SORTS: { value: SortKey; label: string }[] = [
  { value: 'status', label: 'Status (worst first)' },
  { value: 'name', label: 'Name' },
  { value: 'score', label: 'Health score (lowest first)' },
  { value: 'cpu', label: 'CPU (highest first)' },
  { value: 'memory', label: 'Memory (highest first)' },
  { value: 'disk', label: 'Disk (highest first)' },
  { value: 'last_seen', label: 'Last seen (oldest first)' },
];

interface FleetFiltersProps {
  query: string;
  onQuery: (v: string) => void;
  status: string | null;
  onStatus: (v: string | null) => void;
  sort: SortKey;
  onSort: (v: SortKey) => void;
}

export function FleetFilters({ query, onQuery, status, onStatus, sort, onSort }: FleetFiltersProps) {
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput label="Filter by name" placeholder="hostname or id" value={query} onChange={(e) => onQuery(e.currentTarget.value)} w={{ base: '100%', xs: 220 }} />
      <Select
        label="Status"
        placeholder="Any status"
        data={HOST_STATUSES.map((s) => ({ value: s, label: s }))}
        value={status}
        onChange={onStatus}
        clearable
        w={{ base: '100%', xs: 160 }}
      />
      <Select
        label="Sort by"
        data={SORTS}
        value={sort}
        onChange={(v) => onSort((v as SortKey) ?? 'status')}
        allowDeselect={false}
        w={{ base: '100%', xs: 220 }}
      />
    </Group>
  );
}
