// diagnostics.export through the App service with the real docker-compose: known secrets are planted in the vault, the
// process environment, the install folder's files and a log file, and no zip entry may contain any of them.
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppService, type AppService } from '../../src/core/app/app-service';
import { secretNames, type SecretName } from '../../src/core/contract/secret-names';
import { loadCatalog } from '../../src/core/stack/catalog';
import { sampleConfigInput } from '../../src/core/stack/sample-config';
import { writeStack } from '../../src/core/stack/write-stack';
import type { SecretVault } from '../../src/core/vault/secret-vault';
import { testAppDeps } from '../helpers/test-app';
import { testTempRoot } from '../helpers/temp-root';

/** A vault that stores in memory and, unlike the real one, tells the process-wide redactor nothing: so whatever keeps
 *  the values out of the zip is the export's own doing. */
function plainVault(): SecretVault & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    backend: 'memory',
    entries,
    get: async (n) => entries.get(n) ?? null,
    set: async (n, v) => void entries.set(n, v),
    delete: async (n) => entries.delete(n),
  };
}

const planted = (what: string) => `planted-${what}-${randomBytes(9).toString('hex')}`;
/** Every form a value takes once written: raw, JSON-escaped, URL-encoded, base64. */
const formsOf = (v: string) => [
  v,
  JSON.stringify(v).slice(1, -1),
  encodeURIComponent(v),
  Buffer.from(v).toString('base64'),
];

let dir: string;
let app: AppService;
let vault: ReturnType<typeof plainVault>;
const secrets: string[] = [];
const envKey = 'UPS_NAS_PASSWORD';
const envBefore = process.env[envKey];

beforeAll(async () => {
  dir = await mkdtemp(join(testTempRoot(), 'ups-t-diag-'));
  const installRoot = join(dir, 'stack');
  const configDir = join(dir, 'profile');
  vault = plainVault();
  // Planted in the vault: every name, including the ones this config does not use (an old NAS password).
  for (const name of secretNames) {
    const v = planted(name.replace(/\./g, '-'));
    await vault.set(name as SecretName, v);
    secrets.push(v);
  }
  // A value with characters compose and JSON escape differently.
  const tricky = `planted-$tricky"q\\${randomBytes(6).toString('hex')},x`;
  await vault.set('nas.password', tricky);
  secrets.push(tricky);
  // Planted in the process environment under a secret's own variable name.
  const fromEnv = planted('env');
  process.env[envKey] = fromEnv;
  secrets.push(fromEnv);

  const w = await writeStack(sampleConfigInput({ installRoot, dataRoot: join(dir, 'media') }), {
    catalog: await loadCatalog(),
    vault,
  });
  if (!w.ok) throw new Error(JSON.stringify(w.errors));
  // Planted in the install folder: a credential typed into .env by hand and used by compose.yaml, which the vault
  // never held (only the by-name censor can catch it).
  const inFile = planted('dotenv');
  secrets.push(inFile);
  await writeFile(
    join(installRoot, '.env'),
    `${await readFile(join(installRoot, '.env'), 'utf8')}HANDMADE_TOKEN=${inFile}\n`,
  );
  const composePath = join(installRoot, 'compose.yaml');
  const doc = parseDocument(await readFile(composePath, 'utf8'));
  doc.setIn(['services', 'plex', 'environment', 'PLEX_EXTRA_PASSWORD'], '${HANDMADE_TOKEN}');
  await writeFile(composePath, doc.toString());
  // Planted in a log: a line from before the value was known to the logger's redactor.
  await mkdir(join(configDir, 'logs'), { recursive: true });
  await writeFile(
    join(configDir, 'logs', 'electron.log'),
    `${JSON.stringify({ msg: 'app started', note: `qbt=${await vault.get('qbittorrent.password')}` })}\n` +
      `${JSON.stringify({ msg: 'nas', url: `smb://u:${encodeURIComponent(tricky)}@nas/x` })}\n`,
  );
  await writeFile(join(configDir, 'logs', 'cli.log.1'), `old line with ${await vault.get('plex.token')}\n`);

  app = createAppService(
    testAppDeps({
      door: 'electron',
      project: `ups-diag-${randomBytes(3).toString('hex')}`,
      configDir,
      installRoot: async () => installRoot,
      vault,
      // The wiring's services are not running: the plan entry records that it could not be read.
    }),
  );
});

afterAll(async () => {
  if (envBefore === undefined) delete process.env[envKey];
  else process.env[envKey] = envBefore;
  await rm(dir, { recursive: true, force: true });
});

describe('diagnostics.export', () => {
  it('writes a zip with every part, and none of the planted secrets in any entry', async () => {
    const path = join(dir, 'out', 'bundle.zip');
    const res = await app.call('diagnostics.export', { path });
    expect(res.ok, JSON.stringify(res)).toBe(true);
    if (!res.ok) return;
    expect(res.value.path).toBe(path);
    expect((await stat(path)).size).toBe(res.value.bytes);

    const files = unzipSync(new Uint8Array(await readFile(path)));
    const names = Object.keys(files).sort();
    expect(names).toEqual(
      [
        'README.txt',
        'versions.json',
        'doctor.json',
        'compose-config.yaml',
        'wiring-plan.json',
        'stack.json',
        'update-history.json',
        'logs/cli.log.1',
        'logs/electron.log',
      ].sort(),
    );
    const texts = Object.fromEntries(Object.entries(files).map(([n, b]) => [n, strFromU8(b)]));
    for (const [name, text] of Object.entries(texts))
      for (const s of secrets) for (const f of formsOf(s)) expect(text.includes(f), `${name} holds ${f}`).toBe(false);

    // The parts really ran: compose interpolated the stack (with placeholders), doctor and versions answered.
    const collected = Object.fromEntries(res.value.entries.map((e) => [e.name, e.collected]));
    expect(collected['compose-config.yaml']).toBe(true);
    expect(texts['compose-config.yaml']).toMatch(/PLEX_EXTRA_PASSWORD: "\[REDACTED\]"/);
    expect(texts['compose-config.yaml']).toContain('[REDACTED]');
    expect(texts['compose-config.yaml']).toContain('image:');
    expect(JSON.parse(texts['doctor.json']!)).toHaveProperty('checks');
    expect(JSON.parse(texts['versions.json']!)).toMatchObject({ app: 'test', door: 'electron' });
    expect(texts['logs/electron.log']).toContain('qbt=[REDACTED]');
    expect(texts['logs/cli.log.1']).toBe('old line with [REDACTED]\n');
    expect(texts['README.txt']).toContain('compose-config.yaml');
  });

  it('without a path, writes into the profile and says where; a relative path is refused naming the field', async () => {
    const res = await app.call('diagnostics.export', {});
    expect(res.ok && res.value.path).toMatch(/[\\/]profile[\\/]diagnostics[\\/]ups-diagnostics-[0-9TZ-]+\.zip$/);
    const bad = await app.call('diagnostics.export', { path: 'bundle.zip' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(!bad.ok && bad.error.message).toMatch(/absolute/);
  });
});
