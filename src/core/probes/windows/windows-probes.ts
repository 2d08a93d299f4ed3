// The Windows checks as data (docs/decisions.md D11): each reads the facts gathered once and returns state, detail and fixes.
// On any other platform they report "not applicable".
import type { Fix } from '../../contract';
import { fixAction } from '../../contract/fix-action';
import { hostOf, type Probe, type ProbeOutcome } from '../probe';
import { formatBytes } from '../stack-needs';
import { noDistributions } from './wsl-list';
import { MIN_DOCKER_DESKTOP_BUILD, MIN_WSL2_BUILD, parseWindowsRelease } from './windows-release';
import { windowsFacts } from './windows-facts';
import { effectiveWslMemory } from './wslconfig';

const onWindows = (p: NodeJS.Platform) => p === 'win32';
const ok = (detail: string): ProbeOutcome => ({ state: 'ok', detail, fixes: [] });
// Vendor pages behind every manual step, so the user can download or read on without searching (https only).
const wslGuide = { label: 'Microsoft’s WSL install guide', url: 'https://learn.microsoft.com/windows/wsl/install' };
const updateWsl = {
  kind: 'steps' as const,
  text: 'Install or update WSL from an administrator terminal, then restart Windows.',
  command: 'wsl --install --no-distribution',
  link: wslGuide,
};

const windowsDownload = {
  label: 'Get the latest Windows',
  url: 'https://www.microsoft.com/software-download/windows11',
};

export const windowsVersionProbe: Probe = {
  id: 'windows.version',
  title: 'Windows version',
  applies: onWindows,
  async check(ctx) {
    const host = hostOf(ctx);
    const r = parseWindowsRelease(host.osRelease, host.osVersion);
    if (!r.ok)
      return {
        state: 'fail',
        detail: r.detail,
        fixes: [{ kind: 'steps', text: 'Docker Desktop needs Windows 10 22H2 or Windows 11.', link: windowsDownload }],
      };
    const { build, name, editionText } = r.value;
    const what = `${name} ${editionText} (build ${build})`;
    const upgrade = {
      kind: 'steps' as const,
      text: 'Open Settings → Windows Update and install the latest feature update, then restart.',
      link: windowsDownload,
    };
    if (build < MIN_WSL2_BUILD)
      return {
        state: 'fail',
        detail: `${what} cannot run WSL 2 (needs build ${MIN_WSL2_BUILD} or later).`,
        fixes: [upgrade],
      };
    if (build < MIN_DOCKER_DESKTOP_BUILD)
      return {
        state: 'warn',
        detail: `${what} runs WSL 2, but current Docker Desktop supports build ${MIN_DOCKER_DESKTOP_BUILD} (22H2) and later.`,
        fixes: [upgrade],
      };
    return ok(`${what}.`);
  },
};

export const virtualizationProbe: Probe = {
  id: 'windows.virtualization',
  title: 'Virtualization enabled',
  applies: onWindows,
  after: ['windows.version'],
  async check(ctx) {
    const f = await windowsFacts(hostOf(ctx));
    // WSL reports a missing hypervisor by code on every locale; 0x80370102 is the same failure from older builds.
    const blocked = f.codes.find((c) => /HCS_E_HYPERV_NOT_INSTALLED|0x80370102|0x80370114/i.test(c));
    if (blocked) {
      return {
        state: 'fail',
        detail: `WSL 2 cannot start a virtual machine (${blocked}).`,
        fixes: [
          {
            kind: 'steps',
            text: 'Turn on the "Virtual Machine Platform" Windows feature from an administrator terminal, then restart.',
            command: 'wsl.exe --install --no-distribution',
            link: wslGuide,
          },
          {
            kind: 'steps',
            text: 'If it still fails: enable Intel VT-x / AMD SVM ("Virtualization Technology") in the BIOS/UEFI setup, then make sure the hypervisor starts.',
            command: 'bcdedit /set hypervisorlaunchtype auto',
            link: {
              label: 'Microsoft’s WSL troubleshooting guide',
              url: 'https://learn.microsoft.com/windows/wsl/troubleshooting',
            },
          },
        ],
      };
    }
    if (f.distros.ok && f.distros.value.some((d) => d.version === 2 && d.state === 'running'))
      return ok('A WSL 2 virtual machine is running, so virtualization works.');
    return {
      state: 'warn',
      detail: 'Not proven yet: no WSL 2 virtual machine is running. This is confirmed once Docker Desktop runs.',
      // Nothing to do here: Docker Desktop's own check below says whether to install or start it.
      fixes: [],
    };
  },
};

export const wslInstalledProbe: Probe = {
  id: 'wsl.installed',
  title: 'WSL installed and up to date',
  applies: onWindows,
  after: ['windows.version'],
  async check(ctx) {
    const f = await windowsFacts(hostOf(ctx));
    if (f.wslMissing) return { state: 'fail', detail: `wsl.exe could not run (${f.wslMissing}).`, fixes: [updateWsl] };
    if (!f.status.ok && f.status.reason === 'unsupported')
      return {
        state: 'fail',
        detail: 'Only the old built-in WSL is present; Docker Desktop needs the current WSL.',
        fixes: [updateWsl],
      };
    if (!f.version.ok) {
      return {
        state: 'warn',
        detail: `WSL is present but its version is unknown (${f.version.detail}).`,
        fixes: [
          {
            kind: 'steps',
            text: 'Update WSL from an administrator terminal.',
            command: 'wsl --update',
            link: wslGuide,
          },
        ],
      };
    }
    return ok(`WSL ${f.version.value.wsl}${f.version.value.kernel ? `, kernel ${f.version.value.kernel}` : ''}.`);
  },
};

export const wslDefaultVersionProbe: Probe = {
  id: 'wsl.default-version',
  title: 'WSL default version is 2',
  applies: onWindows,
  after: ['wsl.installed'],
  async check(ctx) {
    const f = await windowsFacts(hostOf(ctx));
    if (!f.status.ok)
      return {
        state: 'warn',
        detail: `Could not read the WSL default version (${f.status.detail}).`,
        fixes: [updateWsl],
      };
    if (f.status.value.defaultVersion === 2)
      return ok(
        `Default version 2${f.status.value.defaultDistro ? `, default distribution ${f.status.value.defaultDistro}` : ''}.`,
      );
    return {
      state: 'warn',
      detail: 'New WSL distributions default to WSL 1; Docker Desktop itself uses WSL 2 regardless.',
      fixes: [
        { kind: 'steps', text: 'Make WSL 2 the default.', command: 'wsl --set-default-version 2', link: wslGuide },
      ],
    };
  },
};

export const dockerDesktopProbe: Probe = {
  id: 'docker-desktop.wsl2',
  title: 'Docker Desktop installed, running on the WSL 2 engine',
  applies: onWindows,
  after: ['windows.version', 'windows.virtualization', 'wsl.installed'],
  async check(ctx) {
    const f = await windowsFacts(hostOf(ctx));
    const install = {
      kind: 'steps' as const,
      text: 'Install Docker Desktop (keep "Use WSL 2 instead of Hyper-V" ticked), then start it.',
      command: 'winget install -e --id Docker.DockerDesktop',
      link: {
        label: 'Download Docker Desktop for Windows',
        url: 'https://docs.docker.com/desktop/setup/install/windows-install/',
      },
    };
    if (!f.dockerDesktopExe && !f.dockerSettings)
      return { state: 'fail', detail: 'Docker Desktop is not installed.', fixes: [install] };
    if (f.dockerSettings && 'wslEngineEnabled' in f.dockerSettings && f.dockerSettings.wslEngineEnabled === false) {
      return {
        state: 'fail',
        detail: 'Docker Desktop uses the Hyper-V engine; the stack is set up for the WSL 2 engine.',
        fixes: [
          {
            kind: 'steps',
            text: 'Docker Desktop → Settings → General → tick "Use the WSL 2 based engine" → Apply & restart.',
          },
        ],
      };
    }
    const distro = f.distros.ok ? f.distros.value.find((d) => d.name === 'docker-desktop') : undefined;
    if (distro?.state === 'running')
      return ok('Docker Desktop is running on WSL 2 (the docker-desktop distribution is running).');
    const engine = await ctx.docker();
    if (engine.reachable) return ok(`Docker Desktop's engine answers at ${engine.endpoint}.`);
    const why = noDistributions(f.distros)
      ? 'no WSL distribution exists yet'
      : distro
        ? `its docker-desktop distribution is ${distro.stateText}`
        : 'its docker-desktop distribution is missing';
    return {
      state: 'fail',
      detail: `Docker Desktop is installed but not running (${why}).`,
      fixes: [
        {
          kind: 'action',
          text: 'Start Docker Desktop and wait until its engine answers (up to 3 minutes).',
          action: fixAction('docker.desktop.start'),
        },
      ],
    };
  },
};

export const dockerAutoStartProbe: Probe = {
  id: 'docker-desktop.autostart',
  title: 'Docker Desktop starts when you sign in',
  applies: onWindows,
  async check(ctx) {
    const f = await windowsFacts(hostOf(ctx));
    // Not installed (the check above says so) or a settings file we cannot read: nothing to offer here.
    if (!f.dockerSettings || 'error' in f.dockerSettings)
      return ok(
        f.dockerSettings
          ? `Docker Desktop's settings file could not be read (${f.dockerSettings.error}).`
          : 'No Docker Desktop settings yet.',
      );
    if (f.dockerSettings.autoStart === true) return ok('Docker Desktop starts when you sign in to Windows.');
    return {
      state: 'warn',
      detail:
        'Docker Desktop does not start when you sign in, so after a restart the stack stays down until someone opens Docker Desktop.',
      fixes: [
        {
          kind: 'action',
          text: 'Turn on Docker Desktop\'s "Start Docker Desktop when you sign in" setting: after a restart, the stack comes back as soon as you sign in to Windows (Docker Desktop itself needs a signed-in user).',
          action: fixAction('docker.desktop.autostart'),
        },
      ],
    };
  },
};

export const wslMemoryProbe: Probe = {
  id: 'wsl.memory',
  title: 'Memory for WSL 2',
  applies: onWindows,
  after: ['wsl.installed'],
  async check(ctx) {
    const host = hostOf(ctx);
    const f = await windowsFacts(host);
    const mem = effectiveWslMemory(f.wslConfig, host.totalMemBytes);
    const need = host.needs.memoryBytes;
    const where = mem.source === 'wslconfig' ? 'set in .wslconfig' : 'the default, half of this PC’s memory';
    const detail = `WSL 2 gets ${formatBytes(mem.bytes)} (${where}); the selected services need about ${formatBytes(need)}.`;
    const problems = f.wslConfig?.problems.length
      ? ` .wslconfig lines not understood: ${f.wslConfig.problems.join('; ')}.`
      : '';
    const limitFixes = (gb: number, why: string): Fix[] => [
      {
        kind: 'action',
        text: `${why} The app writes memory=${gb}GB under [wsl2] in %UserProfile%\\.wslconfig, keeping your other settings and comments (the old file is kept as a backup). It applies after WSL restarts.`,
        action: fixAction('wsl.memory.set', { memoryGb: gb }, `Set the WSL memory limit to ${gb} GB`),
      },
      {
        kind: 'action',
        text: "Then restart WSL so the limit applies. This stops every running WSL distribution and Docker Desktop's engine; start Docker Desktop again afterwards.",
        action: fixAction('wsl.shutdown'),
      },
    ];
    if (mem.bytes >= need) {
      if (mem.source === 'wslconfig') return { state: problems ? 'warn' : 'ok', detail: detail + problems, fixes: [] };
      // No limit: WSL 2 may grow to half the PC's memory and keep it cached; a fixed limit keeps Windows responsive.
      const gb = recommendedWslMemoryGb(need, host.totalMemBytes);
      return {
        state: 'warn',
        detail: `${detail} No memory limit is set in .wslconfig.${problems}`,
        fixes: limitFixes(gb, `Set a limit of ${gb} GB so WSL 2 cannot take more than the stack needs.`),
      };
    }
    // Raising the limit helps only when the PC has the memory to give.
    if (host.totalMemBytes > need) {
      const gb = recommendedWslMemoryGb(need, host.totalMemBytes);
      return {
        state: 'warn',
        detail: detail + problems,
        fixes: limitFixes(gb, `Give WSL 2 ${gb} GB.`),
      };
    }
    return {
      state: 'fail',
      detail: detail + problems,
      fixes: [
        {
          kind: 'steps',
          text: 'This PC has too little memory for every selected service: leave out Tdarr or one download client.',
        },
      ],
    };
  },
};

/** What the stack needs (whole GB, at least 2), never more than the PC's memory less 2 GB for Windows itself. */
export function recommendedWslMemoryGb(needBytes: number, totalBytes: number): number {
  const GiB = 1024 ** 3;
  const need = Math.max(2, Math.ceil(needBytes / GiB));
  return Math.max(2, Math.min(need, Math.floor(totalBytes / GiB) - 2));
}

export const windowsProbes: Probe[] = [
  windowsVersionProbe,
  virtualizationProbe,
  wslInstalledProbe,
  wslDefaultVersionProbe,
  dockerDesktopProbe,
  dockerAutoStartProbe,
  wslMemoryProbe,
];
