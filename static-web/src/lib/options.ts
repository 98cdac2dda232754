/** A choice of a Select, SegmentedControl or tab list: the value kept in state or the URL, and the words shown. */
export interface Option<T extends string> {
  value: T;
  label: string;
}

/** Choices from a map of value to label, in the map's order. */
export function labelledOptions<T extends string>(labels: Record<T, string>): Option<T>[] {
  return (Object.entries(labels) as [T, string][]).map(([value, label]) => ({ value, label }));
}

/** Choices whose value is also their label. */
export function plainOptions<T extends string>(values: readonly T[]): Option<T>[] {
  return values.map((value) => ({ value, label: value }));
}

/** Whether a string from outside (the URL) is one of the choices. */
export function isOption<T extends string>(options: readonly Option<T>[], value: string | null | undefined): value is T {
  return options.some((o) => o.value === value);
}
