// What the App service is built from. Every field is decided by the composition (app/default-deps.ts in production,
// the test helpers in tests): the App layer applies no defaults of its own and nothing below reads the environment.
import type { ComposeFacts } from '../contract';
import type { DockerEndpoint } from '../engine/docker-endpoint';
import type { MigrateDeps } from '../migrate/migrate-service';
import type { PlexEndpoints } from '../plex/plex-endpoints';
import type { HostContext } from '../probes/host-context';
import type { Probe } from '../probes/probe';
import type { UserProfile } from '../profile/user-profile';
import type { SecretVault } from '../vault/secret-vault';
import type { WiringSource } from '../wiring/wiring-source';
import type { ChainSource } from '../wiring/chain/stack-chain';
import type { AppUpdatesPort } from './handlers/app-update';
import type { FolderPickerPort, StartAtLoginPort, UpdateChannelPort } from './handlers/app-settings';

export interface EngineOptions {
  /** How often the VPN watch runs while a door listens; 0 = only on demand (`vpn.check`). */
  vpnWatchIntervalMs: number;
  /** Answers the caller's public address as plain text; asked from the host and from inside the VPN namespace. */
  egressUrl: string;
  /** Extra non-secret variables for compose runs (tests pick stand-in images with them); {} in production. */
  composeEnv: Record<string, string>;
  /** The host variables compose may inherit (inheritedHostEnv of the real environment). */
  hostEnv: Record<string, string>;
  /** Caps on followed logs (per subscriber, overall); the log-follow registry's defaults when absent. */
  follows?: { perSubscriber?: number; total?: number };
}

export const DEFAULT_EGRESS_URL = 'https://ipinfo.io/ip';

export interface AppDeps {
  version: string;
  platform: NodeJS.Platform;
  arch: string;
  door: 'electron' | 'cli' | 'browser';
  /** Compose project name; `ups` in production, unique per test run. */
  project: string;
  /** The per-user files: install pointer, wizard progress, plex client id, migration state. */
  profile: UserProfile;
  /** The installed stack's folder, or null (normally the profile's install pointer). */
  installRoot(): Promise<string | null>;
  endpoint: DockerEndpoint;
  detectCompose(): Promise<ComposeFacts>;
  vault: SecretVault;
  /** The folder of the service catalog (compose/*.yml). */
  catalogDir: string;
  /** The machine as the environment checks see it; loaded on first use (docs/decisions.md D31). */
  host(): Promise<HostContext>;
  /** The environment checks; loaded with the first check, not for every call (docs/decisions.md D31). */
  probes(): Promise<Probe[]>;
  engine: EngineOptions;
  /** Where plex.tv and the Plex server are reached (unset in production). */
  plex: PlexEndpoints;
  /** Where the NordVPN token exchange (vpn.nordvpn.derive) goes: https://api.nordvpn.com, or a loopback fake in tests. */
  nordvpn: { apiUrl: string; fetch?: typeof fetch };
  /** Builds the service wiring of the installed stack. */
  wiring: WiringSource;
  /** Builds the chain check (chain.check) of the installed stack. */
  chain: ChainSource;
  /** NAS migration overrides (library hooks in tests); {} in production. */
  migrate: Partial<MigrateDeps>;
  /** Desktop-only capabilities: present in the Electron door, absent elsewhere (those calls then say "desktop app"). */
  desktop: {
    appUpdates?: AppUpdatesPort;
    startAtLogin?: StartAtLoginPort;
    updateChannel?: UpdateChannelPort;
    /** Opens a folder in the file manager; resolves to '' or the reason it could not (Electron's shell.openPath). */
    openFolder?: (path: string) => Promise<string>;
    /** The OS folder dialog (Electron's dialog.showOpenDialog underneath). */
    pickFolder?: FolderPickerPort;
  };
}
