import { describe, expect, it } from 'vitest';
import type { ComposeFacts } from '../contract';
import { commandRunner, detectCompose, parseComposeVersion, rememberFound, type CommandRunner } from './compose-detect';

describe('compose detection', () => {
  it('parses v2 and v1 short versions', () => {
    expect(parseComposeVersion('2.29.1\n')).toBe('2.29.1');
    expect(parseComposeVersion('v2.40.3-desktop.1')).toBe('2.40.3-desktop.1');
    expect(parseComposeVersion('1.29.2')).toBe('1.29.2');
    expect(parseComposeVersion('docker: unknown command')).toBeUndefined();
  });

  it('prefers v2 when both exist', async () => {
    const run: CommandRunner = async (file) => ({ exitCode: 0, stdout: file === 'docker' ? '2.29.1' : '1.29.2' });
    expect(await detectCompose(run)).toEqual({
      available: true,
      variant: 'v2',
      version: '2.29.1',
      command: ['docker', 'compose'],
    });
  });

  it('falls back to v1 when `docker compose` is not a command', async () => {
    const run: CommandRunner = async (file) =>
      file === 'docker' ? { exitCode: 1, stdout: '' } : { exitCode: 0, stdout: '1.29.2' };
    expect(await detectCompose(run)).toMatchObject({ available: true, variant: 'v1', command: ['docker-compose'] });
  });

  it('reports unavailable when neither runs (ENOENT)', async () => {
    const run: CommandRunner = async () => {
      throw Object.assign(new Error('spawn docker ENOENT'), { code: 'ENOENT' });
    };
    expect(await detectCompose(run)).toEqual({ available: false });
  });
});

describe('compose detection child environment', () => {
  it('a probe child sees the docker variables and none of the secrets in the caller environment', async () => {
    const host = {
      PATH: process.env.PATH,
      DOCKER_HOST: 'unix:///tmp/some.sock',
      OPENVPN_PASSWORD: 'vpn-secret-value',
      UPS_VPN_OPENVPN_PASSWORD: 'vault-secret-value',
      UPS_VPN_OPENVPN_USER: 'vpn-user',
      PLEX_TOKEN: 'plex-token-value',
    };
    // A real child (this Node) that prints the environment it was given.
    const r = await commandRunner(host)(process.execPath, ['-e', 'process.stdout.write(JSON.stringify(process.env))']);
    expect(r.exitCode).toBe(0);
    const seen = JSON.parse(r.stdout) as Record<string, string>;
    expect(seen.DOCKER_HOST).toBe('unix:///tmp/some.sock');
    expect(seen.PATH).toBe(process.env.PATH);
    for (const k of ['OPENVPN_PASSWORD', 'UPS_VPN_OPENVPN_PASSWORD', 'UPS_VPN_OPENVPN_USER', 'PLEX_TOKEN'])
      expect(seen[k], k).toBeUndefined();
    expect(r.stdout).not.toMatch(/secret-value|plex-token-value/);
  });

  it('detectCompose runs its probes through that runner', async () => {
    const files: string[] = [];
    const run: CommandRunner = async (file, args) => (
      files.push([file, ...args].join(' ')),
      { exitCode: 0, stdout: '2.29.1' }
    );
    await detectCompose(run);
    expect(files).toEqual(['docker compose version --short']);
  });
});

describe('rememberFound', () => {
  it('asks once while Compose is found, and again after a miss', async () => {
    const answers: ComposeFacts[] = [
      { available: false },
      { available: true, variant: 'v1', version: '1.29.2', command: ['docker-compose'] },
    ];
    let asked = 0;
    const detect = rememberFound(async () => answers[Math.min(asked++, answers.length - 1)]!);
    expect((await detect()).available).toBe(false);
    expect((await detect()).available).toBe(true);
    expect((await detect()).available).toBe(true);
    expect(asked).toBe(2);
  });
});
