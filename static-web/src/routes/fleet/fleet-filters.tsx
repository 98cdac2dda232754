import { ActionIcon, Group, SegmentedControl, Select, TagsInput, TextInput, Tooltip } from '@mantine/core';
import { HOST_STATUSES } from '../../lib/health';
import { labelledOptions, plainOptions } from '../../lib/options';
import type { FleetControls, FleetView } from './fleet-controls';
import { tagFiltersOf } from './fleet-sort';

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
const VIEWS = labelledOptions<FleetView>({ cards: 'Cards', table: 'Table' });

interface FleetFiltersProps {
  controls: FleetControls;
  onChange: (patch: Partial<FleetControls>) => void;
  /** The tag keys the fleet's hosts carry (to group by). */
  tagKeys: string[];
  /** The fleet's `key:value` pairs, offered as the tag filter is typed. */
  tagPairs: string[];
}

export function FleetFilters({ controls, onChange, tagKeys, tagPairs }: FleetFiltersProps) {
  const { error: tagError } = tagFiltersOf(controls.tags);
  // A grouping key no host carries any more stays selectable, so the choice is never dropped silently.
  const groupKeys = controls.groupBy && !tagKeys.includes(controls.groupBy) ? [...tagKeys, controls.groupBy] : tagKeys;
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        label="Filter by name"
        placeholder="hostname or id"
        value={controls.query}
        onChange={(e) => onChange({ query: e.currentTarget.value })}
        w={{ base: '100%', xs: 200 }}
        data-testid="fleet-query"
      />
      <Select label="Status" placeholder="Any status" data={STATUSES} value={controls.status} onChange={(status) => onChange({ status })} clearable w={{ base: '100%', xs: 150 }} />
      <TagsInput
        label="Filter by tag"
        placeholder={controls.tags.length ? '' : 'env:prod'}
        data={tagPairs}
        value={controls.tags}
        onChange={(tags) => onChange({ tags })}
        // A tag value may hold a comma or a space, so only Enter (or a pick from the list) ends a chip.
        splitChars={[]}
        acceptValueOnBlur
        clearable
        error={tagError}
        w={{ base: '100%', xs: 260 }}
        data-testid="fleet-tag-filter"
        aria-description="key:value, press Enter after each; a host must carry every tag."
      />
      <Select
        label="Group by tag"
        placeholder="No grouping"
        data={groupKeys}
        value={controls.groupBy}
        onChange={(groupBy) => onChange({ groupBy })}
        clearable
        disabled={groupKeys.length === 0}
        w={{ base: '100%', xs: 160 }}
        data-testid="fleet-group-by"
      />
      <Group gap={4} align="flex-end" wrap="nowrap">
        <Select
          label="Sort by"
          data={SORTS}
          value={controls.sort}
          onChange={(v) => onChange({ sort: (v as SortKey) ?? 'status', reversed: false })}
          allowDeselect={false}
          w={{ base: '100%', xs: 210 }}
        />
        <Tooltip label={controls.reversed ? 'Reversed: click for the usual order' : 'Reverse the order'}>
          <ActionIcon
            variant={controls.reversed ? 'filled' : 'default'}
            size="input-sm"
            aria-label="Reverse the order"
            aria-pressed={controls.reversed}
            onClick={() => onChange({ reversed: !controls.reversed })}
          >
            ⇅
          </ActionIcon>
        </Tooltip>
      </Group>
      <SegmentedControl aria-label="View" data={VIEWS} value={controls.view} onChange={(v) => onChange({ view: v as FleetView })} data-testid="fleet-view" />
    </Group>
  );
}
