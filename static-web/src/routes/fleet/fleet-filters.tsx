import { Group, Select, TextInput } from '@mantine/core';
import { HOST_STATUSES } from '../../lib/health';
import { labelledOptions, plainOptions } from '../../lib/options';

export type SortKey = 'status' | 'name' | 'score' | 'cpu' | 'memory' | 'disk' | 'last_seen';

const SORTS = labelledOptions<SortKey>({
  status: 'Status (worst first)',
  name: 'Name',
  score: 'Health score (lowest first)',
  cpu: 'CPU (highest first)',
  memory: 'Memory (highest first)',
  disk: 'Disk (highest first)',
  last_seen: 'Last seen (oldest first)',
});
const STATUSES = plainOptions(HOST_STATUSES);

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
        data={STATUSES}
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
