import { Badge, Group } from '@mantine/core';
import { memo } from 'react';
import { tagChips } from '../../lib/tags';

/** A host's tags as small `key=value` badges, sorted by key; nothing for a host without tags. */
function TagBadgesView({ tags }: { tags: Record<string, string> | undefined }) {
  const chips = tagChips(tags);
  if (chips.length === 0) return null;
  return (
    <Group gap={4} wrap="wrap" data-testid="host-tags" aria-label="Tags">
      {chips.map((chip) => (
        <Badge key={chip} size="xs" variant="outline" color="gray" tt="none" fw={500} style={{ maxWidth: '100%' }}>
          {chip}
        </Badge>
      ))}
    </Group>
  );
}

export const TagBadges = memo(TagBadgesView);
