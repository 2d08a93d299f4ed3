// Hop "download": every enabled download client of Radarr and Sonarr passes the Arr's own test. The Arrs reach the
// clients at `vpn:<port>` (the gluetun namespace), so a pass means the client answers from inside the VPN.
import { fixAction } from '../../contract/fix-action';
import type { ArrClient } from '../clients/arr-common';
import { broken, passed, type ChainStep } from './chain-run';

export function downloadHop(arrs: { radarr: ArrClient; sonarr: ArrClient }): ChainStep {
  return {
    hop: 'download',
    async run() {
      const tested: string[] = [];
      for (const arr of [arrs.radarr, arrs.sonarr]) {
        const clients = (await arr.listProviders('downloadclient')).filter((c) => c.enable === true);
        if (clients.length === 0)
          return broken(
            `${arr.service} has no enabled download client, so nothing it grabs is ever downloaded.`,
            `Repair the links: they add qBittorrent and/or NZBGet to ${arr.service}.`,
            fixAction('wiring.apply'),
          );
        for (const c of clients) {
          const t = await arr.testProvider('downloadclient', c);
          const name = c.name ?? c.implementation ?? 'download client';
          if (!t.ok)
            return broken(
              `${arr.service} cannot use ${name}: ${t.messages.join('; ')}`,
              `Check that ${name} and the VPN are running (restart them), then check the chain again; if the password changed, repair the links.`,
              fixAction('stack.restart', {
                services: ['vpn', c.implementation === 'Nzbget' ? 'nzbget' : 'qbittorrent'],
              }),
            );
          tested.push(`${arr.service} → ${name}`);
        }
      }
      return passed(`Download clients pass their tests: ${tested.join(', ')}.`);
    },
  };
}
