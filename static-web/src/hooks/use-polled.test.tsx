import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { usePolled } from './use-polled';

describe('usePolled', () => {
  it('loads, then polls, keeping the last good data when a poll fails', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let n = 0;
    const fetcher = vi.fn(async () => {
      n++;
      if (n === 2) throw new Error('blip');
      return n;
    });
    const { result } = renderHook(() => usePolled('k', fetcher, 5_000));
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.data).toBe(1));
    await act(async () => vi.advanceTimersByTime(5_000));
    await waitFor(() => expect(result.current.error).toBeInstanceOf(Error));
    expect(result.current.data).toBe(1);
    await act(async () => vi.advanceTimersByTime(5_000));
    await waitFor(() => expect(result.current.data).toBe(3));
    expect(result.current.error).toBeUndefined();
    vi.useRealTimers();
  });

  it('waits for a reply slower than the poll interval instead of aborting and re-sending it', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const signals: AbortSignal[] = [];
    const fetcher = vi.fn(
      (signal: AbortSignal) =>
        new Promise<string>((resolve) => {
          signals.push(signal);
          setTimeout(() => resolve('slow'), 12_000);
        }),
    );
    const { result } = renderHook(() => usePolled('k', fetcher, 5_000));
    await act(async () => vi.advanceTimersByTime(11_000));
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(signals[0].aborted).toBe(false);
    await act(async () => vi.advanceTimersByTime(1_000));
    await waitFor(() => expect(result.current.data).toBe('slow'));
    vi.useRealTimers();
  });

  it('never shows the previous key’s data under a new key', async () => {
    const { result, rerender } = renderHook(({ key }) => usePolled(key, async () => key, null), { initialProps: { key: 'a' } });
    await waitFor(() => expect(result.current.data).toBe('a'));
    rerender({ key: 'b' });
    expect(result.current.data).toBeUndefined();
    await waitFor(() => expect(result.current.data).toBe('b'));
  });

  it('applies local (live) updates without a request', async () => {
    const fetcher = vi.fn(async () => [1]);
    const { result } = renderHook(() => usePolled('k', fetcher, null));
    await waitFor(() => expect(result.current.data).toEqual([1]));
    act(() => result.current.mutate((d) => [...(d ?? []), 2]));
    expect(result.current.data).toEqual([1, 2]);
    expect(fetcher).toHaveBeenCalledTimes(1);
  });
});
