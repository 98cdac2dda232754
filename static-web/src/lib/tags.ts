// Host tags as the server validates them (functions/InfraFunctions.Core/Tags/TagRules.cs): a key is 1-64 characters of
// [A-Za-z0-9_.-] starting with a letter, a value 1-128 printable characters, at most 32 tags. Checking here first
// lets a form point at the chip that is wrong before anything is sent.

export const MAX_TAG_KEY_LENGTH = 64;
export const MAX_TAG_VALUE_LENGTH = 128;
export const MAX_TAGS = 32;

const KEY = /^[A-Za-z][A-Za-z0-9_.-]*$/;
// What .NET's char.IsControl counts: C0, DEL and C1.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const BROKEN_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function tagKeyProblem(key: string): string | null {
  if (key.length === 0 || key.length > MAX_TAG_KEY_LENGTH) return `A tag key is 1-${MAX_TAG_KEY_LENGTH} characters; '${key}' is ${key.length}.`;
  return KEY.test(key) ? null : `Tag key '${key}' must start with a letter and use only letters, digits, '_', '.' and '-'.`;
}

export function tagValueProblem(value: string): string | null {
  // Lengths in UTF-16 code units, as the server counts them.
  if (value.length === 0 || value.length > MAX_TAG_VALUE_LENGTH) return `A tag value is 1-${MAX_TAG_VALUE_LENGTH} characters; this one is ${value.length}.`;
  if (CONTROL.test(value)) return 'A tag value may not contain control characters.';
  return BROKEN_SURROGATE.test(value) ? 'A tag value must be well-formed Unicode.' : null;
}

export type ParsedTag = { key: string; value: string; error?: undefined } | { key?: undefined; value?: undefined; error: string };

/** Reads one `key=value` chip; the value may itself contain `=`. */
export function parseTag(text: string): ParsedTag {
  const equals = text.indexOf('=');
  if (equals < 0) return { error: `'${text}' is not key=value.` };
  const key = text.slice(0, equals).trim();
  const value = text.slice(equals + 1);
  const problem = tagKeyProblem(key) ?? tagValueProblem(value);
  return problem ? { error: problem } : { key, value };
}

export interface TagSet {
  tags: Record<string, string>;
  /** One sentence per chip that is not a valid tag, or per key given twice; empty when the chips can be sent. */
  errors: string[];
}

/** The tags of a list of chips, and what is wrong with them. */
export function tagsFromChips(chips: readonly string[]): TagSet {
  const tags: Record<string, string> = {};
  const errors: string[] = [];
  for (const chip of chips) {
    const parsed = parseTag(chip);
    if (parsed.error !== undefined) errors.push(parsed.error);
    else if (parsed.key in tags) errors.push(`The tag key '${parsed.key}' is given twice.`);
    else tags[parsed.key] = parsed.value;
  }
  if (chips.length > MAX_TAGS) errors.push(`${chips.length} tags; a host may have at most ${MAX_TAGS}.`);
  return { tags, errors };
}

/** Tags as chips, sorted by key: `key=value`. */
export function tagChips(tags: Record<string, string> | null | undefined): string[] {
  return Object.entries(tags ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`);
}
