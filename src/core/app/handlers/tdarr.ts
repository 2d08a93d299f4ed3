// Tdarr at scale: "Add a Tdarr node on another PC" (the files that PC needs, saved atomically where
// the user chooses or returned for the UI to save) and the nodes the Tdarr server reports (GET /api/v2/get-nodes).
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import type { StackConfig, TdarrNodeBundle, TdarrNodes } from '../../contract';
import { UpsFailure } from '../../contract';
import { writeInstallFiles } from '../../fs/install-writer';
import { notInstalled } from '../../install/not-installed';
import { nodeBundleFiles, serverShareFolders } from '../../stack/tdarr-node-bundle';
import { TdarrClient } from '../../wiring/clients/tdarr';
import { hostLanAddresses } from '../../wiring/steps/plex-network';
import { installedStackOf } from '../../wiring/wiring-source';
import type { AppContext, HandlerGroup } from '../app-context';

const LOOPBACK = /^(?:127\.|localhost$|::1$)/;

function tdarrOn(cfg: StackConfig | null): StackConfig {
  if (!cfg) throw notInstalled('so there is no Tdarr server');
  if (!cfg.services.tdarr)
    throw new UpsFailure({
      code: 'NOT_FOUND',
      message: 'Tdarr is not part of this stack.',
      fix: 'Turn Tdarr on in the stack settings (services.tdarr in stack.yml), then try again.',
    });
  return cfg;
}

/**
 * The address the other PC uses for the server: what the user typed, else the engine's host when it is another machine
 * (a NAS, a server), else this PC's address inside the LAN subnets. Loopback is never an answer: the other PC cannot
 * reach it.
 */
export function serverAddressFor(
  typed: string | undefined,
  engineHost: string,
  lanAddresses: () => string[],
): string | null {
  if (typed) return LOOPBACK.test(typed) ? null : typed;
  if (!LOOPBACK.test(engineHost)) return engineHost;
  return lanAddresses()[0] ?? null;
}

export function tdarrHandlers({ deps }: AppContext): HandlerGroup {
  return {
    'tdarr.nodeBundle': async (input): Promise<TdarrNodeBundle> => {
      const cfg = tdarrOn(await installedStackOf(deps.installRoot));
      // The server port is published on 127.0.0.1 unless LAN access is on (docs/decisions.md D17): a node elsewhere
      // would never connect.
      if (!cfg.lanAccess)
        throw new UpsFailure({
          code: 'BAD_INPUT',
          message: `Tdarr's server port (${cfg.ports.tdarrServer}) is only reachable from the stack's own machine.`,
          fix: 'Turn on "Reach my apps from other devices on my network" in the stack settings, then add the node.',
          field: 'lanAccess',
        });
      const serverIP = serverAddressFor(input.serverHost, deps.endpoint.serviceHost, () =>
        hostLanAddresses(networkInterfaces(), cfg.vpn.lanSubnets),
      );
      if (!serverIP)
        throw new UpsFailure({
          code: 'BAD_INPUT',
          message: 'No address of the Tdarr server that another PC can reach was found.',
          fix: `Type the stack PC's LAN address (like 192.168.1.20) as the server address; the LAN subnets in the settings are ${cfg.vpn.lanSubnets.join(', ')}.`,
          field: 'serverHost',
        });
      const shareFolders = serverShareFolders(cfg.dataRoot, cfg.nas?.target);
      const files = nodeBundleFiles({
        nodeName: input.nodeName,
        serverIP,
        serverPort: cfg.ports.tdarrServer,
        serverImage: cfg.images.tdarr,
        mediaPath: input.mediaPath,
        cachePath: input.cachePath,
        server: shareFolders,
        gpu: input.gpu,
        ...(input.workers ? { workers: input.workers } : {}),
        timeZone: cfg.timeZone,
        puid: cfg.puid,
        pgid: cfg.pgid,
      });
      let savedTo: string | null = null;
      if (input.saveTo) {
        savedTo = resolve(input.saveTo);
        // One generation: temp + fsync + rename per file, the previous bundle kept in .backups/ (docs/decisions.md D30).
        await writeInstallFiles(savedTo, files);
      }
      return {
        files,
        serverIP,
        serverPort: cfg.ports.tdarrServer,
        nodeName: input.nodeName,
        shareFolders,
        savedTo,
      };
    },
    'tdarr.nodes': async (): Promise<TdarrNodes> => {
      const cfg = tdarrOn(await installedStackOf(deps.installRoot));
      const client = new TdarrClient({ url: `http://${deps.endpoint.serviceHost}:${cfg.ports.tdarr}` });
      return { nodes: await client.nodes() };
    },
  };
}
