// The App's default migration deps (the path every door's `migrate finish` takes) add the Plex hooks for an installed
// stack with Plex: one per library, asked at the stack's Plex port with the vault's plex.token, or, with no sign-in
// stored, one skipped hook whose reason the switch reports. Plex is the recorded-response fake at that port.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDockerEndpoint } from '../../src/core/engine/docker-endpoint';
import { migrateDepsFor } from '../../src/core/app/handlers/migrate';
import { inheritedHostEnv } from '../../src/core/engine/compose/compose-runner';
import { loadCatalog } from '../../src/core/stack/catalog';
import { sampleConfigInput } from '../../src/core/stack/sample-config';
import { writeStack } from '../../src/core/stack/write-stack';
import type { SecretVault } from '../../src/core/vault/secret-vault';
import { startPlexLibraryFake } from '../fakes/plex-library-fake';
import { memoryVault, removeTempDirs, tempDir } from './stack-helpers';

const cleanups: (() => Promise<unknown>)[] = [];
/** The Plex API hooks, not the file count of the Plex container's mount (`plex:/data/media`). */
const isPlexApiHook = (h: { name: string }) =>
  h.name === 'plex' || (h.name.startsWith('plex:') && !h.name.startsWith('plex:/'));
afterAll(async () => {
  for (const c of cleanups.splice(0)) await c();
  await removeTempDirs();
});

describe('default migration deps with Plex in the stack', () => {
  it('skips Plex with the reason when no sign-in is stored, and checks each library once it is', async () => {
    const root = await tempDir('migrate-plex');
    const media = path.join(root, 'data', 'media');
    await mkdir(path.join(media, 'movies', 'A (2001)'), { recursive: true });
    await writeFile(path.join(media, 'movies', 'A (2001)', 'A.mkv'), 'a');
    const plex = await startPlexLibraryFake({
      token: 'plex-token-deps',
      sections: [
        { title: 'Movies', type: 'movie', location: '/data/media/movies' },
        { title: 'TV Shows', type: 'show', location: '/data/media/tv' },
      ],
      resolve: (loc) => path.join(media, path.relative('/data/media', loc)),
    });
    cleanups.push(() => plex.stop());
    const stackVault = memoryVault({ 'vpn.openvpn.user': 'u', 'vpn.openvpn.password': 'p' });
    const input = sampleConfigInput({
      installRoot: path.join(root, 'install'),
      dataRoot: path.join(root, 'data'),
      ports: { plex: Number(new URL(plex.server.url).port) },
    });
    const w = await writeStack(input, { catalog: await loadCatalog(), vault: stackVault });
    if (!w.ok) throw new Error(JSON.stringify(w.errors));
    const vault: SecretVault = {
      backend: 'memory',
      get: stackVault.get,
      set: stackVault.set,
      delete: async () => false,
    };
    const deps = migrateDepsFor(
      {
        project: 'ups-t-migrate-plex-deps',
        platform: process.platform,
        endpoint: createDockerEndpoint(process.env),
        installRoot: async () => w.config.installRoot,
        detectCompose: async () => ({ available: false }),
        vault,
        configDir: path.join(root, 'config'),
        stateDir: path.join(root, 'state'),
        hostEnv: inheritedHostEnv(process.env),
        migrate: {},
      },
      () => undefined,
    );

    const without = (await deps.hooks()).filter(isPlexApiHook);
    expect(without.map((h) => [h.name, h.skipped])).toEqual([
      ['plex', expect.stringMatching(/no Plex sign-in is stored \(plex\.token\)/)],
    ]);
    expect(plex.server.calls).toEqual([]);

    await stackVault.set('plex.token', 'plex-token-deps');
    const hooks = (await deps.hooks()).filter(isPlexApiHook);
    expect(hooks.map((h) => [h.name, h.skipped])).toEqual([
      ['plex:Movies', undefined],
      ['plex:TV Shows', undefined],
    ]);
    await writeFile(path.join(media, 'movies', 'A (2001)', 'A.part2.mkv'), 'a2');
    await hooks[0]!.rescan!();
    expect(plex.scans).toEqual(['1']);
    expect(await hooks[0]!.count()).toBe(2);
    expect(await hooks[1]!.count()).toBe(0);
    expect(plex.server.violations).toEqual([]);
  });
});
