// The generator against real Compose: every selection (qBittorrent/NZBGet/both × proxy × Tdarr, FlareSolverr on when
// exactly one of proxy and Tdarr is, so it is seen with and without each) is accepted by
// `compose config`, and the interpolated result has the services, mounts and network modes the design requires.
import { execa } from 'execa';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StackConfigSchema, type StackConfig } from '../../src/core/contract';
import { loadCatalog, type Catalog } from '../../src/core/stack/catalog';
import { generateStack } from '../../src/core/stack/generate-stack';
import { sampleConfigInput } from '../../src/core/stack/sample-config';
import { envVarFor } from '../../src/core/contract/secret-names';
import { composeCommands, removeTempDirs, tempDir } from './stack-helpers';

type ComposeOut = { services: Record<string, Record<string, unknown>>; volumes?: Record<string, unknown> };
type Mount = { type?: string; source?: string; target?: string } | string;

let catalog: Catalog;
let commands: string[][];
beforeAll(async () => {
  catalog = await loadCatalog();
  commands = await composeCommands();
});
afterAll(removeTempDirs);

const clients = [
  { qbittorrent: true, nzbget: false },
  { qbittorrent: false, nzbget: true },
  { qbittorrent: true, nzbget: true },
];
const combos = clients.flatMap((c) =>
  [false, true].flatMap((proxy) =>
    [false, true].map((tdarr) => ({ ...c, proxy, tdarr, flaresolverr: proxy !== tdarr })),
  ),
);

/** Ports as `compose config` prints them: long syntax (v2) or `ip:published:target/proto` strings (v1). */
function publishedOn(ports: unknown): { ip: string; published: string; target: number }[] {
  return ((ports as unknown[] | undefined) ?? []).map((p) => {
    if (typeof p === 'string') {
      const m = /^(?:([\d.]+):)?(\d+):(\d+)/.exec(p)!;
      return { ip: m[1] ?? '', published: m[2]!, target: Number(m[3]) };
    }
    const o = p as { host_ip?: string; published?: string | number; target: number };
    return { ip: o.host_ip ?? '', published: String(o.published), target: o.target };
  });
}

async function composeConfig(cmd: string[], root: string, cfg: StackConfig, secrets: string[]) {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', DOCKER_HOST: process.env.DOCKER_HOST ?? '' };
  for (const s of secrets) env[s] = `fake-${s.toLowerCase()}`;
  return execa(cmd[0]!, [...cmd.slice(1), '-p', 'ups-t-stack-cfg', '-f', join(root, 'compose.yaml'), 'config'], {
    env,
    extendEnv: false,
    reject: false,
    cwd: cfg.installRoot,
  });
}

function bindSources(svc: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of (svc.volumes ?? []) as Mount[])
    if (typeof m === 'object' && m.type === 'bind') out[m.target!] = m.source!;
  return out;
}

function namedVolumes(svc: Record<string, unknown>): string[] {
  return ((svc.volumes ?? []) as Mount[]).flatMap((m) =>
    typeof m === 'string' ? [m.split(':')[1]!] : m.type === 'volume' ? [m.target!] : [],
  );
}

describe.each(combos)(
  'compose config for qbittorrent=$qbittorrent nzbget=$nzbget proxy=$proxy tdarr=$tdarr flaresolverr=$flaresolverr',
  (combo) => {
    it('is accepted and has the right services, mounts and network modes', async () => {
      const root = await tempDir('cfg');
      const cfg = StackConfigSchema.parse(
        sampleConfigInput({
          installRoot: root,
          dataRoot: join(root, 'data'),
          services: {
            qbittorrent: combo.qbittorrent,
            nzbget: combo.nzbget,
            tdarr: combo.tdarr,
            flaresolverr: combo.flaresolverr,
            proxy: combo.proxy
              ? { enabled: true, domain: 'media.example.com', acmeEmail: 'me@example.com' }
              : { enabled: false },
          },
        }),
      );
      const g = generateStack(cfg, catalog);
      for (const f of g.files) await writeFile(join(root, f.name), f.content);
      expect(parse(g.compose.text)).not.toHaveProperty('name');
      expect(parse(g.compose.text)).not.toHaveProperty('version');
      const secrets = g.compose.requiredSecrets.map(envVarFor);

      for (const cmd of commands) {
        const r = await composeConfig(cmd, root, cfg, secrets);
        expect(r.exitCode, `${cmd.join(' ')} config: ${r.stderr}`).toBe(0);
        const out = parse(r.stdout) as ComposeOut;
        const expected = ['vpn', 'plex', 'prowlarr', 'radarr', 'sonarr', 'bazarr', 'seerr'];
        if (combo.qbittorrent) expected.push('qbittorrent');
        if (combo.nzbget) expected.push('nzbget');
        if (combo.tdarr) expected.push('tdarr');
        if (combo.flaresolverr) expected.push('flaresolverr');
        if (combo.proxy) expected.push('proxy');
        expect(Object.keys(out.services).sort()).toEqual(expected.sort());

        const vpnPorts = JSON.stringify(out.services.vpn!.ports);
        // docs/decisions.md D17: every published port is on 127.0.0.1 but Plex and the proxy's 80/443.
        const open = Object.values(out.services)
          .flatMap((svc) => publishedOn(svc.ports))
          .filter((p) => p.ip !== '127.0.0.1');
        expect(open.map((p) => p.published).sort()).toEqual(
          [
            String(cfg.ports.plex),
            ...(combo.proxy ? [String(cfg.ports.proxyHttp), String(cfg.ports.proxyHttps)] : []),
          ].sort(),
        );
        for (const [client, port] of [
          ['qbittorrent', 8080],
          ['nzbget', 6789],
        ] as const) {
          const svc = out.services[client];
          if (!svc) {
            expect(vpnPorts).not.toContain(`"target":${port}`);
            continue;
          }
          expect(svc.network_mode).toBe('service:vpn');
          expect(svc.ports).toBeUndefined();
          expect(svc.depends_on).toEqual({ vpn: { condition: 'service_healthy' } });
          expect(publishedOn(out.services.vpn!.ports)).toContainEqual({
            ip: '127.0.0.1',
            published: String(cfg.ports[client]),
            target: port,
          });
        }
        for (const [name, svc] of Object.entries(out.services)) {
          if (name !== 'qbittorrent' && name !== 'nzbget') expect(svc.network_mode, name).toBeUndefined();
          // Only the /data tree is bind-mounted; everything else is a named volume.
          for (const src of Object.values(bindSources(svc)))
            expect(src.startsWith(cfg.dataRoot), `${name} binds ${src}`).toBe(true);
          expect(namedVolumes(svc).length, `${name} has a named config volume`).toBeGreaterThan(0);
          expect(JSON.stringify(svc.environment ?? {})).toContain(cfg.timeZone);
        }
        expect(bindSources(out.services.radarr!)).toEqual({ '/data': cfg.dataRoot });
        expect(bindSources(out.services.sonarr!)).toEqual({ '/data': cfg.dataRoot });
        expect(bindSources(out.services.plex!)).toEqual({ '/data/media': `${cfg.dataRoot}/media` });
        expect(bindSources(out.services.bazarr!)).toEqual({ '/data/media': `${cfg.dataRoot}/media` });
        if (combo.qbittorrent)
          expect(bindSources(out.services.qbittorrent!)).toEqual({ '/data/torrents': `${cfg.dataRoot}/torrents` });
        if (combo.nzbget)
          expect(bindSources(out.services.nzbget!)).toEqual({ '/data/usenet': `${cfg.dataRoot}/usenet` });
        expect(bindSources(out.services.prowlarr!)).toEqual({});
        // Tdarr's transcode cache sits beside media, where nodes on other PCs can reach it (docs/decisions.md D34).
        if (combo.tdarr)
          expect(bindSources(out.services.tdarr!)).toEqual({
            '/data/media': `${cfg.dataRoot}/media`,
            '/temp': `${cfg.dataRoot}/tdarr-cache`,
          });
        if (combo.flaresolverr) {
          // Only Prowlarr calls it, on the compose network: nothing published, no media mounted.
          expect(out.services.flaresolverr!.ports).toBeUndefined();
          expect(bindSources(out.services.flaresolverr!)).toEqual({});
        }
      }
    });
  },
);

describe('paths with spaces', () => {
  it('survive .env and interpolation in compose', async () => {
    const root = await tempDir('cfg space');
    const cfg = StackConfigSchema.parse(
      sampleConfigInput({ installRoot: join(root, 'my install'), dataRoot: join(root, 'My Media') }),
    );
    const g = generateStack(cfg, catalog);
    await mkdir(cfg.installRoot, { recursive: true });
    for (const f of g.files) await writeFile(join(cfg.installRoot, f.name), f.content);
    for (const cmd of commands) {
      const r = await composeConfig(cmd, cfg.installRoot, cfg, g.compose.requiredSecrets.map(envVarFor));
      expect(r.exitCode, r.stderr).toBe(0);
      const out = parse(r.stdout) as ComposeOut;
      expect(bindSources(out.services.radarr!)).toEqual({ '/data': cfg.dataRoot });
    }
  });
});

describe('secrets in compose', () => {
  it('refuses to interpolate when a vault secret is missing, naming its variable', async () => {
    const root = await tempDir('cfg-missing');
    const cfg = StackConfigSchema.parse(sampleConfigInput({ installRoot: root, dataRoot: join(root, 'data') }));
    const g = generateStack(cfg, catalog);
    for (const f of g.files) await writeFile(join(root, f.name), f.content);
    const all = g.compose.requiredSecrets.map(envVarFor);
    expect(all).toContain('UPS_RADARR_API_KEY');
    for (const cmd of commands) {
      const r = await composeConfig(
        cmd,
        root,
        cfg,
        all.filter((v) => v !== 'UPS_RADARR_API_KEY'),
      );
      expect(r.exitCode).not.toBe(0);
      expect(r.stderr).toContain('UPS_RADARR_API_KEY is not set');
    }
  });

  it('writes no secret value into compose.yaml or .env: only ${UPS_…} references', async () => {
    const cfg = StackConfigSchema.parse(sampleConfigInput({ installRoot: '/srv/ups', dataRoot: '/srv/media' }));
    const g = generateStack(cfg, catalog);
    const text = g.files.map((f) => f.content).join('\n');
    for (const name of g.compose.requiredSecrets) expect(text).toContain(`\${${envVarFor(name)}:?`);
    expect(g.files.find((f) => f.name === '.env')!.content).not.toMatch(/^UPS_/m);
  });
});
