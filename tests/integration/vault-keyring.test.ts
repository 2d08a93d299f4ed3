// The vault on a real Secret Service (gnome-keyring in CI's D-Bus session): round trips, the closed registry,
// status without values, env injection into a real child process, and values fed to the redactor.
import { randomBytes } from 'node:crypto';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretsStatusSchema } from '../../src/core/contract';
import { createRedactor, REDACTED } from '../../src/core/log/redactor';
import { createKeytarVault } from '../../src/core/vault/keytar-vault';
import { envVarFor, secretNames } from '../../src/core/contract/secret-names';
import { secretsEnvFor } from '../../src/core/vault/secrets-env';
import { deleteSecret, requireSecret, secretsStatus } from '../../src/core/vault/secrets-service';
import { requireSecretService } from '../helpers/require-env';

const service = `UPS vault test ${randomBytes(4).toString('hex')}`;
const redactor = createRedactor();
const vault = createKeytarVault(service, { redactor });
const fresh = (tag: string) => `${tag}-${randomBytes(8).toString('hex')}`;

beforeAll(() => requireSecretService());
afterAll(async () => {
  for (const n of secretNames) await vault.delete(n);
});

describe('keytar vault on a real Secret Service', () => {
  it('round-trips set, get and delete under the registry names', async () => {
    const value = fresh('vpn-pass');
    await vault.set('vpn.openvpn.password', value);
    expect(await vault.get('vpn.openvpn.password')).toBe(value);
    expect(await deleteSecret(vault, 'vpn.openvpn.password')).toBe(true);
    expect(await vault.get('vpn.openvpn.password')).toBeNull();
    expect(await deleteSecret(vault, 'vpn.openvpn.password')).toBe(false);
  });

  it('overwrites a value in place', async () => {
    await vault.set('nas.user', 'first-user');
    await vault.set('nas.user', 'second-user');
    expect(await vault.get('nas.user')).toBe('second-user');
  });

  it('status says which names are set and never carries a value', async () => {
    const token = fresh('plex');
    await vault.set('plex.token', token);
    await vault.delete('plex.claim');
    const status = SecretsStatusSchema.parse(await secretsStatus(vault));
    expect(status.entries.map((e) => e.name)).toEqual([...secretNames]);
    expect(status.entries.find((e) => e.name === 'plex.token')).toMatchObject({ set: true, envVar: 'UPS_PLEX_TOKEN' });
    expect(status.entries.find((e) => e.name === 'plex.claim')?.set).toBe(false);
    expect(JSON.stringify(status)).not.toContain(token);
  });

  it('refuses names outside the closed registry and bad values, without echoing the value', async () => {
    await expect(vault.set('plex.password' as never, 'whatever-value')).rejects.toMatchObject({
      error: { code: 'BAD_INPUT', field: 'name' },
    });
    const bad = `line1\nline2-${randomBytes(4).toString('hex')}`;
    const err = await vault.set('nas.password', bad).then(
      () => null,
      (e: unknown) => e as { error: { code: string; message: string } },
    );
    expect(err?.error.code).toBe('BAD_INPUT');
    expect(err?.error.message).not.toContain('line2');
    expect(await vault.get('nas.password')).toBeNull();
  });

  it('injects secrets into a child process environment only, and a missing one names the fix', async () => {
    const key = fresh('radarr');
    await vault.set('radarr.api_key', key);
    await vault.set('plex.token', fresh('plex'));
    const env = await secretsEnvFor(['radarr.api_key', 'plex.token'], vault, { PATH: process.env.PATH });
    expect(Object.keys(env).sort()).toEqual(['PATH', envVarFor('plex.token'), envVarFor('radarr.api_key')].sort());
    const child = await execa(
      process.execPath,
      ['-e', 'process.stdout.write(process.env.UPS_RADARR_API_KEY ?? "missing")'],
      { env, extendEnv: false },
    );
    expect(child.stdout).toBe(key);
    expect(process.env.UPS_RADARR_API_KEY).toBeUndefined();

    await vault.delete('sonarr.api_key');
    await expect(secretsEnvFor(['sonarr.api_key'], vault)).rejects.toMatchObject({
      error: {
        code: 'NOT_FOUND',
        field: 'sonarr.api_key',
        fix: 'Store it, then try again.',
        action: { action: 'secrets.set', input: { name: 'sonarr.api_key' } },
      },
    });
    await expect(requireSecret(vault, 'radarr.api_key')).resolves.toBe(key);
  });

  it('hands every value it stores or reads to the redactor', async () => {
    const pw = fresh('qbit');
    await vault.set('qbittorrent.password', pw);
    expect(redactor.redact(`login with ${pw} failed`)).toBe(`login with ${REDACTED} failed`);
    const other = fresh('nzb');
    await createKeytarVault(service).set('nzbget.password', other); // another process's write, unseen here
    expect(redactor.redact(other)).toBe(other);
    await vault.get('nzbget.password');
    expect(redactor.redact(other)).toBe(REDACTED);
  });

  it('the probe leaves no throwaway entry behind', async () => {
    expect(await vault.get('ups-probe')).toBeNull();
    expect(await secretsStatus(vault)).toBeTruthy();
    expect(await vault.get('ups-probe')).toBeNull();
  });
});
