// migrate.* through the App service (the path every door takes): input validated with the field named, copy progress
// pushed as the contract's ProgressEvent, status answers validated against the contract.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { testAppDeps } from '../helpers/test-app';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppService, type AppService } from '../../src/core/app/app-service';
import { PushEventSchema, type PushEvent } from '../../src/core/contract';
import { createDockerEndpoint } from '../../src/core/engine/docker-endpoint';
import { createKeytarVault } from '../../src/core/vault/keytar-vault';
import { generateLibrary } from '../helpers/library-generator';

let dir: string;
let app: AppService;
beforeAll(async () => {
  dir = await mkdtemp(path.join(process.env.UPS_CI_TMP ?? os.tmpdir(), 'ups-t-migrate-app-'));
  app = createAppService(
    testAppDeps({
      version: 'test',
      platform: process.platform,
      arch: process.arch,
      door: 'cli',
      project: 'ups-t-migrate-app',
      installRoot: async () => null,
      endpoint: createDockerEndpoint(process.env),
      detectCompose: async () => ({ available: false }),
      vault: createKeytarVault('UPS test unused'),
      migrate: { stateDir: path.join(dir, 'state') },
    }),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('migrate through the App service', () => {
  it('validates input and names the field', async () => {
    const r = await app.handle('migrate.plan', { to: '' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.field).toBe('input.to');
    const extra = await app.handle('migrate.finish', { deleteSource: true, force: true });
    expect(extra.ok).toBe(false);
  });

  it('pushes progress events while copying and ends verified', async () => {
    const src = path.join(dir, 'data');
    const nas = path.join(dir, 'nas');
    const lib = await generateLibrary(src, { largeBytes: 10 << 20 });
    await mkdir(nas);
    const plan = await app.handle('migrate.plan', { to: nas, from: src });
    expect(plan.ok).toBe(true);
    const events: PushEvent[] = [];
    const off = app.subscribe((e) => events.push(e));
    const done = await app.call('migrate.start', { operationId: 'migrate-test-1' });
    off();
    expect(done.ok && done.value.phase).toBe('verified');
    const progress = events.filter((e) => e.type === 'progress');
    expect(progress.length).toBeGreaterThan(2);
    for (const e of progress) expect(PushEventSchema.safeParse(e).success).toBe(true);
    // Every push of this copy carries the caller's id, so the dialog that started it follows it.
    expect(progress.every((e) => e.type === 'progress' && e.progress.operationId === 'migrate-test-1')).toBe(true);
    const last = progress.at(-1)!;
    expect(last.type === 'progress' && last.progress.current).toBe(lib.bytes);
    expect(last.type === 'progress' && last.progress.message).toMatch(/files · .* MiB\/s/);
    const st = await app.call('migrate.status');
    expect(st.ok && st.value.progress?.bytesDone).toBe(lib.bytes);
  });
});
