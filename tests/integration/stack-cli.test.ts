// `ups init`, `ups config validate` and `ups config show` through the built CLI, with the real keyring (Secret
// Service) as the vault under a test-only service name: exit codes, field-naming errors, files, and no secret in output.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { repoRoot, requireBuiltCli, ups, upsBin } from '../helpers/cli';
import { requireSecretService } from '../helpers/require-env';
import { removeTempDirs, snapshotTree, tempDir } from './stack-helpers';

let dir: string;
let env: Record<string, string>;
const vpnUser = `cli-user-${Math.random().toString(36).slice(2, 8)}`;
const vpnPass = `cli-pass-${Math.random().toString(36).slice(2, 10)}`;

function answers(over: Record<string, string> = {}): string {
  const v = { installRoot: join(dir, 'install'), dataRoot: join(dir, 'data'), timeZone: 'Europe/Berlin', ...over };
  return [
    `installRoot: ${v.installRoot}`,
    `dataRoot: ${v.dataRoot}`,
    `timeZone: ${v.timeZone}`,
    'services:',
    '  qbittorrent: true',
    '  nzbget: false',
    'vpn:',
    '  provider: nordvpn',
    '  type: openvpn',
    '',
  ].join('\n');
}

beforeAll(async () => {
  requireSecretService();
  requireBuiltCli();
  dir = await tempDir('cli');
  await mkdir(join(dir, 'cfg'));
  env = {
    UPS_CONFIG_DIR: join(dir, 'cfg'),
    UPS_VAULT_SERVICE: `UPS stack CLI test ${Math.random().toString(36).slice(2, 8)}`,
  };
});
afterAll(removeTempDirs);

describe('ups config validate', () => {
  it('accepts the sample answers file', async () => {
    const r = await ups(['config', 'validate', 'tests/fixtures/stack/answers-sample.yml']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('lists every problem with its field, exit 1', async () => {
    const file = join(dir, 'bad.yml');
    await writeFile(
      file,
      answers({ timeZone: 'Mars/Olympus', dataRoot: '\\\\nas\\media' }).replace(
        'nzbget: false',
        'nzbget: false\n  sabnzbd: true',
      ),
    );
    const r = await ups(['config', 'validate', file, '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { ok: boolean; errors: { field: string; fix: string }[] };
    expect(out.ok).toBe(false);
    expect(out.errors.map((e) => e.field).sort()).toEqual(['dataRoot', 'services.sabnzbd', 'timeZone']);
    for (const e of out.errors) expect(e.fix).toBeTruthy();
  });
});

describe('ups init on a terminal', () => {
  it('asks for the missing VPN secrets without echoing them', async () => {
    const which = await execa('python3', ['--version'], { reject: false });
    if (which.exitCode !== 0)
      throw new Error('python3 is needed to drive a pseudo-terminal (it comes with docker-compose v1 in .ci/run).');
    const ttyDir = await tempDir('cli-tty');
    const file = join(ttyDir, 'answers.yml');
    await writeFile(file, answers({ installRoot: join(ttyDir, 'install'), dataRoot: join(ttyDir, 'data') }));
    const ttyEnv = {
      UPS_CONFIG_DIR: join(ttyDir, 'cfg'),
      UPS_VAULT_SERVICE: `${env.UPS_VAULT_SERVICE} tty`,
      PTY_ANSWERS: JSON.stringify([
        ['Enter vpn.openvpn.user', 'tty-user-S3cr3t'],
        ['Enter vpn.openvpn.password', 'tty-pass-S3cr3t'],
      ]),
    };
    const r = await execa(
      'python3',
      ['tests/fixtures/stack/pty-drive.py', process.execPath, upsBin, 'init', '--config', file],
      { cwd: repoRoot, env: { ...process.env, ...ttyEnv }, reject: false },
    );
    expect(r.stdout).toContain('Enter vpn.openvpn.user (input hidden)');
    expect(r.stdout).toContain('Enter vpn.openvpn.password (input hidden)');
    expect(r.stdout).toContain('Stack written to');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).not.toContain('tty-user-S3cr3t');
    expect(r.stdout).not.toContain('tty-pass-S3cr3t');
    const show = await ups(['config', 'show', '--json'], ttyEnv);
    const secrets = (JSON.parse(show.stdout) as { value: { secrets: { name: string; set: boolean }[] } }).value.secrets;
    expect(secrets.filter((s) => s.name.startsWith('vpn.openvpn.')).map((s) => s.set)).toEqual([true, true]);
  });
});

describe('ups init', () => {
  it('without a terminal or --secrets-from-env, names the missing secrets and writes nothing', async () => {
    const file = join(dir, 'answers.yml');
    await writeFile(file, answers());
    const r = await ups(['init', '--config', file, '--json'], env);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { errors: { field: string }[] };
    expect(out.errors.map((e) => e.field)).toEqual(['secrets.vpn.openvpn.user', 'secrets.vpn.openvpn.password']);
    expect(await snapshotTree(join(dir, 'install'))).toEqual({});
  });

  it('with --secrets-from-env writes the stack, records the install and keeps secrets out of files and output', async () => {
    const file = join(dir, 'answers.yml');
    const r = await ups(['init', '--config', file, '--secrets-from-env', '--json'], {
      ...env,
      UPS_VPN_OPENVPN_USER: vpnUser,
      UPS_VPN_OPENVPN_PASSWORD: vpnPass,
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { ok: boolean; value: { written: string[]; createdSecrets: string[] } };
    expect(out.value.written).toEqual(['stack.yml', 'compose.yaml', '.env', 'arr.yml']);
    expect(out.value.createdSecrets).toEqual(
      expect.arrayContaining(['radarr.api_key', 'qbittorrent.password', 'vpn.control.api_key']),
    );
    expect(JSON.parse(await readFile(join(dir, 'cfg', 'install.json'), 'utf8'))).toEqual({
      installRoot: join(dir, 'install'),
    });
    const files = await snapshotTree(join(dir, 'install'));
    for (const b64 of Object.values(files)) {
      const text = Buffer.from(b64, 'base64').toString('utf8');
      expect(text).not.toContain(vpnUser);
      expect(text).not.toContain(vpnPass);
    }
    expect(r.stdout).not.toContain(vpnPass);
  });

  it('config show reports the config and every secret as set, without values', async () => {
    const r = await ups(['config', 'show', '--json'], env);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      value: { config: { timeZone: string }; secrets: { name: string; set: boolean }[] };
    };
    expect(out.value.config.timeZone).toBe('Europe/Berlin');
    expect(out.value.secrets.every((s) => s.set)).toBe(true);
    expect(out.value.secrets.map((s) => s.name)).toContain('vpn.openvpn.password');
    expect(r.stdout).not.toContain(vpnPass);
    expect(r.stdout).not.toContain(vpnUser);
  });

  it('re-running with a changed answer keeps the previous files in .backups', async () => {
    const file = join(dir, 'answers.yml');
    await writeFile(file, answers({ timeZone: 'America/New_York' }));
    const r = await ups(['init', '--config', file, '--json'], env);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      value: { written: string[]; unchanged: string[]; backup: string | null; createdSecrets: string[] };
    };
    expect(out.value.written).toEqual(['stack.yml', '.env']);
    expect(out.value.unchanged).toEqual(['compose.yaml', 'arr.yml']);
    expect(out.value.createdSecrets).toEqual([]);
    expect(await readFile(join(out.value.backup!, '.env'), 'utf8')).toContain('STACK_TZ=Europe/Berlin');
  });
});
