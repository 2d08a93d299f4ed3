// Shared by the stack integration suites: an in-memory SecretVault (the port, nothing stored on disk), temp roots,
// real compose invocation, and a byte snapshot of a folder tree.
import { execa } from 'execa';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SecretName } from '../../src/core/contract/secret-names';
import type { StackVault } from '../../src/core/stack/stack-secrets';
import { runTestCompose } from '../helpers/compose';

export function memoryVault(
  initial: Partial<Record<SecretName, string>> = {},
): StackVault & { entries: Map<SecretName, string> } {
  const entries = new Map<SecretName, string>(Object.entries(initial) as [SecretName, string][]);
  return {
    entries,
    get: async (name) => entries.get(name) ?? null,
    set: async (name, value) => void entries.set(name, value),
  };
}

const made: string[] = [];
export async function tempDir(topic: string): Promise<string> {
  const base = process.env.UPS_CI_TMP ?? tmpdir();
  const dir = await mkdtemp(join(base, `ups-t-stack-${topic}-`));
  made.push(dir);
  return dir;
}

/** Removes every folder tempDir made in this test file (call from afterAll). */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

/** Compose v1 is what CI has; v2 is used when present too. Fails loudly when neither is installed. */
export async function composeCommands(): Promise<string[][]> {
  const found: string[][] = [];
  for (const cmd of [['docker', 'compose'], ['docker-compose']]) {
    const r = await execa(cmd[0]!, [...cmd.slice(1), 'version', '--short'], { reject: false, stdin: 'ignore' });
    if (r.exitCode === 0) found.push(cmd);
  }
  if (found.length === 0)
    throw new Error(
      'Neither `docker compose` (v2) nor `docker-compose` (v1) is installed: apt-get install docker-compose, as .ci/run does.',
    );
  return found;
}

/**
 * Takes a test stack down with its volumes and orphans, with the last Compose found. Compose interpolates the
 * compose file's `${UPS_…:?}` references even for `down`, so placeholders stand in for the vault's values.
 */
export async function composeDownTestStack(project: string, installRoot: string): Promise<void> {
  const [command] = (await composeCommands()).slice(-1) as [string[]];
  const placeholders = Object.fromEntries(
    [
      'UPS_VPN_CONTROL_API_KEY',
      'UPS_VPN_OPENVPN_USER',
      'UPS_VPN_OPENVPN_PASSWORD',
      'UPS_RADARR_API_KEY',
      'UPS_SONARR_API_KEY',
      'UPS_PROWLARR_API_KEY',
    ].map((k) => [k, 'x']),
  );
  await runTestCompose({ command, project, installRoot, secretEnv: placeholders }, ['down', '-v', '--remove-orphans']);
}

/** Every file under a folder with its bytes, keyed by relative path: equal snapshots mean nothing changed. */
export async function snapshotTree(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  async function walk(dir: string, rel: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        out[`${r}/`] = '';
        await walk(join(dir, e.name), r);
      } else out[r] = (await readFile(join(dir, e.name))).toString('base64');
    }
  }
  await walk(root, '');
  return out;
}

/** A port nobody listens on right now (the engine is shared: fixed ports would collide between runs). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}
