// The CLI inside the app binary: argv in Node's shape for dist/cli, its exit code out through app.exit, output drained.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { EXIT_CLI_NOT_LOADED, runBundledCli, type CliProcess } from './cli-entry';

const dir = mkdtempSync(join(tmpdir(), 'ups-cli-entry-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stream that records writes and calls back only after a tick, like a Windows console. */
function slowStream(log: string[], events: string[], name: string) {
  return {
    write: vi.fn((chunk: string, cb?: () => void) => {
      if (chunk) log.push(chunk);
      setTimeout(() => {
        events.push(`${name} drained`);
        cb?.();
      }, 0);
      return true;
    }),
  };
}

function fakeProcess() {
  const out: string[] = [];
  const err: string[] = [];
  const events: string[] = [];
  const proc: CliProcess = {
    argv: ['C:\\App\\Ultimate Plex Stack.exe', '--ups-cli', '--', 'status'],
    execPath: 'C:\\App\\Ultimate Plex Stack.exe',
    exitCode: 7,
    stdout: slowStream(out, events, 'stdout'),
    stderr: slowStream(err, events, 'stderr'),
  };
  return { proc, out, err, events };
}

describe('runBundledCli', () => {
  it('gives the real CLI module argv as `node ups.mjs <args>` would, and exits with the code it left', async () => {
    // A stand-in for dist/cli/ups.mjs with the same protocol: read process.argv.slice(2) on import, set exitCode.
    const entry = join(dir, 'ups.mjs');
    writeFileSync(
      entry,
      'globalThis.__seen = process.argv.slice(2); process.exitCode = process.argv.includes("--json") ? 3 : 0;\n',
    );
    const saved = { argv: process.argv, exitCode: process.exitCode };
    const exit = vi.fn();
    let code: number;
    try {
      code = await runBundledCli(['doctor', '--json'], {
        cliEntry: entry,
        proc: process,
        importModule: (url) => import(url),
        exit,
      });
    } finally {
      process.argv = saved.argv;
      process.exitCode = saved.exitCode;
    }
    expect((globalThis as { __seen?: string[] }).__seen).toEqual(['doctor', '--json']);
    expect(code).toBe(3);
    expect(exit).toHaveBeenCalledExactlyOnceWith(3);
  });

  it('drains stdout and stderr before app.exit, which would drop what is still buffered', async () => {
    const { proc, events } = fakeProcess();
    await runBundledCli(['status'], {
      cliEntry: join(dir, 'ups.mjs'),
      proc,
      importModule: async () => {
        proc.exitCode = 4;
      },
      exit: (code) => void events.push(`exit ${code}`),
    });
    expect(events).toEqual(['stdout drained', 'stderr drained', 'exit 4']);
  });

  it('imports the entry by file URL (Windows paths are not import specifiers) and resets a stale exit code', async () => {
    const { proc } = fakeProcess();
    const importModule = vi.fn(async () => undefined);
    const code = await runBundledCli(['--version'], {
      cliEntry: join(dir, 'cli', 'ups.mjs'),
      proc,
      importModule,
      exit: vi.fn(),
    });
    expect(importModule).toHaveBeenCalledWith(pathToFileURL(join(dir, 'cli', 'ups.mjs')).href);
    expect(proc.argv).toEqual([proc.execPath, join(dir, 'cli', 'ups.mjs'), '--version']);
    expect(code).toBe(0);
  });

  it('a package without a loadable CLI says what to do and exits 1, with no stack trace', async () => {
    const { proc, err, out } = fakeProcess();
    const exit = vi.fn();
    const code = await runBundledCli(['status'], {
      cliEntry: join(dir, 'missing', 'ups.mjs'),
      proc,
      importModule: (url) => import(url),
      exit,
    });
    expect(code).toBe(EXIT_CLI_NOT_LOADED);
    expect(exit).toHaveBeenCalledWith(EXIT_CLI_NOT_LOADED);
    expect(out).toEqual([]);
    expect(err.join('')).toMatch(/could not start .*\n {2}fix: repair or reinstall Ultimate Plex Stack/);
    expect(err.join('')).not.toMatch(/\bat .+:\d+:\d+/);
  });
});
