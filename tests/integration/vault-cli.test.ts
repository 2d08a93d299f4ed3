// `ups secrets …` as a user runs it, against the real Secret Service: a terminal prompt that does not echo
// (a real pty through util-linux `script`), a pipe, --from-env, status without values, delete, and usage errors.
import { randomBytes } from 'node:crypto';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelopeSchema, SecretsStatusSchema } from '../../src/core/contract';
import { createKeytarVault } from '../../src/core/vault/keytar-vault';
import { repoRoot, requireBuiltCli, ups, upsBin } from '../helpers/cli';
import { requireSecretService } from '../helpers/require-env';

// Suites share CI's keyring: this one keeps its entries under its own service name (UPS_VAULT_SERVICE).
const service = `UPS vault-cli test ${randomBytes(4).toString('hex')}`;
const seam = { UPS_VAULT_SERVICE: service };
const vault = createKeytarVault(service);
const run = (args: string[], env: Record<string, string> = {}) => ups(args, { ...seam, ...env });
const fresh = (tag: string) => `${tag}-${randomBytes(6).toString('hex')}`;

beforeAll(async () => {
  requireBuiltCli();
  requireSecretService();
  if ((await execa('sh', ['-c', 'command -v script'], { reject: false })).exitCode !== 0)
    throw new Error('util-linux `script` is missing: it provides the pseudo-terminal for the prompt test.');
});
afterAll(async () => {
  for (const n of ['plex.token', 'nas.password', 'vpn.openvpn.user'] as const) await vault.delete(n);
});

describe('ups secrets', () => {
  it('prompts on a terminal without echoing what is typed, and stores it', async () => {
    const typed = fresh('typed');
    const child = execa('script', ['-qec', `${process.execPath} ${upsBin} secrets set plex.token`, '/dev/null'], {
      cwd: repoRoot,
      reject: false,
      env: seam,
    });
    // Type once the prompt is up, as a person would (the terminal is in raw mode by then).
    let typedYet = false;
    child.stdout?.on('data', (chunk: Buffer) => {
      if (!typedYet && chunk.toString().includes('(not shown)')) {
        typedYet = true;
        child.stdin?.write(`${typed}\r`);
      }
    });
    const done = await child;
    expect(done.exitCode).toBe(0);
    expect(String(done.stdout)).toContain('(not shown)');
    expect(String(done.stdout)).toContain('Stored plex.token.');
    expect(String(done.stdout)).not.toContain(typed);
    expect(await vault.get('plex.token')).toBe(typed);
  });

  it('reads a pipe and --from-env; status lists names, never values', async () => {
    const piped = fresh('piped');
    const p = await execa(process.execPath, [upsBin, 'secrets', 'set', 'nas.password'], {
      cwd: repoRoot,
      input: `${piped}\n`,
      reject: false,
      env: seam,
    });
    expect(p.exitCode).toBe(0);
    const fromEnv = fresh('env');
    const e = await run(['secrets', 'set', 'vpn.openvpn.user', '--from-env', 'UPS_T_VALUE', '--json'], {
      UPS_T_VALUE: fromEnv,
    });
    expect(e.code).toBe(0);
    expect(JSON.parse(e.stdout)).toEqual({ ok: true, value: { name: 'vpn.openvpn.user' } });
    expect(await vault.get('nas.password')).toBe(piped);
    expect(await vault.get('vpn.openvpn.user')).toBe(fromEnv);

    const s = await run(['secrets', 'status', '--json']);
    expect(s.code).toBe(0);
    const status = envelopeSchema(SecretsStatusSchema).parse(JSON.parse(s.stdout));
    if (!status.ok) throw new Error(status.error.message);
    expect(
      status.value.entries.filter((x) => ['nas.password', 'vpn.openvpn.user'].includes(x.name)).every((x) => x.set),
    ).toBe(true);
    for (const out of [s.stdout, (await run(['secrets', 'status'])).stdout]) {
      expect(out).not.toContain(piped);
      expect(out).not.toContain(fromEnv);
    }
  });

  it('deletes, and says so when there was nothing to delete', async () => {
    await vault.set('nas.password', fresh('gone'));
    expect((await run(['secrets', 'delete', 'nas.password'])).stdout).toBe('Deleted nas.password.');
    expect((await run(['secrets', 'delete', 'nas.password'])).stdout).toBe(
      'nas.password was not set; nothing deleted.',
    );
    expect(await vault.get('nas.password')).toBeNull();
  });

  it('bad usage exits 2 with the fix: unknown name, unset variable, too short a value', async () => {
    const name = await run(['secrets', 'set', 'plex.password']);
    expect(name.code).toBe(2);
    expect(name.stderr).toContain('Use one of: vpn.openvpn.user');
    const unset = await run(['secrets', 'set', 'plex.token', '--from-env', 'UPS_T_NOT_SET_ANYWHERE']);
    expect(unset.code).toBe(2);
    expect(unset.stderr).toContain('UPS_T_NOT_SET_ANYWHERE is not set');
    const short = await run(['secrets', 'set', 'plex.token', '--from-env', 'V'], { V: 'ab' });
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('at least 3 characters');
  });
});
