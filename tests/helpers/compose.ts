// Test-side compose calls (cleanup `down -v`, `logs`) through the product's one compose runner, with the same
// inherited host environment the composition gives it.
import { join } from 'node:path';
import { inheritedHostEnv, spawnCompose, type ComposeResult } from '../../src/core/engine/compose/compose-runner';
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
  const target = {
    compose: { available: true, command: t.command },
    project: t.project,
    file: join(t.installRoot, COMPOSE_FILE),
    secretEnv: t.secretEnv,
    hostEnv: inheritedHostEnv(process.env),
  };
  // spawnCompose never rejects on an exit code: the result is handed back as it is.
  const r = await spawnCompose(target, verb, rest, { timeoutMs: 10 * 60_000 });
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}
