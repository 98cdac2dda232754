import { describe, expect, it } from 'vitest';
import { alertsHref, parseRoute, rulesHref } from './use-route';

describe('the alerting pages’ addresses', () => {
  it('opens each alerting page from its address', () => {
    expect(parseRoute('/alerts').page).toBe('alerts');
    expect(parseRoute('/rules')).toEqual({ page: 'rules', edit: null });
    expect(parseRoute('/silences')).toEqual({ page: 'silences' });
    expect(parseRoute('/channels')).toEqual({ page: 'channels' });
  });

  it('keeps the alert filters in the address and reads them back the same', () => {
    const filters = { severity: 'warning' as const, state: 'no_data' as const, host: 'web/1', tags: ['env:prod', 'role:db'] };
    const href = alertsHref(filters);
    expect(href).toBe('/alerts?severity=warning&state=no_data&host=web%2F1&tag=env%3Aprod&tag=role%3Adb');
    expect(parseRoute(href)).toEqual({ page: 'alerts', filters });
    expect(alertsHref({ severity: null, state: null, host: null, tags: [] })).toBe('/alerts');
  });

  it('opens a rule’s editor, or a new one, from the address', () => {
    expect(parseRoute(rulesHref('rule-0123456789ab'))).toEqual({ page: 'rules', edit: 'rule-0123456789ab' });
    expect(parseRoute(rulesHref('new'))).toEqual({ page: 'rules', edit: 'new' });
    expect(rulesHref()).toBe('/rules');
  });
});
