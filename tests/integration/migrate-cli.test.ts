// `ups migrate` through the built CLI: usage errors exit 2, refusals exit 1 with a fix, the source is never touched
// by a finish that is not allowed, and plan → start → status works end to end in text and JSON.
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentView, fingerprint, generateLibrary } from '../helpers/library-generator';

let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  if (!existsSync('dist/cli/ups.mjs'))
    throw new Error(
      'The built CLI is missing (dist/cli/ups.mjs): run `npm run build:node` first (npm test builds it).',
    );
  dir = await mkdtemp(path.join(process.env.UPS_CI_TMP ?? os.tmpdir(), 'ups-t-migrate-cli-'));
  env = { ...process.env, UPS_MIGRATE_STATE_DIR: path.join(dir, 'state'), UPS_CONFIG_DIR: path.join(dir, 'config') };
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ups = (...args: string[]) =>
  execa(process.execPath, ['bin/ups.mjs', 'migrate', ...args], { env, reject: false, stdin: 'ignore' });

describe('ups migrate', () => {
  it('refuses bad usage and out-of-order steps with exit codes and fixes', async () => {
    const usage = await ups('plan');
    expect(usage.exitCode).toBe(2);
    expect(usage.stderr).toMatch(/--to/);
    const none = await ups('status', '--json');
    expect(none.exitCode).toBe(0);
    expect(JSON.parse(none.stdout).value.phase).toBe('none');
    const resume = await ups('resume');
    expect(resume.exitCode).toBe(1);
    expect(resume.stderr).toMatch(/run: ups migrate plan --to/);
    const fin = await ups('finish', '--delete-source', '--json');
    expect(fin.exitCode).toBe(1);
    expect(JSON.parse(fin.stdout).error.code).toBe('NOT_FOUND');
  });

  it('plans, copies with progress, reports verified, and keeps the source when finish cannot switch', async () => {
    const src = path.join(dir, 'data');
    const nas = path.join(dir, 'nas');
    await generateLibrary(src, { largeBytes: 12 << 20 });
    await mkdir(nas);
    const plan = await ups('plan', '--to', nas, '--from', src, '--media-only');
    expect(plan.exitCode, plan.stderr).toBe(0);
    expect(plan.stdout).toMatch(/move media only/);
    expect(plan.stdout).toMatch(/copy each finished download instead of hardlinking/);
    const start = await ups('start');
    expect(start.exitCode, start.stderr).toBe(0);
    expect(start.stderr).toMatch(/progress: .*files/);
    expect(start.stdout).toMatch(/Migration: verified/);
    expect(contentView(await fingerprint(nas, 'media'))).toEqual(contentView(await fingerprint(src, 'media')));
    const fin = await ups('finish', '--delete-source');
    expect(fin.exitCode).toBe(1);
    expect(fin.stderr).toMatch(/No installed stack/);
    expect((await fingerprint(src)).size).toBeGreaterThan(0);
    expect(contentView(await fingerprint(src, 'media'))).toEqual(contentView(await fingerprint(nas, 'media')));
  });
});
