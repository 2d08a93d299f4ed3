// Runs the Windows commands once per check run and keeps their parsed answers for every Windows probe.
// The spawning is these few lines; what the output means is decided by the pure parsers beside this file.
import { join } from 'node:path';
import type { HostContext } from '../host-context';
import { decodeWindowsOutput, wslErrorCodes } from './decode-output';
import {
  LEGACY_SETTINGS_FILE,
  parseDockerDesktopSettings,
  SETTINGS_STORE_FILE,
  type DockerDesktopSettings,
} from './docker-desktop-settings';
import { parseExcludedPortRanges, type PortRange } from './excluded-ports';
import type { Parsed } from './parse-result';
import { parseWslListVerbose, type WslDistro } from './wsl-list';
import { parseWslStatus, type WslStatus } from './wsl-status';
import { parseWslVersion, type WslVersion } from './wsl-version';
import { parseWslConfig, type WslConfig } from './wslconfig';

export interface WindowsFacts {
  /** wsl.exe could not be started at all (missing: WSL not installed). */
  wslMissing?: string;
  status: Parsed<WslStatus>;
  version: Parsed<WslVersion>;
  distros: Parsed<WslDistro[]>;
  /** Every Wsl/…, HCS_E_…, 0x8037… code seen in any wsl.exe output. */
  codes: string[];
  excludedPorts: Parsed<PortRange[]>;
  wslConfig: WslConfig | null;
  dockerSettings: DockerDesktopSettings | { error: string } | null;
  dockerDesktopExe: boolean;
}

const cache = new WeakMap<HostContext, Promise<WindowsFacts>>();

export function windowsFacts(host: HostContext): Promise<WindowsFacts> {
  let p = cache.get(host);
  if (!p) cache.set(host, (p = gather(host)));
  return p;
}

async function gather(host: HostContext): Promise<WindowsFacts> {
  // WSL_UTF8=1 asks newer wsl.exe for UTF-8; older ones ignore it and the decoder copes with UTF-16LE.
  const wsl = (args: string[]) => host.run('wsl.exe', args, { WSL_UTF8: '1' });
  const [status, version, list, netsh] = await Promise.all([
    wsl(['--status']),
    wsl(['--version']),
    wsl(['--list', '--verbose']),
    host.run('netsh', ['int', 'ipv4', 'show', 'excludedportrange', 'protocol=tcp']),
  ]);
  const text = (r: { stdout: Uint8Array; stderr: Uint8Array }) =>
    `${decodeWindowsOutput(r.stdout)}\n${decodeWindowsOutput(r.stderr)}`.trim();
  const profile = host.env.USERPROFILE ?? '';
  const appData = host.env.APPDATA ?? join(profile, 'AppData', 'Roaming');
  const programFiles = host.env.ProgramFiles ?? 'C:\\Program Files';
  const settings =
    (await host.readText(join(appData, 'Docker', SETTINGS_STORE_FILE))) ??
    (await host.readText(join(appData, 'Docker', LEGACY_SETTINGS_FILE)));
  const wslConfigText = profile ? await host.readText(join(profile, '.wslconfig')) : null;
  const all = [status, version, list].map(text).join('\n');
  return {
    ...(status.error && list.error ? { wslMissing: status.error } : {}),
    status: parseWslStatus(text(status)),
    version: parseWslVersion(text(version)),
    distros: parseWslListVerbose(text(list)),
    codes: wslErrorCodes(all),
    excludedPorts: parseExcludedPortRanges(text(netsh)),
    wslConfig: wslConfigText === null ? null : parseWslConfig(wslConfigText),
    dockerSettings: settings === null ? null : parseDockerDesktopSettings(settings),
    dockerDesktopExe: await host.exists(join(programFiles, 'Docker', 'Docker', 'Docker Desktop.exe')),
  };
}
