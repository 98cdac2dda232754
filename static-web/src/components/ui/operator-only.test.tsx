import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { withRole } from '../../test/role-harness';
import { canOperate, roleOf } from '../../hooks/use-role';
import { OperatorOnly } from './operator-only';

describe('role gating', () => {
  it('shows operator controls to an operator only', () => {
    render(withRole('operator', <OperatorOnly><button>Add host</button></OperatorOnly>));
    expect(screen.getByRole('button', { name: 'Add host' })).toBeTruthy();
  });

  it('hides operator controls from a reader, and from a token whose role is unknown, without a note', () => {
    const { unmount } = render(withRole('reader', <OperatorOnly><button>Add host</button></OperatorOnly>));
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByTestId('operator-note')).toBeNull();
    unmount();
    render(withRole(null, <OperatorOnly><button>Add host</button></OperatorOnly>));
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('tells a reader an operator-only page needs the operator role, naming the token', () => {
    render(withRole('reader', <OperatorOnly what="Managing agent keys"><button>Revoke</button></OperatorOnly>, 'on-call'));
    const note = screen.getByTestId('operator-note').textContent;
    expect(note).toContain('Managing agent keys needs the operator role');
    expect(note).toContain('(on-call) is a reader token');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('grants the operator role only for the exact word the API sends', () => {
    expect(roleOf({ role: 'operator', name: 'x', token_id: 't' })).toBe('operator');
    expect(roleOf({ role: 'reader', name: 'x', token_id: 't' })).toBe('reader');
    expect(roleOf({ role: 'Operator', name: 'x', token_id: 't' })).toBeNull();
    expect(roleOf(undefined)).toBeNull();
    expect(canOperate('operator')).toBe(true);
    expect(canOperate('reader')).toBe(false);
    expect(canOperate(null)).toBe(false);
  });
});
