// Number formatting with units. Sizes use binary multiples, as the agent does (GB = 2^30 bytes).

const KIB = 1024;
const MIB = KIB * 1024;
const GIB = MIB * 1024;

function finite(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function formatPercent(value: number | null | undefined, digits = 1): string {
  return finite(value) ? `${value.toFixed(digits)}%` : '—';
}

/** A size already in GB, as the API reports memory and disk. */
export function formatGb(value: number | null | undefined): string {
  if (!finite(value)) return '—';
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(value >= 10 ? 1 : 2)} GB`;
}

/** A byte count, in the largest unit that keeps it above 1. */
export function formatBytes(value: number | null | undefined): string {
  if (!finite(value)) return '—';
  if (value >= GIB) return `${(value / GIB).toFixed(2)} GB`;
  if (value >= MIB) return `${(value / MIB).toFixed(1)} MB`;
  if (value >= KIB) return `${(value / KIB).toFixed(1)} KB`;
  return `${Math.round(value)} B`;
}

/** A rate in bytes per second, shown in MB/s (KB/s below 0.1 MB/s, so small rates stay readable). */
export function formatRate(bytesPerSec: number | null | undefined): string {
  if (!finite(bytesPerSec)) return '—';
  if (bytesPerSec >= 0.1 * MIB) return `${(bytesPerSec / MIB).toFixed(bytesPerSec >= 100 * MIB ? 0 : 2)} MB/s`;
  if (bytesPerSec >= KIB) return `${(bytesPerSec / KIB).toFixed(1)} KB/s`;
  return `${Math.round(bytesPerSec)} B/s`;
}

export function formatMb(value: number | null | undefined): string {
  return finite(value) ? `${value.toFixed(1)} MB` : '—';
}

export function formatScore(value: number | null | undefined): string {
  return finite(value) ? value.toFixed(1) : '—';
}

export function formatNumber(value: number | null | undefined, digits = 2): string {
  return finite(value) ? value.toFixed(digits) : '—';
}

/** "12 s ago", "5 min ago", "3 h ago", "2 d ago". */
export function formatAgo(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return 'never';
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return 'unknown';
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86400)} d ago`;
}

/** A UTC timestamp in the reader's locale, with seconds. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** A reading in °C with one decimal. */
export function formatCelsius(value: number | null | undefined): string {
  return finite(value) ? `${value.toFixed(1)} °C` : '—';
}

/** A custom series' value as written: integers whole, fractions to at most three decimals. */
export function formatMetricValue(value: number | null | undefined): string {
  if (!finite(value)) return '—';
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(3)));
}

/** A custom series' value on a chart axis: thousands, millions and billions shortened to k, M and G. */
export function formatAxisValue(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${formatMetricValue(value / 1e9)}G`;
  if (abs >= 1e6) return `${formatMetricValue(value / 1e6)}M`;
  if (abs >= 1e4) return `${formatMetricValue(value / 1e3)}k`;
  return formatMetricValue(value);
}
