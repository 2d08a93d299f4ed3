// The CLI door of a damaged engine.json, on the production composition: `ups status` says which file and prints the
// `ups repair set-aside engine-choice` line (exit 1, as every failed call), the command keeps the file renamed, and the
// next `ups status` asks the engine DOCKER_HOST names. `--version` never composes the App, so it cannot be stopped.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppService } from '../../core/app/app-service';
import { EXIT_FAILED, EXIT_OK } from '../exit-codes';
import { runCli } from '../program';
import { createCliApp } from '../service';

const DAMAGED = '[1, 2, 3]\n';

let dir: string;
/** Where the profile keeps the engine choice (profile/engine-choice.ts). */
const engineChoiceFile = (d: string) => join(d, 'engine.json');
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ups-cli-engine-choice-'));
  // The composition reads process.env, as in `ups` itself: this test's profile, and a DOCKER_HOST nothing answers.
  vi.stubEnv('UPS_CONFIG_DIR', dir);
  vi.stubEnv('DOCKER_HOST', `unix://${join(dir, 'docker-host.sock')}`);
  vi.stubEnv('UPS_DOCKER_HOST', undefined);
  vi.stubEnv('UPS_DOCKER_CONTEXT', undefined);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

/** One `ups` run as ups.ts makes it: the App composed by service.ts on first use, a new one per run (a new process). */
async function ups(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let app: Promise<AppService> | undefined;
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    version: '9.9.9',
    app: () => (app ??= createCliApp('9.9.9')),
    serve: () => Promise.reject(new Error('no serve expected')),
    io: { out: (s) => out.push(s), err: (s) => err.push(s) },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('a damaged engine.json through the CLI', () => {
  it('`ups status` names the file and prints the set-aside command; the command fixes it', async () => {
    await writeFile(engineChoiceFile(dir), DAMAGED);

    const status = await ups(['status']);
    expect(status.code).toBe(EXIT_FAILED);
    expect(status.out).toBe('');
    expect(status.err.split('\n')).toEqual([
      `error: The record of the Docker engine the stack was moved to (${engineChoiceFile(dir)}) is damaged: ` +
        'Invalid input: expected object, received array.',
      `  field: ${engineChoiceFile(dir)}`,
      expect.stringMatching(/^ {2}fix: Set the damaged file aside \(it is kept, renamed\): .*DOCKER_HOST/) as unknown,
      '  run: ups repair set-aside engine-choice',
    ]);
    expect(status.err).not.toContain('docker-host.sock');

    // Commands that need no engine still work meanwhile.
    expect(await ups(['--version'])).toEqual({ code: EXIT_OK, out: '9.9.9', err: '' });

    const repair = await ups(['repair', 'set-aside', 'engine-choice']);
    expect(repair.code).toBe(EXIT_OK);
    const kept = /kept as (\S+engine\.json\.corrupt-\S+)\.$/.exec(repair.out)?.[1];
    expect(kept, repair.out).toBeDefined();
    expect(await readFile(kept!, 'utf8')).toBe(DAMAGED);

    const after = await ups(['status']);
    expect(after.code).toBe(EXIT_FAILED);
    expect(after.err).toContain(`Docker engine at unix://${join(dir, 'docker-host.sock')} did not answer`);
    expect(after.err).not.toContain('engine.json');
  });

  it('`ups repair set-aside engine-choice` with no file says there is nothing to set aside', async () => {
    expect(await ups(['repair', 'set-aside', 'engine-choice'])).toMatchObject({
      code: EXIT_OK,
      out: 'Nothing to set aside: the file is not there.',
    });
  });
});
