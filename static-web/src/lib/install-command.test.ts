import { describe, expect, it } from 'vitest';
import { basesFromInstallCommand, defaultBases, installCommand, shellWord } from './install-command';

const served = 'curl -fsSL https://dash.example/agent/install.sh | sudo bash -s -- --endpoint https://func.example --key ifa_abc.def';

describe('install commands', () => {
  it('reads the download and API bases from the server’s install command', () => {
    expect(basesFromInstallCommand(served)).toEqual({ download: 'https://dash.example', api: 'https://func.example' });
    expect(basesFromInstallCommand('curl -fsSL http://127.0.0.1:7071/agent/install.sh | sudo bash -s -- --endpoint http://127.0.0.1:7071/ --key k')).toEqual({
      download: 'http://127.0.0.1:7071',
      api: 'http://127.0.0.1:7071',
    });
    expect(basesFromInstallCommand('something else')).toBeNull();
    expect(basesFromInstallCommand(undefined)).toBeNull();
  });

  it('renders the enrollment form of the one-line command with the same bases', () => {
    const bases = basesFromInstallCommand(served)!;
    expect(installCommand(bases, { enroll: 'ife_tok.secret' })).toBe(
      'curl -fsSL https://dash.example/agent/install.sh | sudo bash -s -- --endpoint https://func.example --enroll ife_tok.secret',
    );
    expect(installCommand(bases, { key: 'ifa_abc.def' })).toBe(served);
  });

  it('without a server command, takes /agent/ from this origin and the API from the configured base URL', () => {
    expect(defaultBases('https://dash.example/', 'https://func.example/')).toEqual({ download: 'https://dash.example', api: 'https://func.example' });
    expect(defaultBases('http://127.0.0.1:7071', '')).toEqual({ download: 'http://127.0.0.1:7071', api: 'http://127.0.0.1:7071' });
  });

  it('quotes a word for the shell only when it needs quoting, and quotes a quote safely', () => {
    expect(shellWord('ife_a-b.C9')).toBe('ife_a-b.C9');
    expect(shellWord("it's $x")).toBe(`'it'\\''s $x'`);
    expect(basesFromInstallCommand(installCommand({ download: 'https://d.example/my dash', api: 'https://f.example' }, { key: 'k' }))).toEqual({
      download: 'https://d.example/my dash',
      api: 'https://f.example',
    });
  });
});
