// A Windows machine replayed from recorded outputs (tests/fixtures/windows): commands answer with the recorded bytes,
// files live in a map (a fake file system that also takes writes, keeping backups like the real host), launches are
// recorded. Windows cannot run here; this is the host the Windows probes, fixes and `ups doctor` tests run on.
import { estimateNeeds } from '../stack-needs';
import type { CommandResult, HostContext, PortState } from '../host-context';
import { fixtureBytes } from './fixtures.test-helper';

const GiB = 1024 ** 3;

export interface Replay {
  status?: string | null;
  version?: string | null;
  list?: string | null;
  netsh?: string | null;
  /** `reg query <key> …` answers by key suffix (HKLM… or HKCU…): a fixture path; missing → the recorded error. */
  reg?: Record<string, string>;
  /** `wsl --shutdown`: its exit code (0 by default). */
  shutdownExit?: number;
  /** Files by the end of their path (`.wslconfig`, `settings-store.json`, `Docker Desktop.exe`). */
  files?: Record<string, string>;
  totalMem?: number;
  busy?: number[];
  release?: string;
}

export interface ReplayHost extends HostContext {
  files: Map<string, string>;
  launched: string[];
  commands: string[][];
}

const out = (path: string | null, exitCode = 0): CommandResult =>
  path
    ? { exitCode, stdout: fixtureBytes(path), stderr: new Uint8Array() }
    : { exitCode: 1, stdout: new Uint8Array(), stderr: new Uint8Array(), error: 'spawn ENOENT' };

export const replayEnv = {
  USERPROFILE: 'C:\\Users\\me',
  APPDATA: 'C:\\Users\\me\\AppData\\Roaming',
  ProgramFiles: 'C:\\Program Files',
};

export function replayHost(r: Replay): ReplayHost {
  // Keys are path suffixes until written; a write stores the full path it was given.
  const files = new Map(Object.entries(r.files ?? {}));
  const find = (path: string) => [...files.keys()].find((k) => path === k || path.endsWith(k));
  const launched: string[] = [];
  const commands: string[][] = [];
  return {
    files,
    launched,
    commands,
    async run(file, args) {
      commands.push([file, ...args]);
      if (file === 'netsh') return out(r.netsh ?? null);
      if (file === 'reg') {
        const hit = Object.entries(r.reg ?? {}).find(([k]) => (args[1] ?? '').startsWith(k));
        if (hit) return out(hit[1]);
        const e = out('reg-query/en-error-not-found.txt', 1);
        return { ...e, stdout: new Uint8Array(), stderr: e.stdout };
      }
      if (args[0] === '--shutdown')
        return { exitCode: r.shutdownExit ?? 0, stdout: new Uint8Array(), stderr: new Uint8Array() };
      const key = args[0] === '--status' ? 'status' : args[0] === '--version' ? 'version' : 'list';
      return out(r[key] ?? null);
    },
    readText: async (path) => {
      const k = find(path);
      return k === undefined ? null : (files.get(k) ?? null);
    },
    async writeText(path, text) {
      const k = find(path);
      let backup: string | null = null;
      if (k !== undefined) {
        backup = `${path}.ups-backup-test`;
        files.set(backup, files.get(k) ?? '');
        files.delete(k);
      }
      files.set(path, text);
      return { backup };
    },
    async launch(file) {
      launched.push(file);
      return {};
    },
    exists: async (path) => find(path) !== undefined,
    statfs: async () => ({ freeBytes: 100 * GiB, type: 0 }),
    portState: async (p): Promise<PortState> => (r.busy?.includes(p) ? 'in-use' : 'free'),
    env: { ...replayEnv },
    totalMemBytes: r.totalMem ?? 16 * GiB,
    osRelease: r.release ?? '10.0.22631',
    osVersion: 'Windows 10 Pro',
    dataPath: async () => ({ path: 'D:\\Media', source: 'stack' }),
    needs: estimateNeeds(),
  };
}
