// Entries stored before the keytar → @github/keytar swap are read after it, on a real Secret Service (gnome-keyring in
// CI's D-Bus session). The pre-swap entry is written with the old binding's own libsecret calls, without the archived
// package: tests/fixtures/vault/legacy-keytar-entry.py cites atom/node-keytar v7.9.0 src/keytar_posix.cc.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeytarVault } from '../../src/core/vault/keytar-vault';
import { KEYTAR_MODULE } from '../../src/core/vault/keytar-store';
import { requireSecret } from '../../src/core/vault/secrets-service';
import { requireSecretService } from '../helpers/require-env';

const repo = join(import.meta.dirname, '..', '..');
const legacy = join(repo, 'tests', 'fixtures', 'vault', 'legacy-keytar-entry.py');
// Debian's python3 (python3-gi, gir1.2-secret-1: scripts/with-test-env.sh installs them), not a PATH shim without gi.
const python = '/usr/bin/python3';
const service = `UPS pre-swap test ${randomBytes(4).toString('hex')}`;
const fresh = (tag: string) => `${tag}-${randomBytes(8).toString('hex')}`;

/** The old binding's SetPassword / GetPassword / the stored item's attributes; the secret goes through stdin only. */
const oldBinding = (verb: 'store' | 'lookup' | 'attributes', svc: string, account: string, input?: string) =>
  execa(python, [legacy, verb, svc, account], { input: input ?? '', reject: false });

const vault = createKeytarVault(service);

beforeAll(async () => {
  requireSecretService();
  const gi = await execa(python, ['-c', 'import gi; gi.require_version("Secret", "1")'], { reject: false });
  if (gi.exitCode !== 0)
    throw new Error(
      `${python} cannot load libsecret through gi (${gi.stderr}): apt-get install python3-gi gir1.2-secret-1`,
    );
});
afterAll(async () => {
  for (const n of ['vpn.openvpn.password', 'plex.token', 'nas.password'] as const) await vault.delete(n);
});

describe('keytar → @github/keytar swap on a real Secret Service', () => {
  it('reads an entry the archived keytar wrote (generic schema, service + account) through the app vault', async () => {
    const value = fresh('vpn-pass');
    const stored = await oldBinding('store', service, 'vpn.openvpn.password', value);
    expect(stored.exitCode, stored.stderr).toBe(0);
    expect(await vault.get('vpn.openvpn.password')).toBe(value);
    await expect(requireSecret(vault, 'vpn.openvpn.password')).resolves.toBe(value);
    // Another service's entry is not found: the vault looks up by both attributes, as the old binding did.
    expect(await createKeytarVault(`${service} other`).get('vpn.openvpn.password')).toBeNull();
  });

  it('overwrites a pre-swap entry in place rather than adding a second one', async () => {
    await oldBinding('store', service, 'nas.password', fresh('old'));
    const next = fresh('new');
    await vault.set('nas.password', next);
    const seen = await oldBinding('lookup', service, 'nas.password');
    expect(seen.exitCode).toBe(0);
    expect(seen.stdout).toBe(next);
  });

  it('writes items of the same shape the old binding wrote, so they survive a downgrade too', async () => {
    const token = fresh('plex');
    await vault.set('plex.token', token);
    const attrs = await oldBinding('attributes', service, 'plex.token');
    expect(attrs.exitCode, attrs.stderr).toBe(0);
    expect(JSON.parse(attrs.stdout)).toEqual({
      label: `${service}/plex.token`,
      attributes: { service, account: 'plex.token', 'xdg:schema': 'org.freedesktop.Secret.Generic' },
    });
    const read = await oldBinding('lookup', service, 'plex.token');
    expect(read.stdout).toBe(token);
    await vault.delete('plex.token');
    expect((await oldBinding('lookup', service, 'plex.token')).exitCode).toBe(3);
  });

  it('the binding in use is the package prebuilt, with its install script never run (nothing was compiled)', () => {
    const require = createRequire(import.meta.url);
    const pkgDir = join(repo, 'node_modules', ...KEYTAR_MODULE.split('/'));
    require(KEYTAR_MODULE);
    const loaded = Object.keys(require.cache).filter((f) => f.endsWith('keytar.node'));
    expect(loaded).toEqual([join(pkgDir, 'prebuilds', `${process.platform}-${process.arch}`, 'keytar.node')]);
    // script/install.js copies the prebuild to build/Release, and node-gyp builds there: neither ran.
    expect(existsSync(join(pkgDir, 'build'))).toBe(false);
    expect(existsSync(join(repo, 'node_modules', 'keytar'))).toBe(false);
  });
});
