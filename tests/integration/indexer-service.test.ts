// The Indexers dialog's use cases against the Prowlarr fake: definitions (public by default), add = Prowlarr's test
// then save then arr.yml (secrets to the vault, a reference in the file), and "keep the service's value in the file".
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StackConfig } from '../../src/core/contract';
import { readArrConfig } from '../../src/core/install/read-arr-config';
import {
  addIndexer,
  adoptIntoArrConfig,
  indexerDefinitions,
  listIndexers,
  type IndexerServiceDeps,
} from '../../src/core/wiring/indexer-service';
import { startArrFake, type ArrFake } from '../fakes/arr-fake';
import type { FakeNetwork } from '../fakes/arr-fake-checks';

const KEY = 'p'.repeat(32);
let prowlarr: ArrFake;
let site: Server;
let root: string;
const network: FakeNetwork = {};
const vault = new Map<string, string>([['prowlarr.api_key', KEY]]);
let deps: IndexerServiceDeps;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ups-indexers-'));
  prowlarr = await startArrFake('prowlarr', KEY, network);
  site = createServer((_q, res) => res.end('ok'));
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  network['iptorrents.example'] = { url: `http://127.0.0.1:${(site.address() as AddressInfo).port}/` };
  const port = Number(new URL(prowlarr.url).port);
  const stack = { installRoot: root, ports: { prowlarr: port }, services: { qbittorrent: true, nzbget: false } };
  deps = {
    stack: async () => stack as unknown as StackConfig,
    vault: { get: async (n) => vault.get(n) ?? null, set: async (n, v) => void vault.set(n, v) },
  };
});
afterAll(async () => {
  await prowlarr.stop();
  await new Promise((r) => site.close(r));
  await rm(root, { recursive: true, force: true });
});

describe('indexers', () => {
  it("lists Prowlarr's definitions, public ones unless private are asked for", async () => {
    expect((await indexerDefinitions(deps, {})).definitions.map((d) => d.definition)).toEqual(['1337x', 'knaben']);
    const all = (await indexerDefinitions(deps, { includePrivate: true })).definitions.map((d) => d.definition);
    expect(all).toEqual(['1337x', 'knaben', 'iptorrents', 'Newznab']);
    expect((await indexerDefinitions(deps, { search: 'KNA' })).definitions.map((d) => d.definition)).toEqual([
      'knaben',
    ]);
  });

  it('does not save an indexer whose Prowlarr test fails, nor write it into arr.yml', async () => {
    const r = await addIndexer(deps, { name: '1337x', definition: '1337x', fields: {} });
    expect(r).toMatchObject({ ok: false, saved: false });
    expect(r.messages.join(' ')).toMatch(/Unable to connect to indexer/);
    expect(prowlarr.state.indexer).toEqual([]);
    expect(await readArrConfig(root)).toBeNull();
  });

  it('tests, saves, stores the secret in the vault and writes only a reference into arr.yml', async () => {
    const r = await addIndexer(deps, {
      name: 'My IPT',
      definition: 'iptorrents',
      fields: { cookie: 'uid=9; pass=secret-cookie', freeleech: true },
    });
    expect(r).toEqual({ ok: true, saved: true, messages: [] });
    expect(vault.get('indexer.my-ipt.cookie')).toBe('uid=9; pass=secret-cookie');
    const text = await readFile(join(root, 'arr.yml'), 'utf8');
    expect(text).not.toContain('secret-cookie');
    const cfg = await readArrConfig(root);
    expect(cfg?.prowlarr.indexers.items).toEqual([
      {
        name: 'My IPT',
        definition: 'iptorrents',
        enable: true,
        priority: 25,
        fields: { cookie: { secret: 'indexer.my-ipt.cookie' }, freeleech: true },
      },
    ]);
    expect(prowlarr.state.indexer.map((i) => i.name)).toEqual(['My IPT']);
    // an indexer added by hand in Prowlarr shows as unmanaged
    prowlarr.state.indexer.push({ id: 99, name: 'Manual', implementation: 'Newznab', enable: true, fields: [] });
    expect((await listIndexers(deps)).indexers.map((i) => [i.name, i.managed, i.inProwlarr])).toEqual([
      ['My IPT', true, true],
      ['Manual', false, true],
    ]);
  });

  it("keeps a service's value in arr.yml, and refuses one the file's schema does not allow", async () => {
    const r = await adoptIntoArrConfig(deps, { path: ['radarr', 'naming', 'renameMovies'], value: false });
    expect(r.written).toBe(true);
    expect((await readArrConfig(root))?.radarr.naming.renameMovies).toBe(false);
    await expect(
      adoptIntoArrConfig(deps, { path: ['radarr', 'qualityProfile', 'preset'], value: '720p' }),
    ).rejects.toThrow(/cannot go into arr.yml/);
  });
});
