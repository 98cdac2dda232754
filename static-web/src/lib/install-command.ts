// The one-line install commands the dashboard shows. The server's own install_command is the source of truth for
// where /agent/ is served and where the agent posts (Agent__DownloadBaseUrl, Agent__ApiBaseUrl); without one, the
// dashboard's own origin serves /agent/ and the API is at the configured api_base_url.

export interface InstallBases {
  /** Where /agent/install.sh is served, without a trailing slash. */
  download: string;
  /** The API base the agent posts to, without a trailing slash. */
  api: string;
}

const trim = (url: string) => url.replace(/\/+$/, '');

/** Quotes a word for a POSIX shell only when it needs it. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

const unquote = (word: string) => (word.startsWith("'") && word.endsWith("'") ? word.slice(1, -1).replace(/'\\''/g, "'") : word);

/** The download and API bases an install command names, or null when it is not the expected form. */
export function basesFromInstallCommand(command: string | null | undefined): InstallBases | null {
  const match = /curl\s+-fsSL\s+(?:'([^']*)\/agent\/install\.sh'|(\S+?)\/agent\/install\.sh)\s.*?\s--endpoint\s+('[^']*'|\S+)/.exec(command ?? '');
  if (!match) return null;
  return { download: trim(match[1] ?? match[2]), api: trim(unquote(match[3])) };
}

/** The dashboard's own guess: this origin serves /agent/; the API is the configured base URL, else this origin. */
export function defaultBases(origin: string, apiBase: string): InstallBases {
  return { download: trim(origin), api: trim(apiBase) || trim(origin) };
}

export type InstallCredential = { key: string } | { enroll: string };

/** `curl -fsSL <download>/agent/install.sh | sudo bash -s -- --endpoint <api> --key <key>` (or `--enroll <token>`). */
export function installCommand(bases: InstallBases, credential: InstallCredential): string {
  const [flag, secret] = 'key' in credential ? ['--key', credential.key] : ['--enroll', credential.enroll];
  return `curl -fsSL ${shellWord(`${trim(bases.download)}/agent/install.sh`)} | sudo bash -s -- --endpoint ${shellWord(trim(bases.api))} ${flag} ${shellWord(secret)}`;
}
