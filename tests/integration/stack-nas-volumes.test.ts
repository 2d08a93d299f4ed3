// The generator with a NAS target in stack.yml: real `compose config` accepts it and resolves every /data
// mount to the target (everything) or only /data/media (media-only); a share target becomes CIFS named volumes whose
// credentials come only from the environment (vault), never from a written file.
import { execa } from 'execa';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StackConfigSchema, type StackConfig } from '../../src/core/contract';
import { loadCatalog, type Catalog } from '../../src/core/stack/catalog';
import { secretEnvFor } from '../../src/core/stack/bring-up';
import { generateStack } from '../../src/core/stack/generate-stack';
import { sampleConfigInput } from '../../src/core/stack/sample-config';
import { validateStackConfig } from '../../src/core/install/validate-config';
import { envVarFor } from '../../src/core/contract/secret-names';
import { composeCommands, removeTempDirs, tempDir } from './stack-helpers';

type Mount = { type?: string; source?: string; target?: string } | string;
type Out = {
  services: Record<string, { volumes?: Mount[] }>;
  volumes?: Record<string, { driver?: string; driver_opts?: Record<string, string> }>;
};

let catalog: Catalog;
let cmd: string[];
beforeAll(async () => {
  catalog = await loadCatalog();
  cmd = (await composeCommands())[0]!;
});
afterAll(removeTempDirs);

async function configOf(cfg: StackConfig, extraEnv: Record<string, string> = {}) {
  const g = generateStack(cfg, catalog);
  for (const f of g.files) await writeFile(join(cfg.installRoot, f.name), f.content);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    DOCKER_HOST: process.env.DOCKER_HOST ?? '',
    ...extraEnv,
  };
  for (const s of g.compose.requiredSecrets) env[envVarFor(s)] ??= `fake-${s}`;
  const r = await execa(
    cmd[0]!,
    [...cmd.slice(1), '-p', 'ups-t-stack-nas', '-f', join(cfg.installRoot, 'compose.yaml'), 'config'],
    { env, extendEnv: false, reject: false, cwd: cfg.installRoot },
  );
  return { g, r, out: r.exitCode === 0 ? (parse(r.stdout) as Out) : null };
}

/** container path → host source (bind path or named volume), from either short or long syntax. */
function sources(svc: { volumes?: Mount[] } | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of svc?.volumes ?? []) {
    if (typeof m === 'string') {
      const [src, dst] = m.split(':');
      out[dst!] = src!;
    } else out[m.target!] = m.source!;
  }
  return out;
}

/**
 * How the kernel's CIFS client splits a mount(2) option string (linux fs/smb/client/fs_context.c,
 * smb3_fs_context_parse_monolithic): split at ",", but a doubled ",," is one literal comma inside the value.
 */
function kernelCifsOptions(o: string): Map<string, string> {
  const tokens: string[] = [];
  let cur = '';
  for (let i = 0; i < o.length; i++) {
    if (o[i] !== ',') {
      cur += o[i];
    } else if (o[i + 1] === ',') {
      cur += ',';
      i++;
    } else {
      tokens.push(cur);
      cur = '';
    }
  }
  tokens.push(cur);
  return new Map(tokens.map((t) => [t.slice(0, t.indexOf('=')), t.slice(t.indexOf('=') + 1)]));
}

async function config(root: string, nas: unknown) {
  return StackConfigSchema.parse(sampleConfigInput({ installRoot: root, dataRoot: join(root, 'data'), nas } as never));
}

describe('generator with a NAS target', () => {
  it('moves every /data mount to a mounted target when moving everything', async () => {
    const root = await tempDir('nas-all');
    const { r, out } = await configOf(await config(root, { mode: 'everything', target: join(root, 'nas') }));
    expect(r.exitCode, r.stderr).toBe(0);
    const nas = join(root, 'nas');
    expect(sources(out!.services.radarr)['/data']).toBe(nas);
    expect(sources(out!.services.sonarr)['/data']).toBe(nas);
    expect(sources(out!.services.plex)['/data/media']).toBe(`${nas}/media`);
    expect(sources(out!.services.qbittorrent)['/data/torrents']).toBe(`${nas}/torrents`);
    expect(sources(out!.services.nzbget)['/data/usenet']).toBe(`${nas}/usenet`);
  });

  it('moves only /data/media in media-only mode; downloads stay on the data root', async () => {
    const root = await tempDir('nas-media');
    const { r, out } = await configOf(await config(root, { mode: 'media-only', target: join(root, 'nas') }));
    expect(r.exitCode, r.stderr).toBe(0);
    const nas = join(root, 'nas');
    expect(sources(out!.services.radarr)).toMatchObject({ '/data': join(root, 'data'), '/data/media': `${nas}/media` });
    expect(sources(out!.services.plex)['/data/media']).toBe(`${nas}/media`);
    expect(sources(out!.services.qbittorrent)['/data/torrents']).toBe(join(root, 'data', 'torrents'));
  });

  it('mounts a share target as CIFS volumes with vault credentials from the environment only', async () => {
    const root = await tempDir('nas-unc');
    const password = `pw-${Math.random().toString(36).slice(2)}`;
    const cfg = await config(root, {
      mode: 'everything',
      target: '//nas.local/media/ups/',
      smb: { version: '3.1.1', uid: 1001, gid: 1002 },
    });
    expect(cfg.nas!.target).toBe('\\\\nas.local\\media\\ups');
    const { g, r, out } = await configOf(cfg, {
      [envVarFor('nas.user')]: 'mediauser',
      [envVarFor('nas.password')]: password,
    });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(g.compose.requiredSecrets).toEqual(expect.arrayContaining(['nas.user', 'nas.password']));
    expect(g.compose.volumes).toEqual(expect.arrayContaining(['ups_nas_data', 'ups_nas_media', 'ups_nas_torrents']));
    const vol = Object.entries(out!.volumes ?? {}).find(([k]) => k.endsWith('ups_nas_media'))![1];
    expect(vol.driver_opts).toMatchObject({ type: 'cifs', device: '//nas.local/media/ups/media' });
    expect(vol.driver_opts!.o).toContain(`password=${password}`);
    expect(vol.driver_opts!.o).toContain('vers=3.1.1,uid=1001,gid=1002');
    for (const f of await readdir(root)) {
      const text = await readFile(join(root, f), 'utf8').catch(() => '');
      expect(text.includes(password), f).toBe(false);
    }
    // The re-read stack.yml gives the same compose.yaml (the NAS block survives the round trip).
    const again = validateStackConfig(parse(await readFile(join(root, 'stack.yml'), 'utf8')));
    expect(again.ok && generateStack(again.value, catalog).compose.text).toBe(g.compose.text);
  });

  it('keeps a password with commas inside its CIFS option when the env comes from the vault as at `up`', async () => {
    const root = await tempDir('nas-comma');
    const secrets: Record<string, string> = { 'nas.user': 'media,user', 'nas.password': ',pa,ss,,word=1' };
    const cfg = await config(root, { mode: 'media-only', target: '//nas.local/media/ups' });
    const g0 = generateStack(cfg, catalog);
    // The same builder bring-up uses: vault values → compose variables.
    const env = await secretEnvFor(
      { get: async (n: string) => secrets[n] ?? `fake-${n}`, set: async () => undefined } as never,
      g0.compose,
    );
    const { r, out } = await configOf(cfg, env);
    expect(r.exitCode, r.stderr).toBe(0);
    const o = Object.entries(out!.volumes ?? {}).find(([k]) => k.endsWith('ups_nas_media'))![1].driver_opts!.o!;
    const opts = kernelCifsOptions(o);
    expect(opts.get('password')).toBe(secrets['nas.password']);
    expect(opts.get('username')).toBe(secrets['nas.user']);
    expect(opts.get('vers')).toBe('3.0');
    expect(opts.get('addr')).toBe('nas.local');
  });

  it('accepts a share path only as the NAS target, and names the field when it is malformed', () => {
    const base = sampleConfigInput({ installRoot: '/srv/ups', dataRoot: '/srv/data' });
    expect(validateStackConfig({ ...base, dataRoot: '\\\\nas\\media' }).ok).toBe(false);
    const bad = validateStackConfig({ ...base, nas: { mode: 'everything', target: '\\\\nas' } });
    expect(bad.ok ? [] : bad.errors.map((e) => e.field)).toEqual(['nas.target']);
    const same = validateStackConfig({ ...base, nas: { mode: 'media-only', target: '/srv/data/' } });
    expect(same.ok ? [] : same.errors.map((e) => e.field)).toEqual(['nas.target']);
  });
});
