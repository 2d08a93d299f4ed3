// Test-side compose calls (cleanup `down -v`, `logs`) through the product's one compose runner, with the same
// inherited host environment the composition gives it.
import { join } from 'node:path';
import { inheritedHostEnv, runCompose, type ComposeResult } from '../../src/core/engine/compose/compose-runner';
import { COMPOSE_FILE } from '../../src/core/install/install-layout';

export interface TestComposeTarget {
  command: string[];
  project: string;
  installRoot: string;
  secretEnv: Record<string, string>;
}

/** Runs `compose <args>` for a test stack; a non-zero exit is returned, not thrown (cleanup must go on). */
export async function runTestCompose(t: TestComposeTarget, args: string[]): Promise<ComposeResult> {
  const [verb, ...rest] = args as [string, ...string[]];
  const target = { compose: { available: true, command: t.command }, project: t.project, file: join(t.installRoot, COMPOSE_FILE), secretEnv: t.secretEnv, hostEnv: inheritedHostEnv(process.env) };
  return runCompose(target, verb, rest, { okExitCodes: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 125, 126, 127], timeoutMs: 10 * 60_000 });
}
