export interface SilenceMatchers {
  host: string | null;
  tags: Record<string, string> | null;
  rule_id: string | null;
}

export interface SilenceWindow {
  starts_at: string;
  ends_at: string;
}

export interface Silence {
  id: string;
  matchers: SilenceMatchers;
  starts_at: string | null;
  ends_at: string | null;
  cron: string | null;
  duration_minutes: number | null;
  time_zone: string | null;
  comment: string | null;
  created_by: string | null;
  created_at: string;
  active: boolean;
  current_window: SilenceWindow | null;
  next_window: SilenceWindow | null;
}

/** One-off (`starts_at`/`ends_at`) or recurring (`cron` + `duration_minutes` + `time_zone`). */
export interface SilenceBody {
  matchers: Partial<SilenceMatchers>;
  starts_at?: string;
  ends_at?: string;
  cron?: string;
  duration_minutes?: number;
  time_zone?: string;
  comment?: string;
}

export interface SilencesResponse {
  status: string;
  count?: number;
  silences: Silence[];
}

export interface SilenceResponse {
  status: string;
  silence: Silence;
}
