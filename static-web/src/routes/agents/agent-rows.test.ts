import { describe, expect, it } from 'vitest';
import type { AgentView, EnrollmentTokenView } from '../../lib/agent-types';
import { byRevokedThenNewest, enrolledText, rotationText, tokenState } from './agent-rows';

const now = Date.parse('2026-12-01T12:00:00Z');
const agent = (patch: Partial<AgentView>): AgentView => ({ agent_id: 'a1', name: 'web-1', host_ids: ['web-1'], created: '2026-11-01T00:00:00Z', revoked: false, ...patch });
const token = (patch: Partial<EnrollmentTokenView>): EnrollmentTokenView => ({ token_id: 't1', name: 'rollout', expires_at: '2026-12-02T00:00:00Z', hosts_enrolled: 0, revoked: false, ...patch });

describe('agent rows', () => {
  it('says whether a rotated key’s old key still works', () => {
    expect(rotationText(agent({ old_key_expires_at: '2026-12-01T13:00:00Z' }), now)).toContain('old key works until');
    expect(rotationText(agent({ old_key_expires_at: '2026-12-01T11:00:00Z' }), now)).toContain('old key refused since');
    expect(rotationText(agent({}), now)).toBe('—');
  });

  it('lists revoked keys after the others, newest first', () => {
    const rows = byRevokedThenNewest([agent({ agent_id: 'old', created: '2026-01-01' }), agent({ agent_id: 'gone', revoked: true, created: '2026-12-01' }), agent({ agent_id: 'new', created: '2026-11-30' })]);
    expect(rows.map((r) => r.agent_id)).toEqual(['new', 'old', 'gone']);
  });
});

describe('enrollment token rows', () => {
  it('is revoked, expired, used up or active, in that order of precedence', () => {
    expect(tokenState(token({ revoked: true, expires_at: '2026-01-01T00:00:00Z' }), now)).toBe('revoked');
    expect(tokenState(token({ expires_at: '2026-12-01T12:00:00Z' }), now)).toBe('expired');
    expect(tokenState(token({ expired: true }), now)).toBe('expired');
    expect(tokenState(token({ max_hosts: 2, hosts_enrolled: 2 }), now)).toBe('used up');
    expect(tokenState(token({ max_hosts: 2, hosts_enrolled: 1 }), now)).toBe('active');
  });

  it('counts enrolled hosts against the limit when there is one', () => {
    expect(enrolledText(token({ max_hosts: 10, hosts_enrolled: 3 }))).toBe('3 of 10');
    expect(enrolledText(token({ hosts_enrolled: 4 }))).toBe('4');
  });
});
