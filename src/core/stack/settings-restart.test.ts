// The restart plan a settings confirm shows: exactly the services whose resolved compose definition changes.
import { describe, expect, it } from 'vitest';
import { StackConfigSchema, selectedServices } from '../contract';
import { loadCatalog } from './catalog';
import { sampleConfigInput } from './sample-config';
import { servicesToRestart } from './settings-restart';

const base = StackConfigSchema.parse(sampleConfigInput({ services: { qbittorrent: true, nzbget: false } }));

describe('servicesToRestart', () => {
  it('a web port restarts the app that publishes it; qBittorrent’s port restarts the VPN it is published on, and so qBittorrent', async () => {
    const catalog = await loadCatalog();
    expect(servicesToRestart(base, { ...base, ports: { ...base.ports, radarr: 17878 } }, catalog)).toEqual(['radarr']);
    expect(servicesToRestart(base, { ...base, ports: { ...base.ports, qbittorrent: 18080 } }, catalog)).toEqual([
      'vpn',
      'qbittorrent',
    ]);
    expect(servicesToRestart(base, base, catalog)).toEqual([]);
  });

  it('a new time zone restarts every app that reads it; LAN access the apps with web ports, never Plex', async () => {
    const catalog = await loadCatalog();
    const tz = servicesToRestart(base, { ...base, timeZone: 'America/New_York' }, catalog);
    expect(tz.length).toBeGreaterThan(3);
    expect(tz).toEqual(expect.arrayContaining(['radarr', 'sonarr', 'plex']));
    const lan = servicesToRestart(base, { ...base, lanAccess: true }, catalog);
    expect(lan).toEqual(expect.arrayContaining(['radarr', 'sonarr', 'vpn']));
    expect(lan).not.toContain('plex');
    for (const s of [...tz, ...lan]) expect(selectedServices(base)).toContain(s);
  });
});
