// The Windows probes end to end on a replay host: commands answer with recorded real outputs (see
// tests/fixtures/windows/README.md), because Windows itself cannot run here.
import { describe, expect, it } from 'vitest';
import type { DockerFacts } from '../../contract';
import type { CommandResult, HostContext, PortState } from '../host-context';
import { runProbe, type ProbeContext } from '../probe';
import { composeProbe } from '../compose-probe';
import { dockerEngineProbe } from '../docker-engine-probe';
import { runEnvCheck } from '../env-check';
import { estimateNeeds } from '../stack-needs';
import { portsProbe } from '../ports-probe';
import { fixtureBytes } from './fixtures.test-helper';
import {
  dockerDesktopProbe,
  virtualizationProbe,
  windowsProbes,
  windowsVersionProbe,
  wslDefaultVersionProbe,
  wslInstalledProbe,
  wslMemoryProbe,
} from './windows-probes';

const GiB = 1024 ** 3;
const out = (path: string | null): CommandResult =>
  path
    ? { exitCode: 0, stdout: fixtureBytes(path), stderr: new Uint8Array() }
    : { exitCode: 1, stdout: new Uint8Array(), stderr: new Uint8Array(), error: 'spawn ENOENT' };

interface Replay {
  status?: string | null;
  version?: string | null;
  list?: string | null;
  netsh?: string | null;
  files?: Record<string, string>;
  totalMem?: number;
  busy?: number[];
  release?: string;
}

function replayHost(r: Replay): HostContext {
  const files = r.files ?? {};
  return {
    async run(file, args) {
      const key =
        file === 'netsh' ? 'netsh' : args[0] === '--status' ? 'status' : args[0] === '--version' ? 'version' : 'list';
      return out(r[key as 'status'] ?? null);
    },
    readText: async (path) => Object.entries(files).find(([k]) => path.endsWith(k))?.[1] ?? null,
    exists: async (path) => Object.keys(files).some((k) => path.endsWith(k)),
    statfs: async () => ({ freeBytes: 100 * GiB, type: 0 }),
    portState: async (p): Promise<PortState> => (r.busy?.includes(p) ? 'in-use' : 'free'),
    env: {
      USERPROFILE: 'C:\\Users\\me',
      APPDATA: 'C:\\Users\\me\\AppData\\Roaming',
      ProgramFiles: 'C:\\Program Files',
    },
    totalMemBytes: r.totalMem ?? 16 * GiB,
    osRelease: r.release ?? '10.0.22631',
    osVersion: 'Windows 10 Pro',
    dataPath: async () => ({ path: 'D:\\Media', source: 'stack' }),
    needs: estimateNeeds(),
  };
}

function ctx(host: HostContext, platform: NodeJS.Platform = 'win32', docker: Partial<DockerFacts> = {}): ProbeContext {
  return {
    platform,
    host,
    docker: async () => ({ reachable: false, endpoint: 'npipe:////./pipe/docker_engine', ...docker }),
    compose: async () => ({ available: false }),
    vault: async () => ({ usable: true, backend: 'Windows Credential Manager' }),
  };
}

const healthy: Replay = {
  status: 'wsl-status/en-debian-v2.bin',
  version: 'wsl-version/de-1.0.3.bin',
  list: 'wsl-list-verbose/en-docker-running.bin',
  netsh: 'netsh-excludedportrange/en-administered.txt',
  files: {
    'Docker Desktop.exe': '',
    'settings-store.json': '{"WslEngineEnabled": true}',
    '.wslconfig': '[wsl2]\r\nmemory=8GB\r\n',
  },
};

describe('Windows probes on recorded outputs', () => {
  it('a healthy machine passes every Windows check', async () => {
    const c = ctx(replayHost(healthy));
    const results = await Promise.all(windowsProbes.map((p) => runProbe(p, c)));
    expect(results.map((r) => [r.id, r.state])).toEqual([
      ['windows.version', 'ok'],
      ['windows.virtualization', 'ok'],
      ['wsl.installed', 'ok'],
      ['wsl.default-version', 'ok'],
      ['docker-desktop.wsl2', 'ok'],
      ['wsl.memory', 'ok'],
    ]);
    expect(results.find((r) => r.id === 'wsl.installed')?.detail).toContain('1.0.3.0');
  });

  it('the old inbox WSL fails with the install command; a WSL 1 default warns with the exact fix', async () => {
    const old = ctx(
      replayHost({
        ...healthy,
        status: 'wsl-status/de-error-invalid-option.bin',
        version: 'wsl-version/en-error-invalid-option.bin',
        list: 'wsl-list-verbose/zh-error-old-inbox-wsl.bin',
      }),
    );
    const r = await runProbe(wslInstalledProbe, old);
    expect(r.state).toBe('fail');
    expect(r.fixes[0]).toMatchObject({ kind: 'steps', command: 'wsl --install --no-distribution' });
    const v1 = await runProbe(
      wslDefaultVersionProbe,
      ctx(replayHost({ ...healthy, status: 'wsl-status/en-default-v1-no-distro.bin' })),
    );
    expect(v1.state).toBe('warn');
    expect(v1.fixes[0]).toMatchObject({ command: 'wsl --set-default-version 2' });
  });

  it('a missing hypervisor (HCS_E_HYPERV_NOT_INSTALLED) fails virtualization with the BIOS steps', async () => {
    const r = await runProbe(
      virtualizationProbe,
      ctx(
        replayHost({
          ...healthy,
          status: 'wsl-errors/en-hcs-not-installed.bin',
          list: 'wsl-errors/en-hcs-not-installed.bin',
        }),
      ),
    );
    expect(r.state).toBe('fail');
    expect(r.detail).toContain('HCS_E_HYPERV_NOT_INSTALLED');
    expect(r.fixes.map((f) => (f.kind === 'steps' ? f.command : ''))).toContain(
      'bcdedit /set hypervisorlaunchtype auto',
    );
  });

  it('Docker Desktop: missing, Hyper-V engine, stopped distro, and engine-only evidence', async () => {
    const missing = await runProbe(dockerDesktopProbe, ctx(replayHost({ ...healthy, files: {} })));
    expect(missing).toMatchObject({ state: 'fail', detail: 'Docker Desktop is not installed.' });
    const hyperv = await runProbe(
      dockerDesktopProbe,
      ctx(
        replayHost({ ...healthy, files: { 'Docker Desktop.exe': '', 'settings.json': '{"wslEngineEnabled": false}' } }),
      ),
    );
    expect(hyperv.state).toBe('fail');
    expect(hyperv.detail).toContain('Hyper-V');
    const stopped = await runProbe(
      dockerDesktopProbe,
      ctx(replayHost({ ...healthy, list: 'wsl-list-verbose/en-no-default-marker.bin' })),
    );
    expect(stopped.state).toBe('fail');
    expect(stopped.detail).toContain('Stopped');
    const viaEngine = await runProbe(
      dockerDesktopProbe,
      ctx(replayHost({ ...healthy, list: 'wsl-list-verbose/en-no-default-marker.bin' }), 'win32', { reachable: true }),
    );
    expect(viaEngine.state).toBe('ok');
  });

  it('memory: the .wslconfig limit or half the RAM, against the estimate', async () => {
    const low = await runProbe(
      wslMemoryProbe,
      ctx(replayHost({ ...healthy, files: { ...healthy.files, '.wslconfig': '[wsl2]\nmemory=2GB\n' } })),
    );
    expect(low.state).toBe('warn');
    expect(low.fixes[0]).toMatchObject({ command: expect.stringMatching(/^memory=\d+GB$/) });
    const tiny = await runProbe(wslMemoryProbe, ctx(replayHost({ ...healthy, files: {}, totalMem: 4 * GiB })));
    expect(tiny.state).toBe('fail');
  });

  it('ports: an excluded range fails even when nothing listens, and a busy port is named', async () => {
    const zh = await runProbe(
      portsProbe,
      ctx(replayHost({ ...healthy, netsh: 'netsh-excludedportrange/zh-administered.txt' })),
    );
    expect(zh.state).toBe('ok');
    const withProxy = {
      ...replayHost({ ...healthy, netsh: 'netsh-excludedportrange/en-ci-runner.txt', busy: [9696] }),
      needs: estimateNeeds(['vpn', 'prowlarr', 'proxy']),
    };
    const reserved = await runProbe(portsProbe, ctx(withProxy));
    expect(reserved.state).toBe('fail');
    expect(reserved.detail).toContain('80 is reserved by Windows (excluded range 80-80)');
    expect(reserved.detail).toContain('9696 is in use');
    expect(reserved.detail).not.toContain('443');
    expect(reserved.fixes.map((f) => (f.kind === 'steps' ? f.command : undefined))).toContain(
      'net stop winnat && net start winnat',
    );
  });

  it('an old Windows build fails, and every Windows probe is not applicable on Linux', async () => {
    expect((await runProbe(windowsVersionProbe, ctx(replayHost({ ...healthy, release: '10.0.18363' })))).state).toBe(
      'fail',
    );
    for (const p of windowsProbes)
      expect((await runProbe(p, ctx(replayHost(healthy), 'linux'))).state).toBe('not-applicable');
  });
});

describe('checks in root-cause order (Windows → virtualization → WSL → Docker Desktop → engine)', () => {
  const probes = [...windowsProbes, dockerEngineProbe, composeProbe];
  const noDesktop = { ...healthy, list: 'wsl-list-verbose/en-error-no-distros.bin', files: {} };

  it('Docker Desktop not installed: its install step is the first failure, the engine and Compose wait for it', async () => {
    const r = await runEnvCheck(ctx(replayHost(noDesktop)), probes);
    expect(r.checks.map((c) => c.id)).toEqual([
      'windows.version',
      'windows.virtualization',
      'wsl.installed',
      'wsl.default-version',
      'docker-desktop.wsl2',
      'wsl.memory',
      'docker.engine',
      'docker.compose',
    ]);
    const byId = Object.fromEntries(r.checks.map((c) => [c.id, c]));
    expect(byId['docker-desktop.wsl2']).toMatchObject({ state: 'fail', detail: 'Docker Desktop is not installed.' });
    expect(byId['docker-desktop.wsl2']?.fixes[0]).toMatchObject({
      command: 'winget install -e --id Docker.DockerDesktop',
      link: { url: 'https://docs.docker.com/desktop/setup/install/windows-install/' },
    });
    expect(byId['docker.engine']).toMatchObject({ state: 'waiting', waitingOn: 'docker-desktop.wsl2', fixes: [] });
    expect(byId['docker.compose']).toMatchObject({ state: 'waiting', waitingOn: 'docker-desktop.wsl2' });
    expect(r.overall).toBe('fail');
    // Nothing before Docker Desktop's own check tells the user to start it.
    const before = r.checks.slice(
      0,
      r.checks.findIndex((c) => c.id === 'docker-desktop.wsl2'),
    );
    expect(JSON.stringify(before)).not.toMatch(/Start Docker Desktop/);
  });

  it('an old WSL makes everything that needs WSL wait, and a waiting check makes its own dependants wait', async () => {
    const oldWsl = {
      ...noDesktop,
      status: 'wsl-status/de-error-invalid-option.bin',
      version: 'wsl-version/en-error-invalid-option.bin',
      list: 'wsl-list-verbose/zh-error-old-inbox-wsl.bin',
    };
    const r = await runEnvCheck(ctx(replayHost(oldWsl)), probes);
    const states = Object.fromEntries(r.checks.map((c) => [c.id, [c.state, c.waitingOn]]));
    expect(states['wsl.installed']).toEqual(['fail', undefined]);
    expect(states['wsl.default-version']).toEqual(['waiting', 'wsl.installed']);
    expect(states['docker-desktop.wsl2']).toEqual(['waiting', 'wsl.installed']);
    expect(states['docker.engine']).toEqual(['waiting', 'docker-desktop.wsl2']);
  });

  it('every manual Windows step carries an https link to download or read on', async () => {
    const r = await runEnvCheck(ctx(replayHost({ ...noDesktop, release: '10.0.18363' })), [windowsVersionProbe]);
    for (const f of r.checks.flatMap((c) => c.fixes))
      expect(f).toMatchObject({ link: { url: expect.stringMatching(/^https:\/\//) } });
  });

  it('on Linux nothing waits for the Windows checks (not applicable never blocks)', async () => {
    const r = await runEnvCheck(ctx(replayHost(healthy), 'linux', { reachable: true, osType: 'linux' }), probes);
    expect(r.checks.find((c) => c.id === 'docker.engine')?.state).toBe('ok');
  });
});
