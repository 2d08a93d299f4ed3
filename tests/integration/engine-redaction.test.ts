// Secrets stay out of compose errors: real `docker-compose config` output contains the interpolated VPN control key
// (from the vault, passed only in the child environment); when that run is treated as a failure, the ComposeError's
// message, output and the envelope error carry «redacted» instead — and the compose file on disk never held it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ComposeError } from '../../src/core/engine/compose/compose-error';
import { runCompose } from '../../src/core/engine/compose/compose-runner';
import { resolveTarget } from '../../src/core/engine/compose/compose-target';
import { CONTROL_KEY, createEngineHarness, type EngineHarness } from '../fixtures/engine/harness';

let h: EngineHarness;
beforeAll(async () => {
  h = await createEngineHarness('redact');
});
afterAll(async () => {
  await h?.cleanup();
});

it('the key reaches compose through the environment but never an error or the file', async () => {
  const target = await resolveTarget({ ...h.deps, hostEnv: h.deps.engine.hostEnv });
  expect(Object.values(target.secretEnv)).toContain(CONTROL_KEY);
  // Success path: compose saw the key (it interpolates it into the config it prints, redacted for us).
  const okRun = await runCompose(target, 'config', []);
  expect(okRun.stdout).toContain('«redacted»');
  expect(okRun.stdout).not.toContain(CONTROL_KEY);
  // Failure path: the same output inside a typed error.
  let caught: unknown;
  try {
    await runCompose(target, 'config', [], { okExitCodes: [99] });
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(ComposeError);
  const e = caught as ComposeError;
  expect(e.verb).toBe('config');
  expect(e.exitCode).toBe(0);
  expect(e.output).toContain('«redacted»');
  expect(JSON.stringify({ message: e.message, output: e.output, args: e.args, env: e.upsError })).not.toContain(
    CONTROL_KEY,
  );
  expect(await readFile(join(h.root, 'compose.yaml'), 'utf8')).not.toContain(CONTROL_KEY);
});
