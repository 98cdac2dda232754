import { describe, expect, it } from 'vitest';
import { bodyOf, draftOf, draftProblems, settingField, settingText } from './agent-settings';

describe('pushed agent settings', () => {
  const merged = { watch: ['nginx'], top: 5, sample_interval_seconds: 10, collectors: ['systemd'], sources: { watch: 'host', top: 'tag env=prod', sample_interval_seconds: 'host' } };

  it('starts the form from the host scope’s own fields, not those a tag sets', () => {
    expect(draftOf(merged)).toEqual({ watch: ['nginx'], top: '', sample_interval_seconds: 10, collectors: [] });
    expect(draftOf(null)).toEqual({ watch: [], top: '', sample_interval_seconds: '', collectors: [] });
  });

  it('sends only the fields the form sets', () => {
    expect(bodyOf({ watch: [], top: 0, sample_interval_seconds: '', collectors: ['temperatures'] })).toEqual({ top: 0, collectors: ['temperatures'] });
    expect(bodyOf(draftOf(merged))).toEqual({ watch: ['nginx'], sample_interval_seconds: 10 });
  });

  it('places a problem key beside its field, including an item of a list', () => {
    expect(settingField('watch')).toBe('watch');
    expect(settingField('watch[3]')).toBe('watch');
    expect(settingField('collectors.0')).toBe('collectors');
    expect(settingField('sample_interval_seconds')).toBe('sample_interval_seconds');
    expect(settingField('host')).toBeNull();
  });

  it('checks the bounds the server checks before anything is sent', () => {
    expect(draftProblems({ watch: ['nginx'], top: 100, sample_interval_seconds: 1, collectors: ['textfile'] })).toEqual({});
    const problems = draftProblems({ watch: [' nginx'], top: 101, sample_interval_seconds: 0.5, collectors: ['gpu'] });
    expect(Object.keys(problems).sort()).toEqual(['collectors', 'sample_interval_seconds', 'top', 'watch']);
    expect(draftProblems({ watch: [], top: 2.5, sample_interval_seconds: 301, collectors: [] }).top).toContain('whole number');
  });

  it('shows a list comma-separated and an unset field as nothing', () => {
    expect(settingText({ watch: ['nginx', 'postgres'] }, 'watch')).toBe('nginx, postgres');
    expect(settingText({ top: 0 }, 'top')).toBe('0');
    expect(settingText({}, 'collectors')).toBeNull();
  });
});
