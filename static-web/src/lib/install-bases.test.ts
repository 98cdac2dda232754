import { afterEach, describe, expect, it, vi } from 'vitest';

/** A fresh copy of the module, since the bases it learned are kept for the page's lifetime. */
async function fresh() {
  vi.resetModules();
  const api = await import('./api');
  const bases = await import('./install-bases');
  return { ...api, ...bases };
}

afterEach(async () => (await import('./api')).configureApi({ baseUrl: '' }));

describe('the bases of the commands the dashboard renders', () => {
  it('are this origin for /agent/ and the configured API base URL until the server has sent a command', async () => {
    const { configureApi, installBases } = await fresh();
    configureApi({ baseUrl: 'https://func.example/' });
    expect(installBases()).toEqual({ download: window.location.origin, api: 'https://func.example' });
  });

  it('are the server’s own once it has sent an install command, and an unreadable command changes nothing', async () => {
    const { installBases, learnInstallBases } = await fresh();
    learnInstallBases('curl -fsSL https://swa.example/agent/install.sh | sudo bash -s -- --endpoint https://func.example --key ifa_x.y');
    learnInstallBases('not a command');
    learnInstallBases(undefined);
    expect(installBases()).toEqual({ download: 'https://swa.example', api: 'https://func.example' });
  });
});
