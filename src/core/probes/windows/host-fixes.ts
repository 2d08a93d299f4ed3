// The four Windows host fixes the checks offer (docs/decisions.md D15): start Docker Desktop and wait for its
// engine, write a WSL memory limit, stop WSL so it takes effect, and turn on Docker Desktop's start at sign-in.
// Each runs its Windows command or file edit through the HostContext; what the outputs and files mean is decided by
// the pure parsers beside this file.
// Windows paths on every platform (these fixes run only on Windows; tests replay it elsewhere).
import { win32 } from 'node:path';
import { UpsFailure } from '../../contract/envelope';
import type { HostContext } from '../host-context';
import { decodeWindowsOutput } from './decode-output';
import { LEGACY_SETTINGS_FILE, SETTINGS_STORE_FILE, withAutoStart } from './docker-desktop-settings';
import { parseRegQuery, regValue } from './reg-query';
import { withWslMemory } from './wslconfig-edit';

const { join } = win32;

/** Where the Docker Desktop installer records itself (the Add/Remove Programs entry, machine-wide or per user). */
export const DOCKER_UNINSTALL_KEYS = [
  'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Docker Desktop',
  'HKCU\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Docker Desktop',
];
export const DOCKER_DESKTOP_EXE = 'Docker Desktop.exe';

const text = (r: { stdout: Uint8Array; stderr: Uint8Array }) =>
  `${decodeWindowsOutput(r.stdout)}\n${decodeWindowsOutput(r.stderr)}`.trim();

/** The installed Docker Desktop.exe: the registered InstallLocation first, then the default Program Files folder. */
export async function findDockerDesktopExe(host: HostContext): Promise<string | null> {
  for (const key of DOCKER_UNINSTALL_KEYS) {
    const r = await host.run('reg', ['query', key, '/v', 'InstallLocation']);
    const values = parseRegQuery(text(r));
    const location = values.ok ? regValue(values.value, 'InstallLocation') : undefined;
    if (location) {
      const exe = join(location, DOCKER_DESKTOP_EXE);
      if (await host.exists(exe)) return exe;
    }
  }
  const fallback = join(host.env.ProgramFiles ?? 'C:\\Program Files', 'Docker', 'Docker', DOCKER_DESKTOP_EXE);
  return (await host.exists(fallback)) ? fallback : null;
}

export interface StartDockerOptions {
  /** Whether the engine answers now (readDockerFacts on the app's endpoint). */
  engineUp(): Promise<boolean>;
  progress(current: number, total: number, message: string): void;
  /** Docker Desktop takes 20–90 s to bring its VM up; past this the user is told to look at its window. */
  timeoutMs?: number;
  intervalMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface StartDockerResult {
  exe: string;
  engine: 'running' | 'timeout';
  waitedMs: number;
}

/** Launches Docker Desktop (unless its engine already answers) and waits for the engine, reporting each poll. */
export async function startDockerDesktop(host: HostContext, opts: StartDockerOptions): Promise<StartDockerResult> {
  const timeoutMs = opts.timeoutMs ?? 180_000;
  const intervalMs = opts.intervalMs ?? 3_000;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const exe = await findDockerDesktopExe(host);
  if (!exe)
    throw new UpsFailure({
      code: 'NOT_FOUND',
      message: 'Docker Desktop is not installed (no Docker Desktop.exe in its registered folder or Program Files).',
      fix: 'Install Docker Desktop: winget install -e --id Docker.DockerDesktop',
    });
  const polls = Math.max(1, Math.ceil(timeoutMs / intervalMs));
  if (await opts.engineUp()) {
    opts.progress(polls, polls, 'Docker Desktop is already running.');
    return { exe, engine: 'running', waitedMs: 0 };
  }
  opts.progress(0, polls, `Starting ${exe}…`);
  const launched = await host.launch(exe, []);
  if (launched.error)
    throw new UpsFailure({
      code: 'INTERNAL',
      message: `Docker Desktop could not be started (${exe}): ${launched.error}.`,
      fix: 'Start Docker Desktop from the Start menu.',
    });
  for (let i = 1; i <= polls; i++) {
    await sleep(intervalMs);
    if (await opts.engineUp()) {
      opts.progress(polls, polls, 'Docker Desktop’s engine is running.');
      return { exe, engine: 'running', waitedMs: i * intervalMs };
    }
    opts.progress(i, polls, `Waiting for Docker Desktop’s engine (${Math.round((i * intervalMs) / 1000)} s)…`);
  }
  return { exe, engine: 'timeout', waitedMs: polls * intervalMs };
}

export interface WslMemoryResult {
  file: string;
  line: string;
  previous: string | null;
  backup: string | null;
}

/** `%UserProfile%\.wslconfig`, where WSL 2 reads its VM settings. */
export function wslConfigPath(host: HostContext): string {
  const profile = host.env.USERPROFILE;
  if (!profile)
    throw new UpsFailure({
      code: 'INTERNAL',
      message: 'USERPROFILE is not set, so the .wslconfig file cannot be found.',
      fix: 'Run the app as a normal Windows user.',
    });
  return join(profile, '.wslconfig');
}

/** Writes `memory=<n>GB` under [wsl2], keeping every other line; the old file is kept as a backup. */
export async function setWslMemory(host: HostContext, memoryGb: number): Promise<WslMemoryResult> {
  const file = wslConfigPath(host);
  const before = (await host.readText(file)) ?? '';
  const value = `${memoryGb}GB`;
  const edit = withWslMemory(before, value);
  const { backup } = await host.writeText(file, edit.text);
  return { file, line: `memory=${value}`, previous: edit.previous, backup };
}

/** `wsl --shutdown`: stops every running distribution and the WSL 2 VM (Docker Desktop's engine with it). */
export async function shutdownWsl(host: HostContext): Promise<void> {
  const r = await host.run('wsl.exe', ['--shutdown'], { WSL_UTF8: '1' });
  if (r.error || r.exitCode !== 0)
    throw new UpsFailure({
      code: 'INTERNAL',
      message: `wsl --shutdown failed: ${r.error ?? (text(r) || `exit code ${r.exitCode}`)}.`,
      fix: 'Run `wsl --shutdown` in a terminal.',
    });
}

export interface AutoStartResult {
  file: string;
  key: string;
  backup: string | null;
}

/** Turns on "Start Docker Desktop when you sign in" in Docker Desktop's own settings file. */
export async function enableDockerAutoStart(host: HostContext): Promise<AutoStartResult> {
  const dir = join(host.env.APPDATA ?? join(host.env.USERPROFILE ?? '', 'AppData', 'Roaming'), 'Docker');
  for (const name of [SETTINGS_STORE_FILE, LEGACY_SETTINGS_FILE]) {
    const file = join(dir, name);
    const before = await host.readText(file);
    if (before === null) continue;
    const edit = withAutoStart(before, name);
    if ('error' in edit)
      throw new UpsFailure({
        code: 'BAD_INPUT',
        message: `Docker Desktop's settings file (${file}) is ${edit.error}.`,
        field: file,
        fix: 'Open Docker Desktop → Settings → General and tick "Start Docker Desktop when you sign in".',
      });
    const { backup } = await host.writeText(file, edit.text);
    return { file, key: edit.key, backup };
  }
  throw new UpsFailure({
    code: 'NOT_FOUND',
    message: `Docker Desktop has no settings file yet (${join(dir, SETTINGS_STORE_FILE)}).`,
    fix: 'Start Docker Desktop once, then run this again.',
  });
}
