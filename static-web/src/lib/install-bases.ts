import { apiBaseUrl } from './api';
import { basesFromInstallCommand, defaultBases, type InstallBases } from './install-command';

// The server's install commands name the deployment's download and API bases (its Agent__* settings); once one has
// been seen, commands the dashboard renders itself use the same bases.
let learned: InstallBases | null = null;

export function learnInstallBases(command: string | null | undefined): void {
  learned = basesFromInstallCommand(command) ?? learned;
}

/** The bases of the last install command the server sent, else this origin for /agent/ and the configured API base. */
export function installBases(): InstallBases {
  return learned ?? defaultBases(window.location.origin, apiBaseUrl());
}
