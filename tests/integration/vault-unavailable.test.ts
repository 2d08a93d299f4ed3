// The documented errors when the vault cannot be used, through the real CLI in child processes:
// absent (no D-Bus session bus at all) and locked (a private gnome-keyring whose login collection we lock).
// The shared keyring of the test session is never locked: the locked case runs in its own dbus-run-session.
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { envelopeSchema, EnvCheckSchema, SecretsStatusSchema } from '../../src/core/contract';
import { repoRoot, requireBuiltCli, upsBin } from '../helpers/cli';
import { requireSecretService } from '../helpers/require-env';

beforeAll(async () => {
  requireBuiltCli();
  requireSecretService();
  for (const tool of ['dbus-run-session', 'dbus-send', 'gnome-keyring-daemon']) {
    const r = await execa('sh', ['-c', `command -v ${tool}`], { reject: false });
    if (r.exitCode !== 0)
      throw new Error(`${tool} is missing: install the dbus and gnome-keyring packages (.ci/run does).`);
  }
});

const statusEnvelope = envelopeSchema(SecretsStatusSchema);

describe('vault unavailable', () => {
  it('absent: without a D-Bus session, secrets and doctor say what is wrong and how to fix it', async () => {
    const env = { ...process.env };
    delete env.DBUS_SESSION_BUS_ADDRESS;
    delete env.DISPLAY;
    const r = await execa(process.execPath, [upsBin, 'secrets', 'status', '--json'], {
      env,
      extendEnv: false,
      reject: false,
      cwd: repoRoot,
      stdin: 'ignore',
    });
    expect(r.exitCode).toBe(1);
    const out = statusEnvelope.parse(JSON.parse(String(r.stdout)));
    if (out.ok) throw new Error('status must fail without a Secret Service');
    expect(out.error.code).toBe('VAULT_UNAVAILABLE');
    expect(out.error.message).toMatch(/No Secret Service .* is reachable/);
    expect(out.error.fix).toContain('dbus-run-session');

    const set = await execa(process.execPath, [upsBin, 'secrets', 'set', 'plex.token', '--from-env', 'V'], {
      env: { ...env, V: 'abc-value-123' },
      extendEnv: false,
      reject: false,
      cwd: repoRoot,
      stdin: 'ignore',
    });
    expect(set.exitCode).toBe(1);
    expect(String(set.stderr)).toContain('fix:');
    expect(String(set.stderr)).not.toContain('abc-value-123');

    const doctor = await execa(process.execPath, [upsBin, 'doctor', '--json'], {
      env,
      extendEnv: false,
      reject: false,
      cwd: repoRoot,
      stdin: 'ignore',
    });
    const d = envelopeSchema(EnvCheckSchema).parse(JSON.parse(String(doctor.stdout)));
    if (!d.ok) throw new Error(d.error.message);
    expect(d.value.vault).toMatchObject({ usable: false, problem: 'absent' });
    expect(d.value.checks.find((c) => c.id === 'vault.usable')?.state).toBe('fail');
    expect(doctor.exitCode).toBe(1);
  });

  it('locked: reads, writes, deletes and status all refuse with the unlock fix, and nothing falls back to a file', async () => {
    const script = [
      'set -e',
      'export XDG_DATA_HOME=$(mktemp -d)',
      'eval "$(printf %s pw | gnome-keyring-daemon --unlock --components=secrets)"',
      `U="${process.execPath} ${upsBin}"`,
      'V=stored-before-lock $U secrets set plex.token --from-env V >/dev/null',
      'dbus-send --session --dest=org.freedesktop.secrets --print-reply /org/freedesktop/secrets org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null',
      'echo "@@status"; $U secrets status --json || echo "EXIT=$?"',
      'echo "@@set"; V=new-value-after-lock $U secrets set nas.password --from-env V --json || echo "EXIT=$?"',
      'echo "@@delete"; $U secrets delete plex.token --json || echo "EXIT=$?"',
      'echo "@@files"; grep -rl -e stored-before-lock -e new-value-after-lock "$XDG_DATA_HOME" || echo none',
    ].join('\n');
    const r = await execa('dbus-run-session', ['--', 'bash', '-c', script], {
      reject: false,
      cwd: repoRoot,
      stdin: 'ignore',
    });
    const sections = Object.fromEntries(
      String(r.stdout)
        .split('@@')
        .filter(Boolean)
        .map((s) => [s.slice(0, s.indexOf('\n')), s.slice(s.indexOf('\n') + 1)]),
    );
    for (const step of ['status', 'set', 'delete']) {
      const body = sections[step] ?? '';
      const json = JSON.parse(body.slice(0, body.lastIndexOf('}') + 1)) as {
        ok: boolean;
        error?: { code: string; message: string; fix: string };
      };
      expect(json.ok, `${step}: ${body}`).toBe(false);
      expect(json.error?.code).toBe('VAULT_UNAVAILABLE');
      expect(json.error?.message).toContain('is locked');
      expect(json.error?.fix).toMatch(/[Uu]nlock/);
      expect(body).toContain('EXIT=1');
      expect(body).not.toContain('new-value-after-lock');
    }
    // The keyring file itself is encrypted: neither value appears in plain text anywhere under the data dir.
    expect((sections.files ?? '').trim()).toBe('none');
  });
});
