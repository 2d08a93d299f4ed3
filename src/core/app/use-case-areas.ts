// Which area of use cases answers each channel, and how to load that area. An area's module (and everything it
// imports) is loaded on the first call to one of its channels: `ups status` must not parse the migration, the wiring
// and the YAML writer to list containers (docs/decisions.md D31, bench cli-startup). The table is checked against what
// each area really claims, by app-service.test.ts and again when an area loads.
import type { Channel } from '../contract';
import type { AppContext, HandlerGroup } from './app-context';

type AreaBuilder = (ctx: AppContext) => HandlerGroup;

/** Every area of use cases (app/handlers/<area>.ts), each loaded by a dynamic import. */
export const areaLoaders = {
  basics: () => import('./handlers/basics').then((m) => m.basicHandlers),
  status: () => import('./handlers/status').then((m) => m.statusHandlers),
  engine: () => import('./handlers/engine').then((m) => m.engineHandlers),
  stack: () => import('./handlers/stack').then((m) => m.stackHandlers),
  config: () => import('./handlers/config').then((m) => m.configHandlers),
  stackSettings: () => import('./handlers/stack-settings').then((m) => m.stackSettingsHandlers),
  migrate: () => import('./handlers/migrate').then((m) => m.migrateHandlers),
  wiring: () => import('./handlers/wiring').then((m) => m.wiringHandlers),
  plex: () => import('./handlers/plex').then((m) => m.plexHandlers),
  appUpdate: () => import('./handlers/app-update').then((m) => m.appUpdateHandlers),
  appSettings: () => import('./handlers/app-settings').then((m) => m.appSettingsHandlers),
  vpn: () => import('./handlers/vpn').then((m) => m.vpnHandlers),
  diagnostics: () => import('./handlers/diagnostics').then((m) => m.diagnosticsHandlers),
  logins: () => import('./handlers/logins').then((m) => m.loginHandlers),
  webPorts: () => import('./handlers/web-ports').then((m) => m.webPortHandlers),
  stateFiles: () => import('./handlers/state-files').then((m) => m.stateFileHandlers),
  hostFixes: () => import('./handlers/host-fixes').then((m) => m.hostFixHandlers),
  chain: () => import('./handlers/chain').then((m) => m.chainHandlers),
  secrets: () => import('./handlers/secrets').then((m) => m.secretHandlers),
  arrConfig: () => import('./handlers/arr-config').then((m) => m.arrConfigHandlers),
  tdarr: () => import('./handlers/tdarr').then((m) => m.tdarrHandlers),
  stackMove: () => import('./handlers/stack-move').then((m) => m.stackMoveHandlers),
} satisfies Record<string, () => Promise<AreaBuilder>>;

export type AreaName = keyof typeof areaLoaders;

/** Areas that also work in the background while a door listens (the engine area's VPN watch and VPN recovery hang
 *  off the status mirror): loaded as soon as the first listener subscribes, not on their first call. */
export const backgroundAreas: readonly AreaName[] = ['engine'];

/** The one area that answers each channel: a Record over every channel, so a channel without an area does not compile
 *  and no channel can name two. */
export const channelArea: Record<Channel, AreaName> = {
  'app.info': 'basics',
  'env.check': 'basics',
  'stack.status': 'status',
  'stack.location.check': 'basics',
  'secrets.status': 'secrets',
  'secrets.set': 'secrets',
  'secrets.delete': 'secrets',
  'wizard.load': 'basics',
  'wizard.save': 'basics',
  'stack.up': 'engine',
  'stack.down': 'engine',
  'stack.start': 'engine',
  'stack.stop': 'engine',
  'stack.restart': 'engine',
  'stack.pull': 'engine',
  'stack.logs': 'engine',
  'stack.logs.follow': 'engine',
  'stack.logs.unfollow': 'engine',
  'vpn.check': 'engine',
  'update.check': 'engine',
  'update.apply': 'engine',
  'update.rollback': 'engine',
  'update.history': 'engine',
  'stack.config.validate': 'stack',
  'stack.install': 'stack',
  'stack.config.show': 'config',
  'stack.config.secrets': 'config',
  'stack.settings.get': 'stackSettings',
  'stack.settings.update': 'stackSettings',
  'stack.settings.plan': 'stackSettings',
  'migrate.plan': 'migrate',
  'migrate.start': 'migrate',
  'migrate.resume': 'migrate',
  'migrate.status': 'migrate',
  'migrate.pause': 'migrate',
  'migrate.finish': 'migrate',
  'wiring.plan': 'wiring',
  'wiring.apply': 'wiring',
  'links.test': 'wiring',
  'plex.signin.start': 'plex',
  'plex.signin.poll': 'plex',
  'plex.account': 'plex',
  'app.update.status': 'appUpdate',
  'app.update.run': 'appUpdate',
  'app.startAtLogin.get': 'appSettings',
  'app.startAtLogin.set': 'appSettings',
  'app.updateChannel.get': 'appSettings',
  'app.updateChannel.set': 'appSettings',
  'vpn.nordvpn.derive': 'vpn',
  'diagnostics.export': 'diagnostics',
  'logins.list': 'logins',
  'logins.reveal': 'logins',
  'stack.webPorts': 'webPorts',
  'state.setAside': 'stateFiles',
  'install.restorePrevious': 'stateFiles',
  'host.dockerDesktop.start': 'hostFixes',
  'host.dockerDesktop.autoStart': 'hostFixes',
  'host.wsl.memory': 'hostFixes',
  'host.wsl.shutdown': 'hostFixes',
  'chain.check': 'chain',
  'diagnostics.openFolder': 'diagnostics',
  'indexers.definitions': 'arrConfig',
  'indexers.list': 'arrConfig',
  'indexers.add': 'arrConfig',
  'arrConfig.adopt': 'arrConfig',
  'ui.nextSteps.get': 'basics',
  'ui.nextSteps.set': 'basics',
  'folders.pick': 'appSettings',
  'tdarr.nodeBundle': 'tdarr',
  'tdarr.nodes': 'tdarr',
  'stack.move.check': 'stackMove',
  'stack.move.run': 'stackMove',
  'stack.move.resume': 'stackMove',
  'stack.move.status': 'stackMove',
  'stack.move.removeSource': 'stackMove',
};

/** The channels the table gives an area. */
export const channelsOf = (area: AreaName): Channel[] =>
  (Object.keys(channelArea) as Channel[]).filter((c) => channelArea[c] === area);
