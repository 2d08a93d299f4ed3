// Health-gated updates through a real pull: Debian's docker-registry serves "new" radarr stand-ins. A healthy one is
// applied; one whose healthcheck fails is rolled back automatically to the recorded image ID with the stack healthy;
// the history records both; `rollback` on demand returns to the set recorded before the last applied update.
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UpdateCheck, UpdateRecord } from '../../src/core/contract';
import { currentImages } from '../../src/core/engine/updates/service-images';
import { allHealthy, CONTROL_KEY, createEngineHarness, type EngineHarness } from '../fixtures/engine/harness';
import { startRegistry, type TestRegistry } from '../fixtures/engine/registry';

let h: EngineHarness;
let registry: TestRegistry;
let ref: string;
const ids: Record<string, string> = {};
const dockerEnv = { DOCKER_BUILDKIT: '0' };

/** Builds a stand-in variant, pushes it as `ref`, and returns its image ID; `keepLocal` decides where `ref` points after. */
async function publish(version: string, health: 'ok' | 'fail', keepLocalAt?: string): Promise<string> {
  const dockerfile = `FROM ups-standin/service:latest\nENV STANDIN_VERSION=${version} STANDIN_HEALTH=${health}\nLABEL ups.test=${h.project}-${version}\n`;
  await execa('docker', ['build', '-q', '-t', ref, '-'], { input: dockerfile, env: dockerEnv });
  const id = (await execa('docker', ['image', 'inspect', '-f', '{{.Id}}', ref])).stdout.trim();
  await execa('docker', ['push', ref]);
  // The registry now has this version; the engine keeps the older one under the tag, like a machine that has not pulled yet.
  if (keepLocalAt) await execa('docker', ['tag', keepLocalAt, ref]);
  return id;
}

const radarrId = async () => (await currentImages(h.docker, h.project)).radarr?.imageId;
const ok = <T>(r: { ok: boolean; value?: unknown; error?: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error?.message);
  return r.value as T;
};

beforeAll(async () => {
  registry = await startRegistry();
  ref = `${registry.host}/ups-t/radarr:latest`;
  // The fixture's radarr image comes from this variable, given to the app's compose runs and to the harness's.
  h = await createEngineHarness(
    'update',
    { engine: { vpnWatchIntervalMs: 0, composeEnv: { UPS_T_RADARR_IMAGE: ref } } },
    { UPS_T_RADARR_IMAGE: ref },
  );
  ids.v1 = await publish('1', 'ok');
  const mark = h.pushes.length;
  ok(await h.app.handle('stack.up', {}));
  await h.waitForPush('stack healthy', (s) => allHealthy(s, 5), mark);
});
afterAll(async () => {
  await h?.cleanup();
  await registry?.stop();
  for (const id of Object.values(ids)) await execa('docker', ['rmi', '-f', id], { reject: false });
});

describe('updates', () => {
  it('check: nothing newer while the registry has what runs', async () => {
    const c = ok<UpdateCheck>(await h.app.handle('update.check', {}));
    expect(c.services.find((s) => s.service === 'radarr')).toMatchObject({
      updateAvailable: false,
      currentImageId: ids.v1,
    });
    // Catalog images cannot be asked (no registry for them here): an error, never "up to date".
    expect(c.services.find((s) => s.service === 'vpn')?.error).toMatch(/could not ask the registry/);
  });

  it('apply: a healthy new image is pulled, recreated and kept', async () => {
    ids.v2 = await publish('2', 'ok', ids.v1);
    expect(await radarrId()).toBe(ids.v1);
    const c = ok<UpdateCheck>(await h.app.handle('update.check', {}));
    expect(c.services.find((s) => s.service === 'radarr')?.updateAvailable).toBe(true);
    const r = ok<UpdateRecord>(await h.app.handle('update.apply', { healthTimeoutSec: 60 }));
    expect(r).toMatchObject({ kind: 'apply', outcome: 'applied', failed: [] });
    expect(r.before.radarr?.imageId).toBe(ids.v1);
    expect(r.after.radarr?.imageId).toBe(ids.v2);
    expect(await radarrId()).toBe(ids.v2);
  });

  it('apply: an image whose healthcheck fails is rolled back to the recorded image, stack healthy', async () => {
    ids.v3 = await publish('3', 'fail', ids.v2);
    const r = ok<UpdateRecord>(await h.app.handle('update.apply', { healthTimeoutSec: 60 }));
    expect(r).toMatchObject({ outcome: 'rolled-back', failed: [{ service: 'radarr' }] });
    expect(r.message).toMatch(/rolled back radarr/);
    expect(await radarrId()).toBe(ids.v2);
    const s = ok<{ services: { state: string; health: string }[] }>(await h.app.handle('stack.status', {}));
    const mark = h.pushes.length;
    if (!s.services.every((x) => x.state === 'running' && x.health === 'healthy'))
      await h.waitForPush('healthy after rollback', (x) => allHealthy(x, 5), mark);
  });

  it('history records both updates, without secrets', async () => {
    const hist = ok<UpdateRecord[]>(await h.app.handle('update.history', {}));
    expect(hist.map((r) => r.outcome)).toEqual(['applied', 'rolled-back']);
    const text = JSON.stringify(hist);
    expect(text).not.toContain(CONTROL_KEY);
  });

  it('rollback on demand returns to the images recorded before the last applied update', async () => {
    const r = ok<UpdateRecord>(await h.app.handle('update.rollback', {}));
    expect(r).toMatchObject({ kind: 'rollback', outcome: 'rolled-back' });
    expect(await radarrId()).toBe(ids.v1);
  });
});
