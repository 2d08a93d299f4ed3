// The installed stack's chain: clients built from stack.yml + the vault (as the wiring's), the hardlink proof and the
// sample in one-shot containers with the stack's /data mount, Radarr's own import of it, and Plex through its published port.
import type Docker from 'dockerode';
import { UpsFailure, type StackConfig } from '../../contract';
import type { SecretName } from '../../contract/secret-names';
import { fixAction } from '../../contract/fix-action';
import { installDerivedPlexClientId } from '../../plex/plex-client-id';
import { PlexServerClient } from '../../plex/plex-server-client';
import { prepareData } from '../../stack/bring-up';
import { containerSample, parseSampleStats, runInDataContainer } from '../../stack/sample-import';
import { ArrClient } from '../clients/arr-common';
import { createNzbgetClient } from '../clients/nzbget-client';
import { NZBGET_USER } from '../../stack/nzbget-conf';
import { SeerrClient } from '../clients/seerr';
import type { Chain } from './chain-run';
import { downloadHop } from './hop-download';
import { filesystemHop } from './hop-filesystem';
import { indexerHop } from './hop-indexer';
import { requestHop } from './hop-request';
import { sampleHops } from './hop-sample';
import { usenetHop } from './hop-usenet';
import { radarrImporter } from './radarr-import';
import type { SamplePort } from './sample-port';

export interface StackChainDeps {
  vault: { get(name: SecretName): Promise<string | null> };
  docker: () => Docker;
  /** Where published ports answer (127.0.0.1 for a local engine). */
  host?: string;
  plexClientId?: (cfg: StackConfig) => Promise<string>;
}

async function need(vault: StackChainDeps['vault'], name: SecretName): Promise<string> {
  const v = await vault.get(name);
  if (!v)
    throw new UpsFailure({
      code: 'NOT_FOUND',
      message: `The vault has no ${name}, so the chain cannot be checked.`,
      fix: 'Run the setup again (it generates missing keys), then check the chain again.',
      action: fixAction('setup.start'),
    });
  return v;
}

function dockerSample(docker: Docker, cfg: StackConfig): SamplePort {
  const sample = containerSample();
  const o = {
    image: cfg.images.radarr,
    mounts: [{ source: cfg.dataRoot, target: '/data' }],
    puid: cfg.puid,
    pgid: cfg.pgid,
  };
  return {
    title: sample.title,
    async placeDownload() {
      const out = await runInDataContainer(docker, o, sample.placeScript());
      if (!out.includes('UPS_SAMPLE_PLACED'))
        throw new Error(`The sample could not be written under /data/torrents: ${out.trim().slice(0, 300)}`);
      return { folder: sample.folder, download: sample.download };
    },
    async stat(paths) {
      return parseSampleStats(await runInDataContainer(docker, o, sample.statScript(paths)), paths.length);
    },
    async remove() {
      await runInDataContainer(docker, o, sample.removeScript());
    },
  };
}

export async function stackChain(cfg: StackConfig, deps: StackChainDeps): Promise<Chain> {
  const at = (port: number) => `http://${deps.host ?? '127.0.0.1'}:${port}`;
  const arr = async (service: 'Radarr' | 'Sonarr' | 'Prowlarr', port: number, key: SecretName) =>
    new ArrClient(service, { url: at(port), apiKey: await need(deps.vault, key) });
  const radarr = await arr('Radarr', cfg.ports.radarr, 'radarr.api_key');
  const sonarr = await arr('Sonarr', cfg.ports.sonarr, 'sonarr.api_key');
  const prowlarr = await arr('Prowlarr', cfg.ports.prowlarr, 'prowlarr.api_key');
  const seerr = new SeerrClient({ url: at(cfg.ports.seerr), apiKey: () => deps.vault.get('seerr.api_key') });
  const clientId = deps.plexClientId ? await deps.plexClientId(cfg) : installDerivedPlexClientId(cfg);
  const plex = new PlexServerClient({ url: at(cfg.ports.plex), token: () => deps.vault.get('plex.token'), clientId });
  const docker = deps.docker();
  const sample = sampleHops(dockerSample(docker, cfg), radarrImporter(radarr), plex);
  // NZBGet with the stack's generated login; a NZBGet still on its stock login was never wired, and the refusal says to
  // repair the links.
  const usenet = cfg.services.nzbget
    ? [
        usenetHop({
          nzbget: createNzbgetClient({
            baseUrl: at(cfg.ports.nzbget),
            credential: { username: NZBGET_USER, password: await need(deps.vault, 'nzbget.password') },
          }),
          server: cfg.usenet,
          password: cfg.usenet ? await deps.vault.get('nzbget.server.password') : null,
        }),
      ]
    : [];
  return {
    steps: [
      requestHop({ seerr, arrs: { radarr, sonarr } }),
      indexerHop({ prowlarr, radarr, sonarr }),
      downloadHop({ radarr, sonarr }),
      ...usenet,
      filesystemHop(() => prepareData(docker, cfg)),
      ...sample.steps,
    ],
    cleanup: sample.cleanup,
  };
}

/** Builds the installed stack's chain; null while nothing is installed. Fresh clients on every call. */
export type ChainSource = () => Promise<Chain | null>;

export function stackChainSource(
  deps: StackChainDeps & {
    installRoot(): Promise<string | null>;
    readStack(root: string): Promise<StackConfig | null>;
  },
): ChainSource {
  return async () => {
    const root = await deps.installRoot();
    const cfg = root ? await deps.readStack(root) : null;
    return cfg ? stackChain(cfg, deps) : null;
  };
}
