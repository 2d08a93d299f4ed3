// Seerr's link tests: its own Radarr/Sonarr test endpoints, and a Plex round trip (re-saving the same address).
import type { LinkTest } from '../wiring-types';
import type { SeerrArrKind, SeerrClient } from '../clients/seerr';
import { failureResult } from './radarr-sonarr-common';
import { fixAction } from '../../contract/fix-action';

export function seerrArrLink(kind: SeerrArrKind, seerr: SeerrClient): LinkTest {
  const base = { id: `seerr->${kind}`, from: 'seerr', to: kind };
  return {
    ...base,
    async run() {
      try {
        const entry = (await seerr.arrServers(kind)).find((s) => s.isDefault && !s.is4k);
        if (!entry)
          return {
            ...base,
            ok: false,
            detail: `Seerr has no default ${kind}.`,
            fix: 'Repair the links to add it.',
            action: fixAction('wiring.apply'),
          };
        const { profiles } = await seerr.testArr(kind, entry);
        return { ...base, ok: true, detail: `Seerr reached ${kind} (${profiles.length} quality profiles).` };
      } catch (err) {
        return { ...base, ...failureResult(err) };
      }
    },
  };
}

/** Seerr has no read-only Plex test: re-saving the same address makes it connect to Plex again (what its UI does). */
export function seerrPlexLink(seerr: SeerrClient): LinkTest {
  const base = { id: 'seerr->plex', from: 'seerr', to: 'plex' };
  return {
    ...base,
    async run() {
      try {
        const s = await seerr.plexSettings();
        if (!s.ip)
          return {
            ...base,
            ok: false,
            detail: 'Seerr has no Plex server.',
            fix: 'Repair the links to connect it.',
            action: fixAction('wiring.apply'),
          };
        const saved = await seerr.savePlex({ ip: s.ip, port: s.port, useSsl: Boolean(s.useSsl) });
        return { ...base, ok: true, detail: `Seerr reached Plex "${saved.name ?? ''}" at ${s.ip}:${s.port}.` };
      } catch (err) {
        return { ...base, ...failureResult(err) };
      }
    },
  };
}
