// The Windows host fixes' effects on a replayed machine: which Docker Desktop.exe is launched and how the engine is
// awaited, what the .wslconfig and Docker settings files hold afterwards (and their backups), and the failures.
import { describe, expect, it } from 'vitest';
import { UpsFailure } from '../../contract/envelope';
import { fixtureText } from './fixtures.test-helper';
import {
  enableDockerAutoStart,
  findDockerDesktopExe,
  setWslMemory,
  shutdownWsl,
  startDockerDesktop,
} from './host-fixes';
import { replayHost } from './replay-host.test-helper';
import { parseWslConfig } from './wslconfig';

const defaultExe = 'C:\\Program Files\\Docker\\Docker\\Docker Desktop.exe';

/** An engine that answers after `after` polls; records the progress lines. */
function engine(after: number) {
  let polls = 0;
  const lines: [number, number, string][] = [];
  return {
    lines,
    opts: {
      engineUp: async () => polls++ >= after,
      progress: (c: number, t: number, m: string) => void lines.push([c, t, m]),
      timeoutMs: 30_000,
      intervalMs: 3_000,
      sleep: async () => {},
    },
  };
}

describe('start Docker Desktop', () => {
  it('no registry entry (the recorded "unable to find" answer): the default install path is launched, then awaited', async () => {
    const host = replayHost({ files: { 'Docker Desktop.exe': '' } });
    const e = engine(3);
    const r = await startDockerDesktop(host, e.opts);
    expect(r).toEqual({ exe: defaultExe, engine: 'running', waitedMs: 9_000 });
    expect(host.launched).toEqual([defaultExe]);
    expect(host.commands.filter((c) => c[0] === 'reg').map((c) => c[2])).toEqual([
      'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Docker Desktop',
      'HKCU\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Docker Desktop',
    ]);
    expect(e.lines[0]).toEqual([0, 10, `Starting ${defaultExe}…`]);
    expect(e.lines.at(-1)).toEqual([10, 10, 'Docker Desktop’s engine is running.']);
  });

  it('a registry answer without an InstallLocation value falls through to Program Files', async () => {
    const host = replayHost({
      reg: { HKCU: 'reg-query/en-run-key.txt' },
      files: { 'Docker Desktop.exe': '' },
    });
    // The recorded answer (a Run key) has values, none named InstallLocation.
    expect(await findDockerDesktopExe(host)).toBe(defaultExe);
  });

  it('already running: nothing is launched', async () => {
    const host = replayHost({ files: { 'Docker Desktop.exe': '' } });
    expect(await startDockerDesktop(host, engine(0).opts)).toMatchObject({ engine: 'running', waitedMs: 0 });
    expect(host.launched).toEqual([]);
  });

  it('an engine that never answers: started, then a timeout answer (not an exception) after the bounded wait', async () => {
    const host = replayHost({ files: { 'Docker Desktop.exe': '' } });
    const e = engine(Infinity);
    expect(await startDockerDesktop(host, e.opts)).toEqual({ exe: defaultExe, engine: 'timeout', waitedMs: 30_000 });
    expect(e.lines).toHaveLength(11);
  });

  it('not installed: NOT_FOUND with the install command, nothing launched', async () => {
    const host = replayHost({ files: {} });
    const err = await startDockerDesktop(host, engine(0).opts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpsFailure);
    expect((err as UpsFailure).error).toMatchObject({ code: 'NOT_FOUND', fix: expect.stringContaining('winget') });
    expect(host.launched).toEqual([]);
  });
});

describe('WSL memory limit', () => {
  it('writes memory= under [wsl2], keeps the user’s lines, keeps the old file as a backup, says what it was', async () => {
    const before = '# tuned by me\r\n[wsl2]\r\nmemory=2GB\r\nprocessors=4\r\n';
    const host = replayHost({ files: { '.wslconfig': before } });
    const r = await setWslMemory(host, 8);
    expect(r).toMatchObject({
      line: 'memory=8GB',
      previous: 'memory=2GB',
      file: expect.stringMatching(/\.wslconfig$/),
    });
    expect(host.files.get(r.backup!)).toBe(before);
    const after = host.files.get(r.file)!;
    expect(after).toBe('# tuned by me\r\n[wsl2]\r\nmemory=8GB\r\nprocessors=4\r\n');
    expect(parseWslConfig(after)).toMatchObject({ memoryBytes: 8 * 1024 ** 3, processors: 4 });
  });

  it('no .wslconfig yet: a new one, no backup', async () => {
    const host = replayHost({ files: {} });
    const r = await setWslMemory(host, 6);
    expect(r.backup).toBeNull();
    expect(host.files.get(r.file)).toBe('[wsl2]\nmemory=6GB\n');
  });

  it('wsl --shutdown: runs once; a failure is an error with the manual command', async () => {
    const ok = replayHost({});
    await shutdownWsl(ok);
    expect(ok.commands).toEqual([['wsl.exe', '--shutdown']]);
    await expect(shutdownWsl(replayHost({ shutdownExit: 1 }))).rejects.toMatchObject({
      error: { code: 'INTERNAL', fix: 'Run `wsl --shutdown` in a terminal.' },
    });
  });
});

describe('Docker Desktop start at sign-in', () => {
  it('the recorded 4.9.0 settings.json gets autoStart=true; the old file is kept', async () => {
    const before = fixtureText('docker-settings/settings-4.9.0.json');
    const host = replayHost({ files: { 'settings.json': before } });
    const r = await enableDockerAutoStart(host);
    expect(r).toMatchObject({ key: 'autoStart', file: expect.stringMatching(/Docker.settings\.json$/) });
    expect(host.files.get(r.backup!)).toBe(before);
    expect(JSON.parse(host.files.get(r.file)!)).toMatchObject({ autoStart: true, memoryMiB: 2048 });
  });

  it('settings-store.json wins over an old settings.json; no file at all asks to start Docker Desktop once', async () => {
    const host = replayHost({
      files: { 'settings-store.json': '{"AutoStart": false}', 'settings.json': '{"autoStart": false}' },
    });
    expect(await enableDockerAutoStart(host)).toMatchObject({ key: 'AutoStart' });
    await expect(enableDockerAutoStart(replayHost({ files: {} }))).rejects.toMatchObject({
      error: { code: 'NOT_FOUND', fix: 'Start Docker Desktop once, then run this again.' },
    });
  });
});
