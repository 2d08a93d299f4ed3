// `ups doctor --json` on recorded Windows states (tests/fixtures/windows, replayed through the host context, since
// Windows cannot run here): the four host problems each come with their fix action, and `ups host …` performs them
// on the replayed machine through the same App service calls the app's buttons make.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program';
import { createAppService } from '../../src/core/app/app-service';
import {
  defaultPorts,
  EnvCheckSchema,
  envelopeSchema,
  StackConfigSchema,
  type CheckResult,
  type EnvCheck,
  type FixAction,
} from '../../src/core/contract';
import { serializeStackConfig } from '../../src/core/install/stack-file';
import { createDockerEndpoint } from '../../src/core/engine/docker-endpoint';
import { createHostContext } from '../../src/core/probes/host-context';
import { sampleConfigInput } from '../../src/core/stack/sample-config';
import { fixtureText } from '../../src/core/probes/windows/fixtures.test-helper';
import { replayHost, type Replay, type ReplayHost } from '../../src/core/probes/windows/replay-host.test-helper';
import { estimateNeeds } from '../../src/core/probes/stack-needs';
import { testAppDeps } from '../helpers/test-app';

/** A PC with Docker Desktop installed but stopped, not starting at sign-in, no WSL memory limit, and port 80 taken
 *  by a Hyper-V exclusion (a GitHub Actions runner's real table). */
const troubled: Replay = {
  status: 'wsl-status/en-debian-v2.bin',
  version: 'wsl-version/en-1.1.2.bin',
  list: 'wsl-list-verbose/en-no-default-marker.bin',
  netsh: 'netsh-excludedportrange/en-ci-runner.txt',
  files: {
    'Docker Desktop.exe': '',
    'settings.json': fixtureText('docker-settings/settings-4.9.0.json'),
    '.wslconfig': '# mine\r\n[wsl2]\r\nprocessors=4\r\n',
  },
};

function machine(
  r: Replay,
  platform: NodeJS.Platform = 'win32',
  installRoot: string | null = null,
): { host: ReplayHost; ups: typeof ups } {
  // Before install: the services a user picked in setup, the reverse proxy among them (it publishes 80). After
  // install: the installed stack.yml's own ports, read by the real host context.
  const real = createHostContext({}, { installRoot: async () => installRoot });
  const host = {
    ...replayHost(r),
    needs: estimateNeeds(['vpn', 'plex', 'qbittorrent', 'prowlarr', 'radarr', 'sonarr', 'proxy']),
    stackPorts: real.stackPorts,
  } as ReplayHost;
  // The recorded machine's Docker Desktop is stopped: its engine must not answer, whatever engine runs the suite.
  const endpoint = createDockerEndpoint({ DOCKER_HOST: `unix://${join(tmpdir(), 'ups-doctor-win-no-engine.sock')}` });
  const app = createAppService(testAppDeps({ platform, host, endpoint, project: 'ups-t-doctor-win' }));
  async function ups(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, {
      version: 'test',
      app: () => app,
      serve: async () => 0,
      io: { out: (s) => out.push(s), err: (s) => err.push(s) },
    });
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  }
  return { host, ups };
}

const check = (v: EnvCheck, id: string): CheckResult => {
  const c = v.checks.find((x) => x.id === id);
  if (!c) throw new Error(`check ${id} missing from ${v.checks.map((x) => x.id).join(', ')}`);
  return c;
};
const actions = (c: CheckResult): FixAction[] => c.fixes.flatMap((f) => (f.kind === 'action' ? [f.action] : []));

describe('ups doctor --json on a recorded Windows machine', () => {
  it('offers the four host fixes as actions where it finds the problems', async () => {
    const { ups } = machine(troubled);
    const r = await ups('doctor', '--json');
    const env = envelopeSchema(EnvCheckSchema).parse(JSON.parse(r.stdout));
    if (!env.ok) throw new Error(env.error.message);
    const v = env.value;
    expect(check(v, 'docker-desktop.wsl2')).toMatchObject({
      state: 'fail',
      detail: expect.stringContaining('Stopped'),
    });
    expect(actions(check(v, 'docker-desktop.wsl2'))).toEqual([
      { action: 'docker.desktop.start', input: {}, label: 'Start Docker Desktop' },
    ]);
    expect(check(v, 'docker-desktop.autostart').state).toBe('warn');
    expect(actions(check(v, 'docker-desktop.autostart'))).toEqual([
      { action: 'docker.desktop.autostart', input: {}, label: 'Start Docker Desktop when I sign in' },
    ]);
    const memory = check(v, 'wsl.memory');
    expect(memory).toMatchObject({ state: 'warn', detail: expect.stringContaining('No memory limit is set') });
    expect(actions(memory).map((a) => a.action)).toEqual(['wsl.memory.set', 'wsl.shutdown']);
    expect(memory.fixes[1]?.text).toContain('stops every running WSL distribution');
    const ports = check(v, 'host.ports');
    expect(ports).toMatchObject({ state: 'fail', detail: expect.stringContaining('80 is reserved by Windows') });
    expect(actions(ports)).toEqual([
      { action: 'stack.port.move', input: { port: 'proxyHttp', to: 79 }, label: 'Use port 79 for proxyHttp' },
    ]);
    expect(r.code).toBe(1);
  });

  it('the text table prints each fix as the exact `ups host …` command', async () => {
    const { ups } = machine(troubled);
    const r = await ups('doctor');
    for (const line of [
      '$ ups host start-docker',
      '$ ups host docker-autostart',
      '$ ups host wsl-memory ',
      '$ ups host wsl-shutdown',
      '$ ups host move-port proxyHttp 79',
    ])
      expect(r.stdout).toContain(line);
  });

  it('`ups host wsl-memory` and `ups host docker-autostart` change the replayed files, keeping the rest and a backup', async () => {
    const { host, ups } = machine(troubled);
    const mem = await ups('host', 'wsl-memory', '6', '--json');
    expect(mem.code).toBe(0);
    const memOut = JSON.parse(mem.stdout) as {
      ok: true;
      value: { file: string; backup: string; shutdownNeeded: boolean };
    };
    expect(memOut.value.shutdownNeeded).toBe(true);
    expect(host.files.get(memOut.value.file)).toBe('# mine\r\n[wsl2]\r\nprocessors=4\r\nmemory=6GB\r\n');
    expect(host.files.get(memOut.value.backup)).toBe('# mine\r\n[wsl2]\r\nprocessors=4\r\n');
    const auto = await ups('host', 'docker-autostart');
    expect(auto.code).toBe(0);
    expect(auto.stdout).toMatch(
      /^Set autoStart=true in .*settings\.json \(previous copy: .+\)\. Docker Desktop now starts when you sign in/,
    );
    // The checks now pass where the fix applied.
    const again = JSON.parse((await ups('doctor', '--json')).stdout) as { ok: true; value: EnvCheck };
    expect(check(again.value, 'docker-desktop.autostart').state).toBe('ok');
    expect(check(again.value, 'wsl.memory').detail).toContain('set in .wslconfig');
  });

  it('an installed stack: its own ports are checked, and a port moved out of the range passes', async () => {
    const install = (radarr: number) => {
      const root = mkdtempSync(join(tmpdir(), 'ups-t-doctor-win-'));
      const cfg = StackConfigSchema.parse(
        sampleConfigInput({ installRoot: root, dataRoot: join(root, 'media'), ports: { ...defaultPorts, radarr } }),
      );
      writeFileSync(join(root, 'stack.yml'), serializeStackConfig(cfg));
      return root;
    };
    // 5986 is inside the runner's excluded range 5986-5986 (WinRM over HTTPS).
    const before = machine(troubled, 'win32', install(5986));
    const v1 = (JSON.parse((await before.ups('doctor', '--json')).stdout) as { value: EnvCheck }).value;
    expect(check(v1, 'host.ports').detail).toContain('5986 is reserved by Windows (excluded range 5986-5986)');
    expect(actions(check(v1, 'host.ports'))).toEqual([
      { action: 'stack.port.move', input: { port: 'radarr', to: 5987 }, label: 'Use port 5987 for radarr' },
    ]);
    const after = machine(troubled, 'win32', install(5987));
    const v2 = (JSON.parse((await after.ups('doctor', '--json')).stdout) as { value: EnvCheck }).value;
    expect(check(v2, 'host.ports')).toMatchObject({ state: 'ok', detail: expect.stringContaining('5987') });
  });

  it('off Windows the host fixes refuse plainly instead of running Windows commands', async () => {
    const { host, ups } = machine(troubled, 'linux');
    const r = await ups('host', 'wsl-shutdown');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('This fix is for Windows');
    expect(host.commands).toEqual([]);
  });
});
