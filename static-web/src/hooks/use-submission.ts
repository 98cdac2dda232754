import { useCallback, useState } from 'react';

/**
 * One request a form or dialog sends: `action` names the one running (`busy` while any runs, for forms with more
 * than one button), and `error` keeps the failure it ended with until the next attempt, for the form to show beside
 * its fields. After a success `busy` stays set, since the caller moves on (closes, or shows the result); `reset`
 * clears both. `fail` records a failure from outside a submission (the form's own load) in the same place.
 */
export function useSubmission<A extends string = 'submit'>() {
  const [action, setAction] = useState<A>();
  const [error, setError] = useState<unknown>();
  const run = useCallback(async (task: () => Promise<unknown>, which?: A) => {
    setAction(which ?? ('submit' as A));
    setError(undefined);
    try {
      await task();
    } catch (e) {
      setError(e);
      setAction(undefined);
    }
  }, []);
  const reset = useCallback(() => {
    setAction(undefined);
    setError(undefined);
  }, []);
  return { busy: action !== undefined, action, error, run, reset, fail: setError };
}
