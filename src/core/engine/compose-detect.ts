// Finds Compose (docs/decisions.md D8): v2 `docker compose` first (Docker Desktop), then v1 `docker-compose` (Debian).
import type { ComposeFacts } from '../contract';
import { inheritedHostEnv } from './compose/host-env';

export type CommandRunner = (file: string, args: string[]) => Promise<{ exitCode: number; stdout: string }>;

/**
 * Runs a probe with only the variables docker needs (docs/decisions.md D17): the caller's environment may hold the VPN
 * user/password or other secrets (`ups init --secrets-from-env`), and a version probe has no use for them.
 */
export function commandRunner(host: NodeJS.ProcessEnv): CommandRunner {
  const env = inheritedHostEnv(host);
  return async (file, args) => {
    const { execa } = await import('execa'); // on first use: the composition builds this runner for every door
    const r = await execa(file, args, { env, extendEnv: false, reject: false, timeout: 30_000, stdin: 'ignore' });
    return { exitCode: r.exitCode ?? 1, stdout: typeof r.stdout === 'string' ? r.stdout : '' };
  };
}

const candidates: { variant: 'v2' | 'v1'; command: string[] }[] = [
  { variant: 'v2', command: ['docker', 'compose'] },
  { variant: 'v1', command: ['docker-compose'] },
];

/**
 * Compose, once found, stays found for the life of the process: every compose call asked again before, and under load
 * one slow `docker-compose version` (a Python start-up) turned into a false "Compose not found". A miss is asked again
 * next time, so installing Docker Desktop while the app runs is noticed.
 */
export function rememberFound(detect: () => Promise<ComposeFacts>): () => Promise<ComposeFacts> {
  let found: Promise<ComposeFacts> | undefined;
  return () => {
    if (found) return found;
    const attempt = detect();
    found = attempt.then((f) => {
      if (!f.available) found = undefined;
      return f;
    });
    return found;
  };
}

export async function detectCompose(run: CommandRunner): Promise<ComposeFacts> {
  for (const c of candidates) {
    const [file, ...pre] = c.command as [string, ...string[]];
    try {
      const r = await run(file, [...pre, 'version', '--short']);
      const version = parseComposeVersion(r.stdout);
      if (r.exitCode === 0 && version) return { available: true, variant: c.variant, version, command: c.command };
    } catch {
      // not installed: try the next candidate
    }
  }
  return { available: false };
}

/** `--short` prints "2.29.1" (v2, sometimes "v2.29.1") or "1.29.2" (v1). */
export function parseComposeVersion(stdout: string): string | undefined {
  const m = /v?(\d+\.\d+\.\d+[\w.+-]*)/.exec(stdout.trim());
  return m?.[1];
}
