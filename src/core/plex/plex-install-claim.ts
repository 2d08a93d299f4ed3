// After the install has started the stack: claim Plex for the account the wizard signed in with before install.
// Without a stored sign-in there is nothing to claim (null); a failed claim is reported with its fix and never fails
// the install — applying the wiring (step plex.claim) claims it later.
import type { PlexClaimOutcome, ProgressEvent, StackConfig } from '../contract';
import { fixAction } from '../contract/fix-action';
import { claimOutcome, plexServerFor, plexTvFor, type PlexEndpoints, type TokenVault } from './plex-endpoints';
import { installedPlexClientId } from './plex-client-id';

export interface InstallClaimDeps {
  vault: TokenVault;
  configDir: string;
  endpoints: PlexEndpoints;
  operationId: string;
  onProgress?: (p: ProgressEvent) => void;
}

export async function claimPlexAfterInstall(
  cfg: StackConfig,
  deps: InstallClaimDeps,
): Promise<PlexClaimOutcome | null> {
  if ((await deps.vault.get('plex.token')) === null) return null;
  const report = (current: number, message: string) =>
    deps.onProgress?.({ operationId: deps.operationId, step: 'plex', current, total: 1, message });
  report(0, 'Claiming the Plex server for your Plex account');
  const outcome = await installedPlexClientId(deps.configDir, cfg).then(
    (clientId) =>
      claimOutcome(
        plexTvFor(clientId, deps.endpoints),
        deps.vault,
        plexServerFor(cfg, clientId, deps.vault, deps.endpoints),
        'The Plex server could not be claimed',
      ),
    // A damaged plex-client.json must not turn a started stack into a failed install.
    (err: Error): PlexClaimOutcome => ({
      ok: false,
      detail: `The Plex server could not be claimed: ${err.message}`,
      fix: 'Fix or delete that file, then repair the links: that claims the server.',
      action: fixAction('wiring.apply'),
    }),
  );
  report(1, outcome.ok ? outcome.detail : 'The Plex server is not claimed yet');
  return outcome;
}
