/** What a service alert is about, from its metric (`systemd_unit:<unit>`, `check:<name>`, `certificate:<name>`). */
export interface AlertSubject {
  kind: 'systemd unit' | 'check' | 'certificate';
  name: string;
}

const KINDS: [string, AlertSubject['kind']][] = [
  ['systemd_unit:', 'systemd unit'],
  ['check:', 'check'],
  ['certificate:', 'certificate'],
];

/** The unit or check an alert names; null for a resource alert (cpu, memory, disk), which its message says in full. */
export function alertSubject(metric: string): AlertSubject | null {
  for (const [prefix, kind] of KINDS) if (metric.startsWith(prefix)) return { kind, name: metric.slice(prefix.length) };
  return null;
}
