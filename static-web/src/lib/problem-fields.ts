import { ApiError, describeError } from './api';

/**
 * A problem reply's field errors grouped by the form field that shows them: `fieldOf` maps a problem key (such as
 * `tags.env` or `watch[2]`) to a form field, or null when no field shows it.
 */
export function fieldErrors<F extends string>(error: unknown, fieldOf: (key: string) => F | null): Partial<Record<F, string>> {
  const errors = error instanceof ApiError ? (error.problem.errors ?? {}) : {};
  const grouped: Partial<Record<F, string[]>> = {};
  for (const [key, messages] of Object.entries(errors)) {
    const field = fieldOf(key);
    if (field) (grouped[field] ??= []).push(...messages);
  }
  return Object.fromEntries(Object.entries(grouped).map(([f, m]) => [f, (m as string[]).join(' ')])) as Partial<Record<F, string>>;
}

/** The problem's sentence for an alert, with the field errors no form field shows after it. */
export function problemSentence(error: unknown, fieldOf: (key: string) => string | null): string {
  if (!(error instanceof ApiError)) return describeError(error);
  const { title, detail, errors = {} } = error.problem;
  const others = Object.entries(errors).filter(([key]) => !fieldOf(key));
  return [detail ?? title ?? error.message, ...others.map(([key, messages]) => `${key}: ${messages.join(' ')}`)].join(' ');
}
