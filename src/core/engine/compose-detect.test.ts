import { describe, expect, it } from 'vitest';
import { detectCompose, parseComposeVersion, type CommandRunner } from './compose-detect';

describe('compose detection', () => {
  it('parses v2 and v1 short versions', () => {
    expect(parseComposeVersion('2.29.1\n')).toBe('2.29.1');
    expect(parseComposeVersion('v2.40.3-desktop.1')).toBe('2.40.3-desktop.1');
    expect(parseComposeVersion('1.29.2')).toBe('1.29.2');
    expect(parseComposeVersion('docker: unknown command')).toBeUndefined();
  });

  it('prefers v2 when both exist', async () => {
    const run: CommandRunner = async (file) => ({ exitCode: 0, stdout: file === 'docker' ? '2.29.1' : '1.29.2' });
    expect(await detectCompose(run)).toEqual({ available: true, variant: 'v2', version: '2.29.1', command: ['docker', 'compose'] });
  });

  it('falls back to v1 when `docker compose` is not a command', async () => {
    const run: CommandRunner = async (file) => (file === 'docker' ? { exitCode: 1, stdout: '' } : { exitCode: 0, stdout: '1.29.2' });
    expect(await detectCompose(run)).toMatchObject({ available: true, variant: 'v1', command: ['docker-compose'] });
  });

  it('reports unavailable when neither runs (ENOENT)', async () => {
    const run: CommandRunner = async () => {
      throw Object.assign(new Error('spawn docker ENOENT'), { code: 'ENOENT' });
    };
    expect(await detectCompose(run)).toEqual({ available: false });
  });
});
