import type { AlertView } from './types';

/** An alert as the fleet-wide alerts list returns it: its rule, held and silenced state, and its host's tags. */
export interface FleetAlert extends AlertView {
  rule_id?: string | null;
  rule_name?: string | null;
  channels?: string[] | null;
  no_data?: boolean;
  flapping?: boolean;
  held_for?: string | null;
  silence_id?: string | null;
  silenced?: boolean;
  tags?: Record<string, string> | null;
}

export interface FleetAlertsResponse {
  status: string;
  count?: number;
  alerts: FleetAlert[];
}

export const ALERT_STATES = ['open', 'acknowledged', 'silenced', 'flapping', 'no_data', 'resolved'] as const;
export type AlertStateFilter = (typeof ALERT_STATES)[number];

/** The server-side filters of the alerts list; empty ones are left out of the query. */
export interface AlertFilters {
  severity: 'warning' | 'critical' | null;
  state: AlertStateFilter | null;
  host: string | null;
  /** `key:value` selectors, all of which must match. */
  tags: string[];
}
