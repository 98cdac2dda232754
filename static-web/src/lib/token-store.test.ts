import { describe, expect, it, vi } from 'vitest';
import { readStoredToken, storeToken, takeTokenFromFragment } from './token-store';

describe('token from the URL fragment', () => {
  it('is taken and removed from the address bar, keeping the path, query and other fragment parts', () => {
    const replaceState = vi.fn();
    const location = { hash: '#token=abc%2B1&x=2', pathname: '/host', search: '?id=web-1' } as Location;
    const token = takeTokenFromFragment(location, { state: null, replaceState } as unknown as History);
    expect(token).toBe('abc+1');
    expect(replaceState).toHaveBeenCalledWith(null, '', '/host?id=web-1#x=2');
  });

  it('leaves the URL alone when there is no token', () => {
    const replaceState = vi.fn();
    expect(takeTokenFromFragment({ hash: '#other=1', pathname: '/', search: '' } as Location, { replaceState } as unknown as History)).toBeNull();
    expect(replaceState).not.toHaveBeenCalled();
  });

  it('is kept in localStorage until cleared', () => {
    storeToken('t-1');
    expect(readStoredToken()).toBe('t-1');
    storeToken(null);
    expect(readStoredToken()).toBeNull();
  });
});
