// The Arr side built from a StackConfig fits the engine's ordering next to the download-client half, names missing
// secrets, and adds the proxy steps only when the proxy is on.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { StackConfigSchema } from '../../contract';
import { sampleConfigInput } from '../../stack/sample-config';
import type { SecretName } from '../../contract/secret-names';
import { dependencyOrder } from '../engine/dependency-order';
import { downloadClientWiring } from '../engine/download-client-wiring';
import { installDerivedPlexClientId as plexClientId } from '../../plex/plex-client-id';
import { arrSideWiring } from './radarr-sonarr-stack-wiring';

function vault(omit: SecretName[] = []) {
  const all: SecretName[] = [
    'radarr.api_key',
    'sonarr.api_key',
    'prowlarr.api_key',
    'arr.ui_password',
    'qbittorrent.password',
    'nzbget.password',
  ];
  const m = new Map<SecretName, string>(all.filter((n) => !omit.includes(n)).map((n) => [n, `value-of-${n}`]));
  return { get: async (n: SecretName) => m.get(n) ?? null, set: async (n: SecretName, v: string) => void m.set(n, v) };
}

describe('arrSideWiring', () => {
  const cfg = StackConfigSchema.parse(sampleConfigInput());

  it('orders after the download clients, and initialises Seerr last of its steps', async () => {
    const base = downloadClientWiring(cfg, { qbittorrentPassword: 'a', nzbgetPassword: 'b' });
    const side = await arrSideWiring(vault())(cfg);
    const ids = dependencyOrder([...base.steps, ...side.steps]).map((s) => s.id);
    const before = (a: string, b: string) => expect(ids.indexOf(a), `${a} before ${b}`).toBeLessThan(ids.indexOf(b));
    before('qbittorrent.preferences', 'radarr.download-client.qbittorrent');
    before('nzbget.config', 'sonarr.download-client.nzbget');
    before('radarr.root-folder', 'prowlarr.application.radarr');
    before('plex.claim', 'seerr.signin');
    before('plex.library.show', 'seerr.plex-libraries');
    // Plex's LAN settings need the owner's token, so they come after the claim.
    before('plex.claim', 'plex.network');
    for (const id of ids.filter((i) => i.startsWith('seerr.') && i !== 'seerr.initialize'))
      before(id, 'seerr.initialize');
    expect(ids.filter((i) => i.startsWith('proxy.'))).toEqual([]);
    expect(side.links.map((l) => l.id)).toContain('seerr->radarr');
  });

  it('names the missing secret instead of calling anything', async () => {
    await expect(arrSideWiring(vault(['sonarr.api_key']))(cfg)).rejects.toThrow(/The vault has no sonarr\.api_key/);
  });

  it('adds the NPM admin, certificate and proxy-host steps for Plex and Seerr when the proxy is on', async () => {
    const withProxy = StackConfigSchema.parse(
      sampleConfigInput({
        services: {
          qbittorrent: true,
          nzbget: false,
          proxy: { enabled: true, domain: 'media.example.com', acmeEmail: 'me@example.com' },
        },
      }),
    );
    const side = await arrSideWiring(vault())(withProxy);
    expect(side.steps.filter((s) => s.service === 'proxy').map((s) => s.id)).toEqual([
      'proxy.admin',
      'proxy.certificate.plex',
      'proxy.host.plex',
      'proxy.certificate.seerr',
      'proxy.host.seerr',
    ]);
    expect(side.steps.some((s) => s.id.endsWith('.download-client.nzbget'))).toBe(false);
  });

  it('adds FlareSolverr to Prowlarr (step and link test) only when the stack runs it', async () => {
    const off = await arrSideWiring(vault())(cfg);
    expect(off.steps.map((s) => s.id)).not.toContain('prowlarr.indexer-proxy.flaresolverr');
    const on = await arrSideWiring(vault())(
      StackConfigSchema.parse(
        sampleConfigInput({ services: { qbittorrent: true, nzbget: true, flaresolverr: true } } as never),
      ),
    );
    expect(on.steps.filter((s) => s.id === 'prowlarr.indexer-proxy.flaresolverr')).toHaveLength(1);
    expect(on.links.map((l) => l.id)).toContain('prowlarr->flaresolverr');
  });

  it('gives each install its own stable plex.tv client identifier', () => {
    const other = StackConfigSchema.parse(sampleConfigInput({ installRoot: 'E:\\Other' }));
    expect(plexClientId(cfg)).toBe(plexClientId(StackConfigSchema.parse(sampleConfigInput())));
    expect(plexClientId(cfg)).not.toBe(plexClientId(other));
  });

  it('talks to Plex with the injected client identifier (the one the sign-in before install used)', async () => {
    const seen: (string | undefined)[] = [];
    // Answers /identity as Plex does (tests/fixtures/recorded/plex/identity.json) and records who asked.
    const plex = createServer((req, res) => {
      seen.push(req.headers['x-plex-client-identifier'] as string | undefined);
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          MediaContainer: { size: 0, claimed: true, machineIdentifier: '6a646027a56abb6dbdf72484564db8567c737430' },
        }),
      );
    });
    await new Promise<void>((resolve) => plex.listen(0, '127.0.0.1', resolve));
    try {
      const local = StackConfigSchema.parse(
        sampleConfigInput({ ports: { plex: (plex.address() as AddressInfo).port } } as never),
      );
      const side = await arrSideWiring(vault(), {
        plexClientId: async (c) => (c === local ? 'ups-0123456789abcdef0123' : 'wrong config'),
      })(local);
      await side.steps.find((st) => st.id === 'plex.claim')!.plan();
      expect(seen).toEqual(['ups-0123456789abcdef0123']);
    } finally {
      plex.close();
    }
  });
});
