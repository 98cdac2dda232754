// A rule's metric as text, as the server reads and writes it (functions/InfraFunctions.Core/Rules/MetricPath.cs): a
// name and optional labels, `disk.percent{mount=/data}`; labels sorted by key, and a value quoted when it holds
// , { } " = or \ (with \ and " escaped inside the quotes).

export interface MetricText {
  name: string;
  labels: Record<string, string>;
}

const NEEDS_QUOTES = /[,{}"=\\]/;

/** Reads `name{k=v,...}`; null when it is not that shape (the server then says what is wrong). */
export function parseMetric(text: string): MetricText | null {
  const brace = text.indexOf('{');
  const name = (brace < 0 ? text : text.slice(0, brace)).trim();
  if (!name) return null;
  const labels: Record<string, string> = {};
  if (brace < 0) return { name, labels };
  if (!text.endsWith('}')) return null;
  const inner = text.slice(brace + 1, -1);
  let i = 0;
  while (i < inner.length) {
    const eq = inner.indexOf('=', i);
    if (eq <= i) return null;
    const key = inner.slice(i, eq).trim();
    let value = '';
    i = eq + 1;
    if (inner[i] === '"') {
      for (i++; i < inner.length && inner[i] !== '"'; i++) value += inner[i] === '\\' && i + 1 < inner.length ? inner[++i] : inner[i];
      if (i >= inner.length) return null;
      i++;
    } else {
      for (; i < inner.length && inner[i] !== ','; i++) value += inner[i];
    }
    if (!key || !value) return null;
    labels[key] = value;
    if (i < inner.length && inner[i++] !== ',') return null;
  }
  return { name, labels };
}

/** The canonical text of a name and labels. */
export function formatMetric(name: string, labels: Record<string, string> = {}): string {
  const keys = Object.keys(labels)
    .filter((k) => labels[k] !== '')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (!keys.length) return name;
  const quoted = (v: string) => (NEEDS_QUOTES.test(v) ? `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : v);
  return `${name}{${keys.map((k) => `${k}=${quoted(labels[k])}`).join(',')}}`;
}
