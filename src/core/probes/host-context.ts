// Everything the host probes ask of the machine, behind one small object: the spawning and syscalls are here,
// a few lines each; the deciding is in the probes and the pure parsers.
import { constants } from 'node:fs';
import { access, readFile, statfs } from 'node:fs/promises';
import { createServer } from 'node:net';
import { homedir, release, totalmem, version } from 'node:os';
import { join } from 'node:path';
import { enabledPorts, type PortName } from '../contract/stack-config';
import { writeFileAtomic } from '../fs/atomic-write';
import { STACK_FILE } from '../install/install-layout';
import { estimateNeeds, type StackNeeds } from './stack-needs';

export interface CommandResult {
  exitCode: number;
  stdout: Uint8Array;
  stderr: Uint8Array;
  /** Set when the command could not run at all (not installed, timed out). */
  error?: string;
}

export type PortState = 'free' | 'in-use' | 'denied';

/** Where the stack's data lives (or will), and why we think so. */
export interface DataLocation {
  path: string;
  /** stack: the installed stack.yml's dataRoot; env: UPS_DATA_PATH; home: nothing chosen yet. */
  source: 'stack' | 'env' | 'home';
  /** Set when an install exists but its stack.yml could not be read, so the fallback was used. */
  problem?: string;
}

export interface HostContext {
  run(file: string, args: string[], env?: Record<string, string>): Promise<CommandResult>;
  readText(path: string): Promise<string | null>;
  /**
   * Replaces a text file atomically (docs/decisions.md D9), keeping the previous version beside it as
   * `<name>.ups-backup-<time>`; answers where that copy went (null when the file did not exist).
   */
  writeText(path: string, text: string): Promise<{ backup: string | null }>;
  /** Starts a program detached from this process (a GUI app like Docker Desktop) without waiting for it. */
  launch(file: string, args: string[]): Promise<{ error?: string }>;
  exists(path: string): Promise<boolean>;
  statfs(path: string): Promise<{ freeBytes: number; type: number }>;
  portState(port: number): Promise<PortState>;
  env: NodeJS.ProcessEnv;
  totalMemBytes: number;
  osRelease: string;
  osVersion: string;
  /** Where the stack's data lives: the installed stack.yml's dataRoot, else UPS_DATA_PATH, else the home folder. */
  dataPath(): Promise<DataLocation>;
  /**
   * The installed stack's published host ports by name (what stack.settings changes), or null before install, when
   * stack.yml cannot be read, or when UPS_CHECK_PORTS names the ports to check instead.
   */
  stackPorts?(): Promise<{ name: PortName; port: number }[] | null>;
  needs: StackNeeds;
}

export interface HostOptions {
  /** The install root (AppDeps.installRoot): the disk check looks at the installed stack's data root. */
  installRoot: () => Promise<string | null>;
}

export function createHostContext(env: NodeJS.ProcessEnv, opts: HostOptions): HostContext {
  const needs = estimateNeeds();
  // A seam for CI and for `ups doctor` users who want other ports checked: UPS_CHECK_PORTS=8080,32400
  const ports = env.UPS_CHECK_PORTS?.split(',')
    .map((p) => Number(p.trim()))
    .filter((p) => Number.isInteger(p) && p > 0 && p < 65536);
  return {
    async run(file, args, extraEnv) {
      try {
        // Loaded on first use: most doors build a host context and never run a command (bench cli-startup).
        const { execa } = await import('execa');
        const r = await execa(file, args, {
          reject: false,
          timeout: 15_000,
          stdin: 'ignore',
          encoding: 'buffer',
          env: extraEnv,
          windowsHide: true,
        });
        return {
          exitCode: r.exitCode ?? 1,
          stdout: r.stdout,
          stderr: r.stderr,
          ...(r.failed && r.exitCode === undefined ? { error: r.shortMessage } : {}),
        };
      } catch (err) {
        return {
          exitCode: 1,
          stdout: new Uint8Array(),
          stderr: new Uint8Array(),
          error: err instanceof Error ? err.message : String(err),
        };
      }
    },
    readText: (path) => readFile(path, 'utf8').catch(() => null),
    writeText: (path, text) => replaceTextKeepingPrevious(path, text),
    async launch(file, args) {
      try {
        const { execa } = await import('execa');
        const child = execa(file, args, { detached: true, stdio: 'ignore', windowsHide: false, reject: false });
        child.unref();
        // Spawning fails synchronously-ish (ENOENT) through the promise; a started GUI app never settles it.
        const early = await Promise.race([
          child.then((r) => (r.failed && r.exitCode === undefined ? r.shortMessage : undefined)),
          new Promise<undefined>((r) => setTimeout(() => r(undefined), 500)),
        ]);
        return early ? { error: early } : {};
      } catch (err) {
        return { error: err instanceof Error ? err.message : String(err) };
      }
    },
    exists: (path) =>
      access(path, constants.F_OK).then(
        () => true,
        () => false,
      ),
    async statfs(path) {
      const s = await statfs(path);
      return { freeBytes: s.bavail * s.bsize, type: s.type };
    },
    portState,
    env,
    totalMemBytes: totalmem(),
    osRelease: release(),
    osVersion: version(),
    dataPath: () => resolveDataLocation(env, opts.installRoot),
    async stackPorts() {
      if (ports?.length) return null;
      try {
        const root = await opts.installRoot();
        const { readInstalledStack } = await import('../install/read-installed-stack');
        const cfg = root ? await readInstalledStack(root) : null;
        return cfg ? enabledPorts(cfg).map((name) => ({ name, port: cfg.ports[name] })) : null;
      } catch {
        // An unreadable stack.yml is reported by the checks that read it; the ports check falls back to the defaults.
        return null;
      }
    },
    needs: ports?.length ? { ...needs, ports } : needs,
  };
}

/** The chosen drive once a stack is installed; before that, UPS_DATA_PATH or home stand in until the wizard picks one. */
export async function resolveDataLocation(
  env: NodeJS.ProcessEnv,
  installRoot: () => Promise<string | null>,
): Promise<DataLocation> {
  let problem: string | undefined;
  try {
    const root = await installRoot();
    if (root) {
      const { readInstalledStack } = await import('../install/read-installed-stack');
      const cfg = await readInstalledStack(root);
      if (cfg) return { path: cfg.dataRoot, source: 'stack' };
      problem = `${join(root, STACK_FILE)} does not exist (yet)`;
    }
  } catch (err) {
    // No stack.yml yet (install in progress) or an unreadable pointer: say so, and check the fallback instead.
    problem = err instanceof Error ? err.message : String(err);
  }
  const fallback: DataLocation = env.UPS_DATA_PATH
    ? { path: env.UPS_DATA_PATH, source: 'env' }
    : { path: homedir(), source: 'home' };
  return problem ? { ...fallback, problem } : fallback;
}

/** The previous version is written (atomically) before the new one replaces the file, so both steps are safe. */
export async function replaceTextKeepingPrevious(
  path: string,
  text: string,
  now: () => Date = () => new Date(),
): Promise<{ backup: string | null }> {
  const previous = await readFile(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
  let backup: string | null = null;
  if (previous !== null) {
    backup = `${path}.ups-backup-${now().toISOString().replace(/[:.]/g, '-')}`;
    await writeFileAtomic(backup, previous);
  }
  await writeFileAtomic(path, text);
  return { backup };
}

/** Binding is the only honest test: on Windows an excluded range answers EACCES, a listener EADDRINUSE. */
export function portState(port: number): Promise<PortState> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'EADDRINUSE' ? 'in-use' : 'denied'));
    server.listen({ port, host: '0.0.0.0', exclusive: true }, () => server.close(() => resolve('free')));
  });
}
