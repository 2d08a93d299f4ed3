// Bad usage through the built `ups` CLI is exit 2 with a message that names the flag (never `input.…`) and the fix:
// flag values parsed at the door, `ups help <unknown>`, `--config` that is not a regular file, and a busy serve port.
import { execa } from 'execa';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltCli, ups } from '../helpers/cli';
import { removeTempDirs, tempDir } from './stack-helpers';

let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  requireBuiltCli();
  dir = await tempDir('cli-usage');
  await mkdir(join(dir, 'cfg'));
  // No engine and no vault is reached by any case here: a usage error stops before the App service is made.
  env = { UPS_CONFIG_DIR: join(dir, 'cfg'), DOCKER_HOST: `unix://${join(dir, 'no-engine.sock')}` };
});
afterAll(removeTempDirs);

function expectUsage(r: { code: number; stderr: string }, flag: string) {
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(flag);
  expect(r.stderr).not.toMatch(/input\./);
}

describe('flag values are parsed at the door', () => {
  it.each([
    [['logs', 'vpn', '--tail', 'abc'], '--tail', 'from 1 to 10000'],
    [['logs', 'vpn', '--tail', '0'], '--tail', 'from 1 to 10000'],
    [['logs', 'vpn', '--tail', '10001'], '--tail', 'from 1 to 10000'],
    [['logs', 'vpn', '--follow', '--tail', '-5'], '--tail', 'from 1 to 10000'],
    [['update', '--timeout', '2'], '--timeout', 'from 5 to 3600'],
    [['update', '--timeout', 'soon'], '--timeout', 'from 5 to 3600'],
    [['plex', 'signin', '--interval', '0'], '--interval', 'milliseconds'],
    [['migrate', 'plan', '--to', '/mnt/nas', '--uid', 'me'], '--uid', 'numeric id'],
    [['migrate', 'plan', '--to', '/mnt/nas', '--smb-version', '4.0'], '--smb-version', '3.1.1'],
    [['serve', '--port', '70000'], '--port', '0 to 65535'],
    [['migrate', 'plan', '--to', ''], '--to', 'target folder'],
    [['migrate', 'plan', '--to', '/mnt/nas', '--from', ''], '--from', 'torrents/'],
    [['up', 'Radarr!'], '<service>', 'ups status'],
    [['logs', '../etc'], '<service>', 'ups status'],
  ])('ups %j → exit 2 naming %s and the fix', async (argv, flag, fix) => {
    const r = await ups(argv, env);
    expectUsage(r, flag);
    expect(r.stderr).toContain(fix);
    expect(r.stdout).toBe('');
  });
});

describe('ups help', () => {
  it('exits 2 for a topic that is not a command, listing the commands', async () => {
    const r = await ups(['help', 'nosuch'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'nosuch'");
    expect(r.stderr).toContain('status');
  });

  it('exits 2 for a sub-command topic that does not exist, listing the real ones', async () => {
    const r = await ups(['help', 'migrate', 'nosuch'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'nosuch'");
    expect(r.stderr).toContain('plan');
    expect(r.stdout).toBe('');
  });

  it('still shows the help of a real command with exit 0', async () => {
    const r = await ups(['help', 'logs'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--tail');
  });
});

describe('--config must be a regular file', () => {
  it('refuses a folder, a FIFO, a device and a /proc file with exit 2, naming --config', async () => {
    const fifo = join(dir, 'answers.fifo');
    await execa('mkfifo', [fifo]);
    for (const [path, kind] of [
      [dir, 'folder'],
      [fifo, 'FIFO'],
      ['/dev/null', 'device'],
      ['/proc/self/status', 'system file'],
    ] as const) {
      const r = await ups(['init', '--config', path, '--json'], env);
      expect(r.code, path).toBe(2);
      const out = JSON.parse(r.stdout) as { ok: boolean; error: { field: string; message: string; fix: string } };
      expect(out.ok).toBe(false);
      expect(out.error.field).toBe('--config');
      expect(out.error.message).toContain(kind);
      expect(out.error.fix).toContain('answers file');
    }
  });

  it('config validate refuses a folder the same way, naming FILE', async () => {
    const r = await ups(['config', 'validate', dir], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('FILE');
    expect(r.stderr).toContain('folder');
  });

  it('a missing file is a failed read (exit 1) that names --config', async () => {
    const r = await ups(['init', '--config', join(dir, 'nope.yml')], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('field: --config');
  });

  it('a regular file still gets through to validation', async () => {
    const file = join(dir, 'bad.yml');
    await writeFile(file, 'installRoot: [\n');
    const r = await ups(['config', 'validate', file], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not valid YAML');
  });
});

describe('ups serve on a busy port', () => {
  let holder: Server;
  afterAll(() => new Promise<void>((resolve) => holder.close(() => resolve())));

  it('says which port is taken and how to pick another, exit 2', async () => {
    holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as AddressInfo).port;
    const r = await ups(['serve', '--port', String(port)], env, { timeout: 60_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`port ${port}`);
    expect(r.stderr).toContain('already in use');
    expect(r.stderr).toContain('--port');
    expect(r.stdout).not.toContain('served at');
  });
});
