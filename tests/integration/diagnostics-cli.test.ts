// `ups diagnostics --out PATH` run as a user would (the built CLI, its own process, the real keyring vault): the zip is
// written where asked, and no entry holds a secret planted in the vault and in a log file before the values were known.
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeytarVault } from '../../src/core/vault/keytar-vault';
import { requireBuiltCli, ups } from '../helpers/cli';
import { requireSecretService } from '../helpers/require-env';
import { testTempRoot } from '../helpers/temp-root';

const service = `UPS diagnostics cli test ${randomBytes(4).toString('hex')}`;
const vault = createKeytarVault(service);
const planted = {
  nas: `planted-nas-${randomBytes(9).toString('hex')}`,
  plex: `planted-plex-${randomBytes(9).toString('hex')}`,
};
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  requireBuiltCli();
  requireSecretService();
  dir = await mkdtemp(join(testTempRoot(), 'ups-t-diag-cli-'));
  const configDir = join(dir, 'profile');
  // No engine answers here: the checks record that, and the export still completes.
  env = {
    UPS_CONFIG_DIR: configDir,
    UPS_VAULT_SERVICE: service,
    DOCKER_HOST: `unix://${join(dir, 'no-engine.sock')}`,
    UPS_T_NAS: planted.nas,
  };
  // Stored through the CLI itself, as a user would.
  expect((await ups(['secrets', 'set', 'nas.password', '--from-env', 'UPS_T_NAS'], env)).code).toBe(0);
  await vault.set('plex.token', planted.plex);
  // A log line written before the logger knew the value.
  await mkdir(join(configDir, 'logs'), { recursive: true });
  await writeFile(
    join(configDir, 'logs', 'electron.log'),
    `${JSON.stringify({ msg: 'old line', token: planted.plex, url: `smb://u:${planted.nas}@nas/x` })}\n`,
  );
}, 60_000);

afterAll(async () => {
  await vault.delete('nas.password');
  await vault.delete('plex.token');
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('ups diagnostics', () => {
  it('writes the zip at --out and no entry contains a planted secret', async () => {
    const out = join(dir, 'support', 'bundle.zip');
    const r = await ups(['diagnostics', '--out', out], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Wrote ${out} (`);
    const files = unzipSync(new Uint8Array(await readFile(out)));
    expect((await stat(out)).size).toBeGreaterThan(0);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['doctor.json', 'versions.json', 'logs/electron.log']));
    const all = Object.values(files).map((f) => strFromU8(f));
    for (const secret of Object.values(planted))
      for (const form of [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')])
        expect(all.some((text) => text.includes(form))).toBe(false);
    // The log line is there, scrubbed, so the test would notice if it were simply left out.
    expect(strFromU8(files['logs/electron.log']!)).toContain('old line');
    expect(r.stdout + r.stderr).not.toContain(planted.nas);
  });

  it('refuses an --out that is not a .zip with exit 2 and writes nothing', async () => {
    const r = await ups(['diagnostics', '--out', join(dir, 'notes.txt')], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out the file name must end with \.zip/);
    await expect(stat(join(dir, 'notes.txt'))).rejects.toThrow();
  });
});
