import { Badge, type BadgeProps } from '@mantine/core';
import { statusColor } from '../../lib/health';

/** A host status or health level as a coloured badge that also says it in words. */
export function StatusBadge({ status, stale, ...props }: { status: string; stale?: boolean } & BadgeProps) {
  return (
    <Badge color={statusColor(status)} variant="filled" aria-label={`Status: ${status}${stale ? ', stale' : ''}`} {...props}>
      {status}
      {stale ? ' · stale' : ''}
    </Badge>
  );
}

export function ScoreBadge({ score, level }: { score: number; level: string }) {
  return (
    <Badge color={statusColor(level)} variant="light" aria-label={`Health score ${score.toFixed(1)}, ${level}`}>
      {score.toFixed(0)} · {level}
    </Badge>
  );
}
