// A minimal compose call used by the stack module until the engine's compose runner (issue 5) is wired in:
// `-p <project> -f <install>/compose.yaml`, secrets only in the child environment, never inherited host variables.
import { execa } from 'execa';
import { join } from 'node:path';
import type { ComposeFacts } from '../contract';
import { COMPOSE_FILE } from './generate-stack';

export interface StackComposeTarget {
  command: string[];
  project: string;
  installRoot: string;
  /** UPS_… variables from the vault. */
  secretEnv: Record<string, string>;
}

export function composeCommand(facts: ComposeFacts): string[] {
  if (!facts.available || !facts.command) throw new Error('Docker Compose was not found: install Docker Desktop (Compose v2) or docker-compose (v1).');
  return facts.command;
}

/** Only what compose needs to find the engine, plus the secrets: a host TZ or PUID can never leak into the stack. */
function childEnv(secretEnv: Record<string, string>): Record<string, string> {
  const keep = ['PATH', 'HOME', 'DOCKER_HOST', 'DOCKER_CONFIG', 'DOCKER_CONTEXT', 'DOCKER_CERT_PATH', 'DOCKER_TLS_VERIFY', 'SystemRoot', 'USERPROFILE', 'APPDATA', 'LOCALAPPDATA', 'ProgramData', 'TEMP', 'TMP'];
  const env: Record<string, string> = {};
  for (const k of keep) if (process.env[k]) env[k] = process.env[k]!;
  return { ...env, ...secretEnv };
}

export async function runStackCompose(t: StackComposeTarget, args: string[], timeoutMs = 10 * 60_000): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  const [file, ...pre] = t.command as [string, ...string[]];
  const r = await execa(file, [...pre, '-p', t.project, '-f', join(t.installRoot, COMPOSE_FILE), ...args], {
    env: childEnv(t.secretEnv),
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
    timeout: timeoutMs,
    cwd: t.installRoot,
  });
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}
