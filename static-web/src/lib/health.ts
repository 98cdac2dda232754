import type { HealthLevel, HostStatus, Thresholds } from './types';

// Levels and colours of the health score (README "Health"): 90-100 healthy (green), 70-89 degraded (yellow),
// 50-69 warning (orange), 0-49 critical (red). A silent host is down (grey).

export const DEFAULT_THRESHOLDS: Thresholds = {
  cpu_warning: 70,
  cpu_critical: 90,
  memory_warning: 75,
  memory_critical: 90,
  disk_warning: 80,
  disk_critical: 95,
};

export type ThresholdLevel = 'ok' | 'warning' | 'critical';

export function thresholdLevel(value: number, warning: number, critical: number): ThresholdLevel {
  if (value >= critical) return 'critical';
  if (value >= warning) return 'warning';
  return 'ok';
}

const thresholdColors: Record<ThresholdLevel, string> = { ok: 'teal', warning: 'orange', critical: 'red' };

export function thresholdColor(value: number, warning: number, critical: number): string {
  return thresholdColors[thresholdLevel(value, warning, critical)];
}

export function thresholdLabel(level: ThresholdLevel): string {
  return level === 'ok' ? 'normal' : level;
}

export function healthLevel(score: number): HealthLevel {
  if (score >= 90) return 'healthy';
  if (score >= 70) return 'degraded';
  if (score >= 50) return 'warning';
  return 'critical';
}

const statusColors: Record<HostStatus | HealthLevel, string> = {
  healthy: 'green',
  degraded: 'yellow',
  warning: 'orange',
  critical: 'red',
  down: 'gray',
};

export function statusColor(status: HostStatus | HealthLevel | string): string {
  return statusColors[status as HostStatus | HealthLevel] ?? 'gray';
}

/** The words a host's status can take; 'warning' is only ever a score's level. */
export const HOST_STATUSES: HostStatus[] = ['healthy', 'degraded', 'critical', 'down'];

/** Worst first: the order a fleet is sorted in by status. */
export function statusRank(status: HostStatus | string): number {
  const order = ['down', 'critical', 'warning', 'degraded', 'healthy'];
  const index = order.indexOf(status);
  return index < 0 ? order.length : index;
}
