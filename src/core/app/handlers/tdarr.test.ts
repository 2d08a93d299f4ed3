// Tdarr use cases: the node bundle (server address, refusals with a fix, atomic save) and the node list read from a
// strict Tdarr fake on loopback.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { startTdarrFake, type TdarrFake } from '../../../../tests/fakes/tdarr-fake';
import { composeSchemaErrors } from '../../../../tests/helpers/compose-schema';
import { StackConfigSchema, TdarrNodeBundleInputSchema, UpsFailure, type StackConfigInput } from '../../contract';
import { sampleConfigInput } from '../../stack/sample-config';
import type { AppContext } from '../app-context';
import { serverAddressFor, tdarrHandlers } from './tdarr';

let dir = '';
let fake: TdarrFake | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function installed(over: Partial<StackConfigInput>, serviceHost = '127.0.0.1') {
  dir = await mkdtemp(join(tmpdir(), 'ups-t-tdarr-'));
  const cfg = StackConfigSchema.parse(
    sampleConfigInput({ services: { qbittorrent: true, nzbget: false, tdarr: true }, lanAccess: true, ...over }),
  );
  await writeFile(join(dir, 'stack.yml'), stringify(cfg));
  const ctx = { deps: { installRoot: async () => dir, endpoint: { serviceHost } } } as unknown as AppContext;
  return tdarrHandlers(ctx);
}

const bundleInput = (over: Record<string, unknown> = {}) =>
  TdarrNodeBundleInputSchema.parse({
    nodeName: 'gaming-pc',
    serverHost: '192.168.1.20',
    mediaPath: '/mnt/nas/media',
    cachePath: '/mnt/nas/tdarr-cache',
    ...over,
  });

async function failure(p: Promise<unknown>): Promise<UpsFailure> {
  const e = await p.catch((x: unknown) => x);
  expect(e).toBeInstanceOf(UpsFailure);
  return e as UpsFailure;
}

describe('tdarr.nodeBundle', () => {
  it('names the server and its published node port, and saves the bundle atomically where asked', async () => {
    const h = await installed({ ports: { tdarrServer: 9266 } } as never);
    const out = join(dir, 'node-bundle');
    const r = await h['tdarr.nodeBundle']!(bundleInput({ gpu: 'nvidia', saveTo: out }), {});
    expect(r).toMatchObject({ serverIP: '192.168.1.20', serverPort: 9266, nodeName: 'gaming-pc', savedTo: out });
    const compose = parse(await readFile(join(out, 'compose.yaml'), 'utf8')) as {
      services: Record<string, { environment: Record<string, string> }>;
    };
    expect(composeSchemaErrors(compose)).toEqual([]);
    expect(compose.services['tdarr-node']!.environment).toMatchObject({ serverIP: '192.168.1.20', serverPort: '9266' });
    const nodeCfg = JSON.parse(await readFile(join(out, 'configs', 'Tdarr_Node_Config.json'), 'utf8')) as {
      pathTranslators: unknown[];
    };
    expect(nodeCfg.pathTranslators).toContainEqual({ server: '/data/media', node: '/media' });
    expect(nodeCfg.pathTranslators).toContainEqual({ server: '/temp', node: '/temp' });
    // A second save keeps the first in .backups (the install writer's generations).
    await h['tdarr.nodeBundle']!(bundleInput({ nodeName: 'other-pc', saveTo: out }), {});
    expect(await readFile(join(out, 'README.txt'), 'utf8')).toContain('other-pc');
    expect(await readdir(join(out, '.backups'))).toHaveLength(1);
  });

  it('names the stack-side media and cache folders: the data root, or the NAS share after a move', async () => {
    const local = await (await installed({}))['tdarr.nodeBundle']!(bundleInput(), {});
    expect(local.shareFolders).toEqual({
      root: 'D:\\Media',
      media: 'D:\\Media\\media',
      cache: 'D:\\Media\\tdarr-cache',
    });
    expect(local.files.find((f) => f.name === 'README.txt')!.content).toContain('D:\\Media\\tdarr-cache');
    await rm(dir, { recursive: true, force: true });
    const moved = await (
      await installed({ nas: { mode: 'media-only', target: '\\\\nas\\media\\ups' } })
    )['tdarr.nodeBundle']!(bundleInput(), {});
    expect(moved.shareFolders.cache).toBe('\\\\nas\\media\\ups\\tdarr-cache');
    expect(moved.files.find((f) => f.name === 'README.txt')!.content).toContain(
      'Both folders are in \\\\nas\\media\\ups',
    );
  });

  it('returns the files without writing when no folder is given', async () => {
    const h = await installed({});
    const r = await h['tdarr.nodeBundle']!(bundleInput(), {});
    expect(r.savedTo).toBeNull();
    expect(r.files.map((f) => f.name)).toEqual(['compose.yaml', 'configs/Tdarr_Node_Config.json', 'README.txt']);
  });

  it('uses the engine host when the engine runs on another machine', async () => {
    const h = await installed({}, '10.0.0.9');
    const r = await h['tdarr.nodeBundle']!(bundleInput({ serverHost: undefined }), {});
    expect(r.serverIP).toBe('10.0.0.9');
  });

  it('refuses while the server port is loopback-only, with the fix', async () => {
    const h = await installed({ lanAccess: false });
    const f = await failure(h['tdarr.nodeBundle']!(bundleInput(), {}));
    expect(f.error).toMatchObject({
      code: 'BAD_INPUT',
      field: 'lanAccess',
      fix: expect.stringContaining('other devices'),
    });
  });

  it('refuses when Tdarr is not in the stack', async () => {
    const h = await installed({ services: { qbittorrent: true, nzbget: false, tdarr: false } });
    const f = await failure(h['tdarr.nodeBundle']!(bundleInput(), {}));
    expect(f.error.fix).toMatch(/Turn Tdarr on/);
  });

  it('never hands another PC a loopback address', () => {
    expect(serverAddressFor('127.0.0.1', '10.0.0.9', () => [])).toBeNull();
    expect(serverAddressFor(undefined, '127.0.0.1', () => ['192.168.1.5'])).toBe('192.168.1.5');
    expect(serverAddressFor(undefined, '127.0.0.1', () => [])).toBeNull();
  });
});

describe('tdarr.nodes', () => {
  it('lists the nodes the Tdarr server reports (GET /api/v2/get-nodes)', async () => {
    fake = await startTdarrFake();
    const h = await installed({ ports: { tdarr: fake.port } } as never);
    const r = await h['tdarr.nodes']!(undefined as never, {});
    expect(fake.calls).toEqual(['GET /api/v2/get-nodes']);
    expect(r.nodes.map((n) => n.name)).toEqual(['BusyNode', 'IdleNode']);
    expect(r.nodes[0]).toMatchObject({
      id: 'node-busy-1',
      address: '192.168.1.11',
      paused: false,
      activeWorkers: 1,
      workerLimits: { transcodeCpu: 2, transcodeGpu: 1, healthcheckCpu: 1, healthcheckGpu: 0 },
    });
  });

  it('says what to do when Tdarr asks for an API key', async () => {
    fake = await startTdarrFake({ apiKey: 'k' });
    const h = await installed({ ports: { tdarr: fake.port } } as never);
    const f = await failure(h['tdarr.nodes']!(undefined as never, {}));
    expect(f.error.code).toBe('UNAUTHORIZED');
    expect(f.error.fix).toMatch(/auth/);
  });

  it('the fake refuses what Tdarr refuses: a POST to the node list', async () => {
    fake = await startTdarrFake();
    const res = await fetch(`${fake.url}/api/v2/get-nodes`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
  });
});
