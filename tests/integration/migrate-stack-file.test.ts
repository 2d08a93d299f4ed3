// The switch on an installed stack (stack.yml + generated compose.yaml + .env): the NAS target goes into stack.yml
// through the atomic install writer, so regenerating from stack.yml gives the byte-identical compose.yaml; a failed
// switch puts stack.yml, compose.yaml and .env back byte for byte. Real files and the real catalog; the StackPort here
// records verbs instead of running the generated stack, because its images (gluetun, Plex, the Arrs) cannot run in this
// sandbox — the real-engine switch of mounts is migrate-switch.test.ts. Also: a share target is refused at plan time
// while the vault lacks nas.user / nas.password.
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { StackConfigSchema } from '../../src/core/contract';
import { UpsFailure } from '../../src/core/contract/envelope';
import { writeInstallFiles } from '../../src/core/fs/install-writer';
import { createMigrateService, type MigrateDeps } from '../../src/core/migrate/migrate-service';
import type { StackPort } from '../../src/core/migrate/switch';
import { loadCatalog, type Catalog } from '../../src/core/stack/catalog';
import { generateStack } from '../../src/core/stack/generate-stack';
import { sampleConfigInput } from '../../src/core/stack/sample-config';
import { parseStackFile } from '../../src/core/install/stack-file';
import type { SecretName } from '../../src/core/contract/secret-names';
import { contentView, fingerprint, generateLibrary } from '../helpers/library-generator';

let catalog: Catalog;
let dir: string;
beforeAll(async () => {
  catalog = await loadCatalog();
});
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const INSTALL_FILES = ['stack.yml', 'compose.yaml', '.env'];

function recordingPort(failHealthOnce = false): StackPort & { calls: string[] } {
  let failed = false;
  const calls: string[] = [];
  return {
    calls,
    stop: async () => void calls.push('stop'),
    start: async () => void calls.push('start'),
    async waitHealthy() {
      calls.push('waitHealthy');
      if (failHealthOnce && !failed) {
        failed = true;
        throw new Error('not healthy: plex (unhealthy)');
      }
    },
  };
}

async function setup(port: StackPort, extra: Partial<MigrateDeps> = {}) {
  dir = await mkdtemp(path.join(process.env.UPS_CI_TMP ?? os.tmpdir(), 'ups-t-migrate-stackfile-'));
  const install = path.join(dir, 'install');
  const data = path.join(dir, 'data');
  const nas = path.join(dir, 'nas');
  await mkdir(install);
  await mkdir(nas);
  await generateLibrary(data, { largeCount: 1, smallCount: 4 });
  const cfg = StackConfigSchema.parse(sampleConfigInput({ installRoot: install, dataRoot: data }));
  await writeInstallFiles(install, generateStack(cfg, catalog).files);
  const before = Object.fromEntries(
    await Promise.all(INSTALL_FILES.map(async (f) => [f, await readFile(path.join(install, f), 'utf8')] as const)),
  );
  const svc = createMigrateService({
    stateDir: path.join(dir, 'state'),
    platform: process.platform,
    dataRoot: async () => data,
    composeFile: async () => path.join(install, 'compose.yaml'),
    stack: async () => port,
    hooks: async () => [],
    catalog: async () => catalog,
    ...extra,
  });
  return { install, data, nas, before, svc };
}

const read = (install: string, f: string) => readFile(path.join(install, f), 'utf8');
type Mount = { source?: string; target?: string } | string;
const sourceOf = (compose: string, service: string, target: string) =>
  (
    (parse(compose) as { services: Record<string, { volumes: Mount[] }> }).services[service]!.volumes.find(
      (m) => typeof m !== 'string' && m.target === target,
    ) as { source: string }
  ).source;

describe('migrate switch on an installed stack', () => {
  it('shows the real compose changes in the plan, then records the target in stack.yml so regeneration keeps the move', async () => {
    const port = recordingPort();
    const t = await setup(port);
    const plan = await t.svc.plan({ to: t.nas });
    expect(plan.composeChanges.map((c) => `${c.service}:${c.containerPath}`)).toEqual(
      expect.arrayContaining(['radarr:/data', 'plex:/data/media', 'qbittorrent:/data/torrents']),
    );
    expect(plan.composeChanges.find((c) => c.service === 'plex')).toMatchObject({
      from: `${t.data}/media`,
      to: `${t.nas}/media`,
    });
    expect((await t.svc.start()).phase).toBe('verified');
    expect((await t.svc.finish({})).phase).toBe('switched');
    expect(port.calls).toEqual(['stop', 'start', 'waitHealthy']);
    const stack = parseStackFile(await read(t.install, 'stack.yml'));
    expect(stack.ok && stack.value.nas).toEqual({ mode: 'everything', target: t.nas });
    expect(stack.ok && stack.value.dataRoot).toBe(t.data);
    const compose = await read(t.install, 'compose.yaml');
    expect(sourceOf(compose, 'radarr', '/data')).toBe(t.nas);
    expect(sourceOf(compose, 'plex', '/data/media')).toBe(`${t.nas}/media`);
    // Regenerating from the written stack.yml gives the same bytes as the switch wrote.
    const again = generateStack(stack.ok ? stack.value : (null as never), catalog).files;
    for (const f of again) expect(f.content, f.name).toBe(await read(t.install, f.name));
    // The previous stack.yml and compose.yaml are kept in one backup folder.
    const backups = await readdir(path.join(t.install, '.backups'));
    const last = path.join(t.install, '.backups', backups.sort().at(-1)!);
    expect(await readFile(path.join(last, 'stack.yml'), 'utf8')).toBe(t.before['stack.yml']);
    expect(await readFile(path.join(last, 'compose.yaml'), 'utf8')).toBe(t.before['compose.yaml']);
    expect(contentView(await fingerprint(t.data))).toEqual(contentView(await fingerprint(t.nas)));
    // A finished move is not planned again over it (stack.yml now says where the library is).
    await t.svc.finish({ deleteSource: true });
    const again2 = await t.svc.plan({ to: path.join(dir, 'elsewhere') }).then(
      () => null,
      (e: unknown) => e,
    );
    expect((again2 as UpsFailure).error.message).toMatch(/already uses .*nas/);
  });

  it('puts stack.yml, compose.yaml and .env back byte for byte when the switched stack is not healthy', async () => {
    const port = recordingPort(true);
    const t = await setup(port);
    await t.svc.plan({ to: t.nas, mediaOnly: true });
    expect((await t.svc.start()).phase).toBe('verified');
    const err = await t.svc.finish({}).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UpsFailure);
    expect((err as UpsFailure).error.message).toMatch(/switched back to the local data/);
    expect((err as UpsFailure).error.message).toMatch(/not healthy: plex/);
    for (const f of INSTALL_FILES) expect(await read(t.install, f), f).toBe(t.before[f]);
    expect(port.calls).toEqual(['stop', 'start', 'waitHealthy', 'stop', 'start', 'waitHealthy']);
    expect((await t.svc.status()).phase).toBe('verified');
  });

  it('refuses before stopping anything when the copy came from another folder than the stack data root', async () => {
    const port = recordingPort();
    const t = await setup(port);
    await t.svc.plan({ to: t.nas, from: path.join(t.data, 'media'), mediaOnly: false });
    expect((await t.svc.start()).phase).toBe('verified');
    const err = await t.svc.finish({}).then(
      () => null,
      (e: unknown) => e,
    );
    expect((err as UpsFailure).error.message).toMatch(/data root in stack.yml is/);
    expect(port.calls).toEqual([]);
    for (const f of INSTALL_FILES) expect(await read(t.install, f), f).toBe(t.before[f]);
  });

  it('refuses a share target at plan time while the vault lacks the NAS credentials, naming the command that fixes it', async () => {
    const stored = new Set<SecretName>(['nas.user']);
    const t = await setup(recordingPort(), { platform: 'win32', hasSecret: async (n) => stored.has(n) });
    const err = await t.svc.plan({ to: '\\\\nas.local\\media\\ups' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UpsFailure);
    expect((err as UpsFailure).error).toMatchObject({ code: 'BAD_INPUT', field: 'secrets.nas.password' });
    expect((err as UpsFailure).error.action).toMatchObject({ action: 'secrets.set', input: { name: 'nas.password' } });
    expect((await t.svc.status()).phase).toBe('none');
    // With both stored the vault check passes (the plan then fails on this Linux host only because the share is not there).
    stored.add('nas.password');
    const next = await t.svc.plan({ to: '\\\\nas.local\\media\\ups' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect((next as UpsFailure).error.field).toBe('to');
  });
});
