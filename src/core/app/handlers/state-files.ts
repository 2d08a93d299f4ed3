// Fixes for the app's damaged files (docs/decisions.md D30): set one aside (renamed, never deleted) so a new one
// starts, or put back the previous stack files from the install's .backups. Each runs only when the user chose it.
import { join } from 'node:path';
import type { SetAsideFile } from '../../contract';
import { notInstalled } from '../../install/not-installed';
import { setAsideVpnWatchRecord } from '../../engine/vpn-watch-record';
import { setAsideHistory } from '../../engine/updates/update-history';
import { setAsideDamaged } from '../../fs/read-state-file';
import { restorePreviousVersion } from '../../install/restore-previous';
import { engineChoiceFile } from '../../profile/engine-choice';
import { PLEX_CLIENT_FILE } from '../../profile/plex-client-file';
import type { AppContext, HandlerGroup } from '../app-context';

export function stateFileHandlers({ deps }: AppContext): HandlerGroup {
  const root = async (): Promise<string> => {
    const r = await deps.installRoot();
    if (!r) throw notInstalled('so there is no file of it to repair');
    return r;
  };
  const setAside: Record<SetAsideFile, () => Promise<string | null>> = {
    vpnWatch: async () => setAsideVpnWatchRecord(await root()),
    updateHistory: async () => setAsideHistory(await root()),
    plexClientId: () => setAsideDamaged(join(deps.profile.configDir, PLEX_CLIENT_FILE)),
    // The composition's endpoint reads engine.json again on its next use while it is damaged (app/chosen-endpoint.ts):
    // the running app follows DOCKER_HOST or the Docker context from the next call, with no restart.
    engineChoice: () => setAsideDamaged(engineChoiceFile(deps.profile.configDir)),
  };
  return {
    'state.setAside': async ({ file }) => ({ file, movedTo: await setAside[file]() }),
    'install.restorePrevious': async () => restorePreviousVersion(await root()),
  };
}
