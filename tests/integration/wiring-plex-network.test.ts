// Plex's LAN settings through the wiring against the Plex fake: after the claim, "Custom server access URLs" gets the
// host's LAN address with the published port and "LAN Networks" the LAN subnets; a second apply writes nothing; an
// address from an old lease is replaced while the user's own URLs stay; the fake refuses preferences Plex does not have.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlexServerClient } from '../../src/core/plex/plex-server-client';
import { PlexTvClient } from '../../src/core/plex/plex-tv-client';
import { plexWiring } from '../../src/core/wiring/steps/plex-steps';
import { startPlexFake, startPlexTvFake, type PlexFake, type PlexTvFake } from '../fakes/plex-fakes';
import { applyAll, planAll } from '../fakes/run-wiring';

const clientId = 'ups-plex-network-test';
let plexTvFake: PlexTvFake;
let plexFake: PlexFake;
let store: Map<string, string>;

beforeEach(async () => {
  plexTvFake = await startPlexTvFake();
  plexFake = await startPlexFake(plexTvFake);
  plexTvFake.accounts.add('owner-token');
  store = new Map([['plex.token', 'owner-token']]);
});

afterEach(async () => {
  const violations = [...plexTvFake.server.violations, ...plexFake.server.violations];
  await Promise.all([plexTvFake.server.stop(), plexFake.server.stop()]);
  expect(violations).toEqual([]);
});

const server = () =>
  new PlexServerClient({ url: plexFake.server.url, token: async () => store.get('plex.token') ?? null, clientId });
const wiring = (lanAddresses: string[]) =>
  plexWiring({
    server: server(),
    plexTv: new PlexTvClient({ clientId, baseUrl: plexTvFake.server.url }),
    vault: { get: async (n) => store.get(n) ?? null, set: async (n, v) => void store.set(n, v) },
    libraries: [],
    network: { lanAddresses, port: 32401, lanSubnets: ['192.168.1.0/24', '10.0.0.0/8'] },
  });

describe('Plex LAN settings (bridge network, only the Plex port published)', () => {
  it('advertises the host LAN address and marks the LAN subnets local, then writes nothing', async () => {
    const { steps } = wiring(['192.168.1.23']);
    const planned = (await planAll(steps)).filter((c) => c.resource !== 'server owner');
    expect(planned.map((c) => [c.resource, c.action, c.reason])).toEqual([
      ['custom server access URLs', 'update', 'Set to http://192.168.1.23:32401.'],
      ['LAN networks', 'update', 'Set to 192.168.1.0/24,10.0.0.0/8.'],
    ]);
    expect((await applyAll(steps)).failed).toBeUndefined();
    expect(plexFake.state.owner).toBe('owner-token');
    expect([plexFake.state.prefs.customConnections, plexFake.state.prefs.LanNetworksBandwidth]).toEqual([
      'http://192.168.1.23:32401',
      '192.168.1.0/24,10.0.0.0/8',
    ]);
    // Never the no-login list (D17).
    expect(plexFake.state.prefs.allowedNetworks).toBe('');

    plexFake.server.calls.splice(0);
    await applyAll(steps);
    expect(plexFake.server.writes()).toEqual([]);
  });

  it("replaces an address from an old lease and keeps the user's own URLs and networks", async () => {
    await applyAll(wiring(['192.168.1.23']).steps);
    plexFake.state.prefs.customConnections = 'http://192.168.1.23:32401,https://plex.example.org:443';
    plexFake.state.prefs.LanNetworksBandwidth = '100.64.0.0/10';
    await applyAll(wiring(['192.168.1.57']).steps);
    expect(plexFake.state.prefs.customConnections).toBe('http://192.168.1.57:32401,https://plex.example.org:443');
    expect(plexFake.state.prefs.LanNetworksBandwidth).toBe('100.64.0.0/10,192.168.1.0/24,10.0.0.0/8');
  });

  it('with no address in the LAN subnets it still sets LAN Networks and says how to fix the address', async () => {
    const planned = (await planAll(wiring([]).steps)).filter((c) => c.resource === 'custom server access URLs');
    expect(planned).toEqual([
      {
        service: 'plex',
        resource: 'custom server access URLs',
        action: 'nothing',
        reason:
          'Nothing to advertise. No address of this computer is in 192.168.1.0/24, 10.0.0.0/8: set your LAN subnet ' +
          'in Settings so LAN devices get a direct address.',
      },
    ]);
  });

  it('the fake refuses a preference Plex does not have, as Plex does (400), and changes nothing', async () => {
    // ADVERTISE_IP is an environment variable of Plex's own image, not a server preference.
    await expect(server().setPrefs({ ADVERTISE_IP: 'http://192.168.1.23:32400' })).rejects.toThrow(
      /HTTP 400: cannot set preference value for unknown preference ADVERTISE_IP/,
    );
    expect(plexFake.server.violations.splice(0)).toEqual(['plex: PUT /:/prefs with unknown preference ADVERTISE_IP']);
    expect(plexFake.state.prefs.ADVERTISE_IP).toBeUndefined();
  });
});
