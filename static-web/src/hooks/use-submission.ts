import { useCallback, useState } from 'react';

/**
 * One request a form or dialog sends: `busy` while it runs, and the failure it ended with (kept until the next
 * attempt, for the form to show beside its fields). After a success `busy` stays set, since the caller moves on
 * (closes, or shows the result); `reset` clears both.
 */
export function useSubmission() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = useCallback(async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }, []);
  const reset = useCallback(() => {
    setBusy(false);
    setError(undefined);
  }, []);
  return { busy, error, run, reset };
}
