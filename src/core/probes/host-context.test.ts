import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHostContext, portState, replaceTextKeepingPrevious } from './host-context';
import { estimateNeeds } from './stack-needs';

describe('host context on this machine', () => {
  it('tells a free port from one a real listener holds', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen({ port: 0, host: '0.0.0.0' }, r));
    const port = (server.address() as { port: number }).port;
    expect(await portState(port)).toBe('in-use');
    await new Promise<void>((r) => server.close(() => r()));
    expect(await portState(port)).toBe('free');
  });

  it('reads free space and a filesystem type, and takes the ports and data path from the environment', async () => {
    const host = createHostContext(
      { UPS_CHECK_PORTS: '18080, 19696,bad', UPS_DATA_PATH: tmpdir() },
      { installRoot: async () => null },
    );
    expect(host.needs.ports).toEqual([18080, 19696]);
    const s = await host.statfs((await host.dataPath()).path);
    expect(s.freeBytes).toBeGreaterThan(0);
    expect(typeof s.type).toBe('number');
    const missing = await host.run('ups-no-such-command', []);
    expect(missing.exitCode).not.toBe(0);
  });

  it('estimates more for more services and dedupes ports', () => {
    const base = estimateNeeds(['vpn', 'plex']);
    const more = estimateNeeds(['vpn', 'plex', 'tdarr', 'proxy', 'plex']);
    expect(more.memoryBytes).toBeGreaterThan(base.memoryBytes);
    expect(more.diskBytes).toBeGreaterThan(base.diskBytes);
    expect(more.ports).toEqual([80, 81, 443, 8000, 8265, 8266, 32400]);
    expect(estimateNeeds().ports).toEqual([5055, 6767, 6789, 7878, 8000, 8080, 8989, 9696, 32400]);
  });

  it('replaces a text file atomically and keeps the previous version beside it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ups-t-host-write-'));
    const file = join(dir, '.wslconfig');
    expect(await replaceTextKeepingPrevious(file, 'first\n')).toEqual({ backup: null });
    await writeFile(file, '[wsl2]\r\nswap=0\r\n');
    const r = await replaceTextKeepingPrevious(file, 'new', () => new Date('2026-12-07T13:00:00.000Z'));
    expect(r.backup).toBe(`${file}.ups-backup-2026-12-07T13-00-00-000Z`);
    expect(await readFile(r.backup!, 'utf8')).toBe('[wsl2]\r\nswap=0\r\n');
    expect(await readFile(file, 'utf8')).toBe('new');
    expect((await readdir(dir)).sort()).toEqual(['.wslconfig', '.wslconfig.ups-backup-2026-12-07T13-00-00-000Z']);
  });

  it('launches a program detached, and says why when it cannot', async () => {
    const host = createHostContext({}, { installRoot: async () => null });
    expect(await host.launch(process.execPath, ['-e', ''])).toEqual({});
    expect((await host.launch('ups-no-such-program', [])).error).toMatch(/ENOENT|not found/i);
  });
});
