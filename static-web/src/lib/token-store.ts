// The reader token: taken from a #token= fragment (then removed from the address bar) or typed in,
// and kept in localStorage so it survives a reload; README "Security" says who can read it.

const KEY = 'infrafunctions.token';

export function readStoredToken(storage: Storage = localStorage): string | null {
  return storage.getItem(KEY);
}

export function storeToken(token: string | null, storage: Storage = localStorage): void {
  if (token) storage.setItem(KEY, token);
  else storage.removeItem(KEY);
}

/** Takes `token` out of the fragment and rewrites the URL without it, so it never stays in history. */
export function takeTokenFromFragment(location: Location = window.location, history: History = window.history): string | null {
  const hash = location.hash.replace(/^#/, '');
  if (!hash) return null;
  const params = new URLSearchParams(hash);
  const token = params.get('token');
  if (!token) return null;
  params.delete('token');
  const rest = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
  return token.trim() || null;
}
