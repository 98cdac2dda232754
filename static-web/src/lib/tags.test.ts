import { describe, expect, it } from 'vitest';
import { parseTag, tagChips, tagKeyProblem, tagsFromChips, tagValueProblem } from './tags';

describe('tag validation', () => {
  it('accepts keys that start with a letter and use letters, digits, _ . - up to 64 characters', () => {
    for (const key of ['env', 'a', 'Role_2', 'k8s.io-zone', 'x'.repeat(64)]) expect(tagKeyProblem(key)).toBeNull();
  });

  it('refuses keys that are empty, too long, start with a non-letter or hold other characters', () => {
    for (const key of ['', 'x'.repeat(65), '1env', '_env', 'env:prod', 'en v', 'ümlaut']) expect(tagKeyProblem(key)).not.toBeNull();
  });

  it('accepts 1-128 printable characters as a value, including spaces, "=" and non-ASCII', () => {
    for (const value of ['prod', 'a b', 'x=y', 'zürich 🌍', 'v'.repeat(128)]) expect(tagValueProblem(value)).toBeNull();
  });

  it('refuses empty, overlong, control-character and broken-surrogate values', () => {
    for (const value of ['', 'v'.repeat(129), 'a\tb', 'line\n', '\u007f', 'a\ud800']) expect(tagValueProblem(value)).not.toBeNull();
  });
});

describe('tag chips', () => {
  it('splits a chip at its first "=" so the value may hold one', () => {
    expect(parseTag('query=a=b')).toEqual({ key: 'query', value: 'a=b' });
    expect(parseTag('env').error).toContain('not key=value');
  });

  it('collects the tags of valid chips and one sentence per bad chip or repeated key', () => {
    const { tags, errors } = tagsFromChips(['env=prod', 'role=web', '9x=1', 'env=dev']);
    expect(tags).toEqual({ env: 'prod', role: 'web' });
    expect(errors).toHaveLength(2);
    expect(errors[1]).toContain("'env' is given twice");
  });

  it('refuses more than 32 tags, as the server does', () => {
    const chips = Array.from({ length: 33 }, (_, i) => `k${i}=v`);
    expect(tagsFromChips(chips).errors.at(-1)).toContain('at most 32');
  });

  it('shows stored tags as chips sorted by key', () => {
    expect(tagChips({ zone: 'b', env: 'prod' })).toEqual(['env=prod', 'zone=b']);
    expect(tagChips(null)).toEqual([]);
  });
});
