// Bad input: hundreds of invalid configs, each rejected with an error naming its field, while the install
// root (a previous install with backups) and the vault stay byte-identical.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogServices, defaultPorts, type StackConfigInput } from '../../src/core/contract';
import { loadCatalog, type Catalog } from '../../src/core/stack/catalog';
import { sampleConfigInput } from '../../src/core/stack/sample-config';
import { writeStack } from '../../src/core/stack/write-stack';
import { memoryVault, removeTempDirs, snapshotTree, tempDir } from './stack-helpers';

type Case = { label: string; field: RegExp; mutate: (c: Record<string, unknown>) => void };

function setPath(obj: Record<string, unknown>, path: string[], value: unknown): void {
  let cur = obj;
  for (const k of path.slice(0, -1)) {
    if (typeof cur[k] !== 'object' || cur[k] === null) cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  const last = path[path.length - 1]!;
  if (value === DELETE) delete cur[last];
  else cur[last] = value;
}
const DELETE = Symbol('delete');
const esc = (s: string) => s.replace(/[.]/g, '\\.');
const at = (path: string, values: unknown[], field = `^${esc(path)}$`): Case[] =>
  values.map((v) => ({
    label: `${path}=${typeof v === 'symbol' ? '(missing)' : JSON.stringify(v)}`,
    field: new RegExp(field),
    mutate: (c) => setPath(c, path.split('.'), v),
  }));

const badPaths = [
  '',
  '   ',
  'relative/dir',
  '.\\here',
  '\\\\nas\\share\\ups',
  '//nas/share',
  'C:foo',
  '/srv/$HOME',
  '/srv/a"b',
  '/srv/a#b',
  '/srv/a;b',
  'D:\\a|b',
  '/',
  '/a/../b',
  'D:\\x\\..\\y',
  'D:\\a:b',
  '/srv/a\nb',
  42,
  null,
  true,
  ['/srv'],
  { path: '/srv' },
  DELETE,
];
const badPorts = [0, 65536, 1.5, '80', -5, null, 1e9];
const badImages = ['', 'Radarr:latest', 'radarr', 'lscr.io/linuxserver/radarr', 'a b:c', 'x:', 'UPPER/case:1', 5, null];

const cases: Case[] = [
  ...at('installRoot', badPaths),
  ...at('dataRoot', badPaths),
  ...at('timeZone', [
    'Mars/Olympus',
    '',
    'Europe/',
    'GMT+25',
    'Europe/Berlin ',
    'europe berlin',
    '../etc/passwd',
    5,
    null,
    DELETE,
  ]),
  ...at('puid', [-1, 1.5, '1000', null, 2 ** 40, true]),
  ...at('pgid', [-1, 1.5, '1000', null, 2 ** 40, true]),
  ...at('version', [2, '1', 0]),
  ...at('services', [null, 'all', [], 5, DELETE]),
  ...at('services.qbittorrent', ['yes', 1, null, DELETE]),
  ...at('services.nzbget', ['no', 0, null, DELETE]),
  ...at('services.tdarr', ['on', 0, null]),
  ...at('services.proxy', [true, 'on', null]),
  ...at('services.proxy.enabled', ['yes', null, DELETE]),
  {
    label: 'proxy without domain',
    field: /^services\.proxy\.domain$/,
    mutate: (c) => setPath(c, ['services', 'proxy'], { enabled: true, acmeEmail: 'me@example.com' }),
  },
  {
    label: 'proxy without e-mail',
    field: /^services\.proxy\.acmeEmail$/,
    mutate: (c) => setPath(c, ['services', 'proxy'], { enabled: true, domain: 'media.example.com' }),
  },
  ...['not a domain', 'localhost', '-bad.example.com', 'a..b.com', 7].map((d) => ({
    label: `proxy domain ${String(d)}`,
    field: /^services\.proxy\.domain$/,
    mutate: (c: Record<string, unknown>) =>
      setPath(c, ['services', 'proxy'], { enabled: true, domain: d, acmeEmail: 'me@example.com' }),
  })),
  ...['nope', 'me@', '@example.com', 3].map((e) => ({
    label: `proxy e-mail ${String(e)}`,
    field: /^services\.proxy\.acmeEmail$/,
    mutate: (c: Record<string, unknown>) =>
      setPath(c, ['services', 'proxy'], { enabled: true, domain: 'media.example.com', acmeEmail: e }),
  })),
  {
    label: 'no download client',
    field: /^services\.qbittorrent$/,
    mutate: (c) => setPath(c, ['services'], { qbittorrent: false, nzbget: false }),
  },
  ...at('vpn', [null, 'nordvpn', [], DELETE]),
  ...at('vpn.provider', ['nordvpm', 'NordVPN', '', 'custom', 'openvpn', 3, null, DELETE]),
  ...at('vpn.type', ['ikev2', '', 'OpenVPN', null, DELETE]),
  ...at('vpn.serverCountries', ['Netherlands', null, 5]),
  ...at('vpn.serverCountries.0', [1, '', 'Neth$', 'a;b', null], '^vpn\\.serverCountries(\\.0)?$'),
  ...at('vpn.serverCities', ['Amsterdam', [3], ['Ams|terdam']], '^vpn\\.serverCities(\\.0)?$'),
  ...at(
    'vpn.lanSubnets',
    [['192.168.1.0'], ['300.1.1.1/24'], ['10.0.0.0/33'], 'x', ['fe80::/10'], [null]],
    '^vpn\\.lanSubnets(\\.0)?$',
  ),
  ...Object.keys(defaultPorts).flatMap((p) => at(`ports.${p}`, badPorts)),
  ...(['sonarr', 'plex', 'prowlarr', 'qbittorrent', 'nzbget', 'vpnControl'] as const).map((p) => ({
    label: `ports.radarr collides with ports.${p}`,
    field: /^ports\.(radarr|sonarr|plex|prowlarr|qbittorrent|nzbget|vpnControl)$/,
    mutate: (c: Record<string, unknown>) => setPath(c, ['ports'], { radarr: defaultPorts[p] }),
  })),
  {
    label: 'proxy http on 8080 with qBittorrent',
    field: /^ports\.(qbittorrent|proxyHttp)$/,
    mutate: (c) => (
      setPath(c, ['services', 'proxy'], { enabled: true, domain: 'm.example.com', acmeEmail: 'a@example.com' }),
      setPath(c, ['ports'], { proxyHttp: 8080 })
    ),
  },
  ...catalogServices.flatMap((s) => at(`images.${s}`, badImages)),
  ...at('colour', ['blue'], '^colour$'),
  ...at('services.sabnzbd', [true], '^services\\.sabnzbd$'),
  ...at('vpn.password', ['hunter2'], '^vpn\\.password$'),
  ...at('ports.lidarr', [8686], '^ports\\.lidarr$'),
  ...at('images.lidarr', ['lscr.io/linuxserver/lidarr:latest'], '^images\\.lidarr$'),
  ...at('services.proxy.port', [81], '^services\\.proxy\\.port$'),
  ...at('ports', [8080, 'x', null]),
  ...at('images', ['latest', []]),
];

let catalog: Catalog;
let root: string;
beforeAll(async () => {
  catalog = await loadCatalog();
  root = await tempDir('invalid');
});
afterAll(removeTempDirs);

function baseConfig(): Record<string, unknown> {
  return structuredClone(sampleConfigInput({ installRoot: root, dataRoot: join(root, 'data') })) as Record<
    string,
    unknown
  >;
}

describe('invalid configs', () => {
  it(`has at least 200 cases (${cases.length})`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
  });

  it('rejects every one, naming the field, with the install root and vault unchanged', async () => {
    const vault = memoryVault({ 'vpn.openvpn.user': 'user-1', 'vpn.openvpn.password': 'pass-1' });
    // A previous install with a backup, so "unchanged" covers replacing files too.
    const first = await writeStack(baseConfig(), { catalog, vault, now: new Date('2026-01-01T00:00:00Z') });
    expect(first.ok).toBe(true);
    const second = await writeStack({ ...baseConfig(), timeZone: 'UTC' } satisfies Partial<StackConfigInput>, {
      catalog,
      vault,
      now: new Date('2026-01-02T00:00:00Z'),
    });
    expect(second.ok && second.report.backup).toBeTruthy();

    const before = await snapshotTree(root);
    const vaultBefore = [...vault.entries];
    const failures: string[] = [];
    for (const c of cases) {
      const input = baseConfig();
      c.mutate(input);
      const r = await writeStack(input, { catalog, vault });
      if (r.ok) {
        failures.push(`${c.label}: accepted`);
        continue;
      }
      const fields = r.errors.map((e) => e.field ?? '');
      if (!fields.some((f) => c.field.test(f)))
        failures.push(`${c.label}: fields ${JSON.stringify(fields)} do not match ${c.field}`);
      for (const e of r.errors)
        if (!e.fix || !e.message.includes(e.field ?? '\u0000'))
          failures.push(`${c.label}: error without field in message or without fix: ${JSON.stringify(e)}`);
    }
    expect(failures).toEqual([]);
    expect(await snapshotTree(root)).toEqual(before);
    expect([...vault.entries]).toEqual(vaultBefore);
  });

  it('refuses to write when the VPN credentials are not in the vault, writing nothing', async () => {
    const vault = memoryVault();
    const empty = await tempDir('invalid-nosecret');
    const r = await writeStack({ ...baseConfig(), installRoot: empty }, { catalog, vault });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.map((e) => e.field)).toEqual(['secrets.vpn.openvpn.user', 'secrets.vpn.openvpn.password']);
    expect(await snapshotTree(empty)).toEqual({});
    expect(vault.entries.size).toBe(0);
  });
});
