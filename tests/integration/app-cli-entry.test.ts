// The built main entry launched as `ups.cmd` launches it (`--ups-cli -- <args>`) answers as the ups CLI does: same
// output, same exit codes, and no Electron API touched beyond app.exit (the stand-in electron throws on any other).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json';
import { runMainAsCli } from '../helpers/app-cli';
import { repoRoot, requireBuiltCli, ups } from '../helpers/cli';

const mainEntry = join(repoRoot, 'dist', 'main', 'main.mjs');
let configDir: string;

beforeAll(() => {
  requireBuiltCli();
  configDir = mkdtempSync(join(tmpdir(), 'ups-app-cli-'));
});
afterAll(() => rmSync(configDir, { recursive: true, force: true }));

describe('main entry with --ups-cli', () => {
  it('`ups --version` prints the app’s version and exits 0', async () => {
    const r = await runMainAsCli(mainEntry, ['--version'], { UPS_CONFIG_DIR: configDir });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(pkg.version);
    expect(r.code).toBe(0);
  });

  it('`ups doctor --json` gives the same checks and exit code as the Node-run CLI', async () => {
    const env = { UPS_CONFIG_DIR: configDir };
    const [inApp, viaNode] = await Promise.all([
      runMainAsCli(mainEntry, ['doctor', '--json'], env),
      ups(['doctor', '--json'], env),
    ]);
    expect(inApp.stderr).not.toMatch(/electron\.\w+.* (was used|was called) by a CLI launch/);
    const parsed = JSON.parse(inApp.stdout) as { ok: boolean; value: { checks: { id: string; state: string }[] } };
    expect(parsed.ok).toBe(true);
    expect(parsed.value.checks.length).toBeGreaterThan(0);
    const ids = (out: string) =>
      (JSON.parse(out) as typeof parsed).value.checks.map((c) => `${c.id}:${c.state}`).sort();
    expect(ids(inApp.stdout)).toEqual(ids(viaNode.stdout));
    expect(inApp.code).toBe(viaNode.code);
  });

  it('a usage error keeps the CLI’s exit code 2 and message', async () => {
    const r = await runMainAsCli(mainEntry, ['no-such-command'], { UPS_CONFIG_DIR: configDir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'no-such-command'");
  });

  it('the stand-in refuses what a CLI launch must not touch (so the tests above can fail)', async () => {
    // Without --ups-cli the app path runs: it takes the single-instance lock, which the stand-in refuses.
    const { execa } = await import('execa');
    const r = await execa(
      process.execPath,
      ['--import', join(repoRoot, 'tests', 'helpers', 'electron-stub', 'register.mjs'), mainEntry],
      { reject: false, env: { ...process.env, UPS_CONFIG_DIR: configDir }, stdin: 'ignore' },
    );
    expect(r.exitCode).not.toBe(0);
    expect(String(r.stderr)).toMatch(/electron\.app\.requestSingleInstanceLock was used by a CLI launch/);
  });
});
