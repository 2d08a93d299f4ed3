// Plan and service behaviour on real file systems: a too-small target (a real 4 MiB tmpfs) is refused before any
// copy; a target that disappears mid-copy pauses with a clear error and resumes; the source is never deleted early.
import { execa } from 'execa';
import { execFileSync } from 'node:child_process';
import { renameSync, statfsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UpsFailure } from '../../src/core/contract/envelope';
import { createMigrateService, type MigrateDeps } from '../../src/core/migrate/migrate-service';
import { findPartials } from '../../src/core/migrate/partials';
import { contentView, fingerprint, generateLibrary } from '../helpers/library-generator';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(process.env.UPS_CI_TMP ?? os.tmpdir(), 'ups-t-migrate-plan-'));
});
afterEach(async () => {
  for (const m of ['small', 'full']) await execa('umount', [path.join(dir, m)], { reject: false });
  await rm(dir, { recursive: true, force: true });
});

function service(extra: Partial<MigrateDeps> = {}) {
  return createMigrateService({
    stateDir: path.join(dir, 'state'),
    platform: process.platform,
    dataRoot: async () => null,
    composeFile: async () => null,
    stack: async () => null,
    hooks: async () => [],
    ...extra,
  });
}

async function failure(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UpsFailure);
  return (err as UpsFailure).error;
}

describe('migrate plan and service', () => {
  it('refuses a target that is too small before copying anything', async () => {
    const src = path.join(dir, 'data');
    await generateLibrary(src, { largeBytes: 4 << 20 });
    const small = path.join(dir, 'small');
    await mkdir(small);
    const m = await execa('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', small], { reject: false });
    expect(m.exitCode, `mounting a 4 MiB tmpfs needs root (${m.stderr})`).toBe(0);
    const svc = service();
    const err = await failure(svc.plan({ to: small, from: src }));
    expect(err.code).toBe('BAD_INPUT');
    expect(err.field).toBe('to');
    expect(err.message).toMatch(/free; the copy needs .* safety margin/);
    expect(err.fix).toBeTruthy();
    expect(await readdir(small)).toEqual([]);
    expect((await svc.status()).phase).toBe('none');
    expect((await failure(svc.start())).code).toBe('NOT_FOUND');
  });

  it('rejects overlapping, missing and UNC-on-Linux targets with the field named', async () => {
    const src = path.join(dir, 'data');
    await generateLibrary(src, { largeCount: 1, smallCount: 2 });
    const svc = service();
    expect((await failure(svc.plan({ to: path.join(src, 'media'), from: src }))).message).toMatch(/overlap/);
    expect((await failure(svc.plan({ to: path.join(dir, 'nope'), from: src }))).field).toBe('to');
    expect((await failure(svc.plan({ to: path.join(dir), from: path.join(dir, 'missing') }))).field).toBe('from');
    if (process.platform !== 'win32')
      expect((await failure(svc.plan({ to: '\\\\nas\\share', from: src }))).message).toMatch(/must be mounted/);
    expect((await failure(svc.plan({ to: dir }))).field).toBe('from');
  });

  it('pauses with a clear error when the target disappears mid-copy, then resumes to an identical tree', async () => {
    const src = path.join(dir, 'data');
    const nas = path.join(dir, 'nas');
    await generateLibrary(src, { largeBytes: 20 << 20 });
    await mkdir(nas);
    let pulled = false;
    const svc = service({
      onProgress: (p) => {
        // Pull the share while a large file is in flight (after at least one file is done).
        if (!pulled && p.filesDone >= 1 && p.currentFile?.endsWith('.mkv') && p.bytesDone > 0) {
          pulled = true;
          renameSync(nas, `${nas}.gone`);
        }
      },
    });
    const plan = await svc.plan({ to: nas, from: src });
    expect(plan.hardlinks.supported).toBe(true);
    expect(plan.sampleRateBps).toBeGreaterThan(0);
    const err = await failure(svc.start());
    expect(pulled).toBe(true);
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toMatch(/not reachable/);
    expect(err.action).toMatchObject({ action: 'migrate.resume' });
    const st = await svc.status();
    expect(st.phase).toBe('paused');
    expect(st.lastError?.message).toMatch(/not reachable/);
    await rename(`${nas}.gone`, nas);
    const done = await svc.resume();
    expect(done.phase).toBe('verified');
    expect(contentView(await fingerprint(nas))).toEqual(contentView(await fingerprint(src)));
    expect(await findPartials(nas)).toEqual([]);
    // Finishing needs an installed stack; deleting is refused before a switch: the source stays whole.
    expect((await failure(svc.finish({ deleteSource: true }))).code).toBe('NOT_FOUND');
    expect(contentView(await fingerprint(src))).toEqual(contentView(await fingerprint(nas)));
  });

  it("moves Tdarr's transcode cache mount with media but copies nothing from it (docs/decisions.md D34)", async () => {
    const src = path.join(dir, 'data');
    const nas = path.join(dir, 'nas');
    const lib = await generateLibrary(src, { largeCount: 1, smallCount: 2 });
    await mkdir(path.join(src, 'tdarr-cache'));
    await writeFile(path.join(src, 'tdarr-cache', 'Big-TdarrCacheFile-x.mkv'), Buffer.alloc(2 << 20, 1));
    await mkdir(nas);
    const composeFile = path.join(dir, 'compose.yaml');
    await writeFile(
      composeFile,
      [
        'services:',
        '  tdarr:',
        '    image: ghcr.io/haveagitgat/tdarr:2.28.01',
        '    volumes:',
        `      - ${src}/media:/data/media`,
        `      - ${src}/tdarr-cache:/temp`,
        '',
      ].join('\n'),
    );
    const svc = service({ composeFile: async () => composeFile });
    const plan = await svc.plan({ to: nas, from: src });
    // The 2 MiB in the cache are not library data: the plan counts exactly the library.
    expect(plan.bytes).toBe(lib.bytes);
    expect(plan.composeChanges).toContainEqual({
      service: 'tdarr',
      containerPath: '/temp',
      from: `${src}/tdarr-cache`,
      to: `${nas}/tdarr-cache`,
    });
    expect((await svc.start()).phase).toBe('verified');
    expect(await readdir(path.join(nas, 'tdarr-cache'))).toEqual([]);
    expect((await readdir(nas)).sort()).toEqual(['.ups-migrate-target', 'media', 'tdarr-cache', 'torrents', 'usenet']);
  });

  it('re-checks space before copying, and pauses on a full share mid-copy with a clear error, then resumes', async () => {
    const src = path.join(dir, 'data');
    await generateLibrary(src, { largeBytes: 16 << 20, largeCount: 4 });
    const full = path.join(dir, 'full');
    await mkdir(full);
    const m = await execa('mount', ['-t', 'tmpfs', '-o', 'size=400m', 'tmpfs', full], { reject: false });
    expect(m.exitCode, `mounting a 400 MiB tmpfs needs root (${m.stderr})`).toBe(0);
    const filler = path.join(full, 'filler.bin');
    const fill = (leave: number) => {
      const st = statfsSync(full);
      execFileSync('fallocate', ['-l', String(Math.max(1, st.bavail * st.bsize - leave)), filler]);
    };
    let filled = false;
    const svc = service({
      onProgress: (p) => {
        if (!filled && p.filesDone >= 2) {
          filled = true;
          fill(1 << 20); // the share fills up (another writer) while the copy runs
        }
      },
    });
    await svc.plan({ to: full, from: src });
    fill(200 << 20); // after the plan, before the start: the copy no longer fits with its margin
    const refused = await failure(svc.start());
    expect(refused.field).toBe('to');
    expect(refused.message).toMatch(/Nothing was copied/);
    expect((await readdir(full)).sort()).toEqual(['.ups-migrate-target', 'filler.bin']);
    await rm(filler);
    const err = await failure(svc.start());
    expect(filled).toBe(true);
    expect(err.message).toMatch(/is full/);
    expect(err.action).toMatchObject({ action: 'migrate.resume' });
    expect((await svc.status()).phase).toBe('paused');
    expect(await findPartials(full)).toEqual([]);
    await rm(filler);
    expect((await svc.resume()).phase).toBe('verified');
    expect(contentView(await fingerprint(full))).toEqual(contentView(await fingerprint(src)));
  });
});
