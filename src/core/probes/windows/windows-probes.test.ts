// The Windows probes end to end on a replay host: commands answer with recorded real outputs (see
// tests/fixtures/windows/README.md), because Windows itself cannot run here.
import { describe, expect, it } from 'vitest';
import type { DockerFacts } from '../../contract';
import type { HostContext } from '../host-context';
import { runProbe, type ProbeContext } from '../probe';
import { composeProbe } from '../compose-probe';
import { dockerEngineProbe } from '../docker-engine-probe';
import { runEnvCheck } from '../env-check';
import { estimateNeeds } from '../stack-needs';
import { portsProbe } from '../ports-probe';
import { replayHost, type Replay } from './replay-host.test-helper';
import { fixtureText } from './fixtures.test-helper';
import {
  dockerAutoStartProbe,
  dockerDesktopProbe,
  virtualizationProbe,
  windowsProbes,
  windowsVersionProbe,
  wslDefaultVersionProbe,
  wslInstalledProbe,
  wslMemoryProbe,
} from './windows-probes';

const GiB = 1024 ** 3;

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
    'settings-store.json': '{"WslEngineEnabled": true, "AutoStart": true}',
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
      ['docker-desktop.autostart', 'ok'],
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
    expect(stopped.fixes).toEqual([
      expect.objectContaining({ kind: 'action', action: expect.objectContaining({ action: 'docker.desktop.start' }) }),
    ]);
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
    // What the selected services need, rounded up to whole GB (16 GB here leaves Windows plenty).
    const gb = Math.ceil(estimateNeeds().memoryBytes / GiB);
    expect(low.fixes.map((f) => (f.kind === 'action' ? f.action : null))).toEqual([
      { action: 'wsl.memory.set', input: { memoryGb: gb }, label: `Set the WSL memory limit to ${gb} GB` },
      { action: 'wsl.shutdown', input: {}, label: 'Restart WSL now' },
    ]);
    expect(low.fixes[1]?.text).toContain('stops every running WSL distribution');
    const unset = await runProbe(
      wslMemoryProbe,
      ctx(replayHost({ ...healthy, files: { ...healthy.files, '.wslconfig': '[wsl2]\nswap=0\n' } })),
    );
    expect(unset).toMatchObject({ state: 'warn', detail: expect.stringContaining('No memory limit is set') });
    expect(unset.fixes.map((f) => f.kind === 'action' && f.action.action)).toEqual(['wsl.memory.set', 'wsl.shutdown']);
    const missingFile = await runProbe(wslMemoryProbe, ctx(replayHost({ ...healthy, files: {} })));
    expect(missingFile.fixes[0]).toMatchObject({ kind: 'action', action: { action: 'wsl.memory.set' } });
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
    // 80 is excluded (80-80), 81 is NPM's admin port: the nearest free one is 79.
    expect(reserved.fixes.find((f) => f.kind === 'action')).toMatchObject({
      action: { action: 'stack.port.move', input: { port: 'proxyHttp', to: 79 }, label: 'Use port 79 for proxyHttp' },
      text: expect.stringContaining('Use port 79 instead'),
    });
  });

  it('ports of an installed stack: its own ports are checked, so a moved port passes where it went', async () => {
    const installed = (proxyHttp: number) => ({
      ...replayHost({ ...healthy, netsh: 'netsh-excludedportrange/en-ci-runner.txt' }),
      stackPorts: async () => [
        { name: 'plex' as const, port: 32400 },
        { name: 'proxyHttp' as const, port: proxyHttp },
        { name: 'proxyAdmin' as const, port: 81 },
      ],
    });
    const before = await runProbe(portsProbe, ctx(installed(80)));
    expect(before.state).toBe('fail');
    expect(before.fixes.find((f) => f.kind === 'action')).toMatchObject({
      action: { action: 'stack.port.move', input: { port: 'proxyHttp', to: 79 } },
    });
    const after = await runProbe(portsProbe, ctx(installed(79)));
    expect(after).toMatchObject({ state: 'ok', detail: 'All 3 ports are free: 32400, 79, 81.' });
  });

  it('Docker Desktop not starting at sign-in warns with the setting as an action; unknown or on passes', async () => {
    const off = await runProbe(
      dockerAutoStartProbe,
      ctx(replayHost({ ...healthy, files: { 'settings.json': fixtureText('docker-settings/settings-4.9.0.json') } })),
    );
    expect(off.state).toBe('warn');
    expect(off.fixes[0]).toMatchObject({
      kind: 'action',
      text: expect.stringContaining('comes back as soon as you sign in'),
      action: { action: 'docker.desktop.autostart' },
    });
    const unset = await runProbe(
      dockerAutoStartProbe,
      ctx(replayHost({ ...healthy, files: { 'settings-store.json': '{"WslEngineEnabled": true}' } })),
    );
    expect(unset.state).toBe('warn');
    expect((await runProbe(dockerAutoStartProbe, ctx(replayHost({ ...healthy, files: {} })))).state).toBe('ok');
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
      'docker-desktop.autostart',
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
