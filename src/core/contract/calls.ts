// The call map: every channel, its input schema and its output schema, declared once for all doors.
import * as z from 'zod';
import { AppInfoSchema } from './app-info';
import { AppUpdateRunInputSchema, AppUpdateStateSchema } from './app-update';
import { StartAtLoginSchema, UpdateChannelSchema } from './app-settings';
import { EnvCheckInputSchema, EnvCheckSchema } from './env-check';
import { FolderPickInputSchema, FolderPickSchema } from './folders';
import {
  SecretDeleteInputSchema,
  SecretDeleteResultSchema,
  SecretSetInputSchema,
  SecretSetResultSchema,
  SecretsStatusSchema,
} from './secrets';
import {
  StackConfigValidateInputSchema,
  StackConfigValidationSchema,
  StackInstallInputSchema,
  StackInstallResultSchema,
} from './stack-config';
import {
  StackConfigReportSchema,
  StackConfigSecretsInputSchema,
  StackConfigSecretsSchema,
} from './stack-config-report';
import { StackStatusSchema } from './stack-status';
import {
  StackSettingsPlanInputSchema,
  StackSettingsPlanSchema,
  StackSettingsSchema,
  StackSettingsUpdateInputSchema,
  StackSettingsUpdateResultSchema,
} from './stack-settings';
import { TdarrNodeBundleInputSchema, TdarrNodeBundleSchema, TdarrNodesSchema } from './tdarr';
import {
  MigrateFinishInputSchema,
  MigratePlanInputSchema,
  MigratePlanSchema,
  MigrateStartInputSchema,
  MigrateStatusSchema,
} from './migrate';
import { NoInputSchema } from './no-input';
import { OperationInputSchema } from './operation';
import {
  StackMoveCheckInputSchema,
  StackMoveCheckSchema,
  StackMoveRemoveInputSchema,
  StackMoveRunInputSchema,
  StackMoveStatusSchema,
} from './stack-move';
import { WizardLoadSchema, WizardProgressSchema, WizardSaveResultSchema } from './wizard';
import { NextStepsSchema } from './next-steps';
import {
  LifecycleResultSchema,
  LogsFollowResultSchema,
  LogsInputSchema,
  LogsResultSchema,
  LogsUnfollowInputSchema,
  LogsUnfollowResultSchema,
  ServicesInputSchema,
  UpdateApplyInputSchema,
  UpdateCheckSchema,
  UpdateHistorySchema,
  UpdateRecordSchema,
  VpnCheckSchema,
} from './engine';
import {
  DiagnosticsExportInputSchema,
  DiagnosticsExportSchema,
  DiagnosticsFolderSchema,
  WebPortsSchema,
} from './diagnostics';
import { LoginRevealInputSchema, LoginRevealSchema, LoginsSchema } from './logins';
import {
  DockerAutoStartResultSchema,
  DockerDesktopStartInputSchema,
  DockerDesktopStartResultSchema,
  WslMemoryInputSchema,
  WslMemoryResultSchema,
  WslShutdownResultSchema,
} from './host-fix';
import { ChainCheckResultSchema } from './chain';
import {
  ArrConfigAdoptInputSchema,
  ArrConfigAdoptResultSchema,
  IndexerAddInputSchema,
  IndexerAddResultSchema,
  IndexerDefinitionsInputSchema,
  IndexerDefinitionsSchema,
  IndexerListSchema,
} from './arr-config';
import { LinksTableSchema, WiringApplyInputSchema, WiringApplyResultSchema, WiringPlanSchema } from './wiring';
import { LocationCheckInputSchema, LocationCheckSchema } from './location';
import { NordDeriveInputSchema, NordDeriveResultSchema } from './nordvpn';
import {
  PlexAccountStatusSchema,
  PlexSignInPollInputSchema,
  PlexSignInPollSchema,
  PlexSignInStartSchema,
} from './plex-signin';

import { RestorePreviousResultSchema, SetAsideInputSchema, SetAsideResultSchema } from './state-files';

export const calls = {
  'app.info': { input: NoInputSchema, output: AppInfoSchema },
  // The desktop app's own updates: offered, downloaded and installed only on the user's request.
  'app.update.status': { input: NoInputSchema, output: AppUpdateStateSchema },
  'app.update.run': { input: AppUpdateRunInputSchema, output: AppUpdateStateSchema },
  // "Start with Windows": the desktop app's login item; the tray shows the same setting.
  'app.startAtLogin.get': { input: NoInputSchema, output: StartAtLoginSchema },
  'app.startAtLogin.set': { input: StartAtLoginSchema, output: StartAtLoginSchema },
  // Which update channel the desktop app follows (stable | beta); applies from the next check for updates.
  'app.updateChannel.get': { input: NoInputSchema, output: UpdateChannelSchema },
  'app.updateChannel.set': { input: UpdateChannelSchema, output: UpdateChannelSchema },
  // "Browse" for a folder: the desktop app's own dialog; the CLI and browser mode answer NOT_FOUND (type the path).
  'folders.pick': { input: FolderPickInputSchema, output: FolderPickSchema },
  // `stack: true` adds the stack's live health as one more check (what `ups doctor` prints).
  'env.check': { input: EnvCheckInputSchema, output: EnvCheckSchema },
  'stack.status': { input: NoInputSchema, output: StackStatusSchema },
  'stack.config.validate': { input: StackConfigValidateInputSchema, output: StackConfigValidationSchema },
  'stack.install': { input: StackInstallInputSchema, output: StackInstallResultSchema },
  // The installed stack's effective config, and the secrets a config needs; secrets only as set/unset, never values.
  'stack.config.show': { input: NoInputSchema, output: StackConfigReportSchema },
  'stack.config.secrets': { input: StackConfigSecretsInputSchema, output: StackConfigSecretsSchema },
  // Wizard location step: free space vs estimate, filesystem, host hardlink test; creates nothing.
  'stack.location.check': { input: LocationCheckInputSchema, output: LocationCheckSchema },
  // Setup wizard: where it stands, never a secret; null before the first save.
  'wizard.load': { input: NoInputSchema, output: WizardLoadSchema },
  'wizard.save': { input: WizardProgressSchema, output: WizardSaveResultSchema },
  // The dashboard's after-install checklist: which steps the user ticked off (no secret, per user).
  'ui.nextSteps.get': { input: NoInputSchema, output: NextStepsSchema },
  'ui.nextSteps.set': { input: NextStepsSchema, output: NextStepsSchema },
  // Secrets go in and names come out: no secrets.* call returns a stored value (docs/decisions.md D4). The one exception is
  // logins.reveal below: a generated service login's password, on the user's click, never a user-entered secret.
  'secrets.status': { input: NoInputSchema, output: SecretsStatusSchema },
  // A replaced qBittorrent/NZBGet password is applied to the client, then to every app that uses it (progress pushes).
  'secrets.set': { input: SecretSetInputSchema, output: SecretSetResultSchema },
  'secrets.delete': { input: SecretDeleteInputSchema, output: SecretDeleteResultSchema },
  // Engine: lifecycle verbs on all or named services; progress arrives as pushes tagged with the caller's
  // operationId when it sends one (so do stack.install, update.apply, migrate.start/resume and wiring.apply).
  'stack.up': { input: ServicesInputSchema, output: LifecycleResultSchema },
  'stack.down': { input: OperationInputSchema, output: LifecycleResultSchema },
  'stack.start': { input: ServicesInputSchema, output: LifecycleResultSchema },
  'stack.stop': { input: ServicesInputSchema, output: LifecycleResultSchema },
  'stack.restart': { input: ServicesInputSchema, output: LifecycleResultSchema },
  'stack.pull': { input: ServicesInputSchema, output: LifecycleResultSchema },
  'stack.logs': { input: LogsInputSchema, output: LogsResultSchema },
  'stack.settings.get': { input: NoInputSchema, output: StackSettingsSchema },
  'stack.settings.update': { input: StackSettingsUpdateInputSchema, output: StackSettingsUpdateResultSchema },
  'stack.settings.plan': { input: StackSettingsPlanInputSchema, output: StackSettingsPlanSchema },
  'stack.logs.follow': { input: LogsInputSchema, output: LogsFollowResultSchema },
  'stack.logs.unfollow': { input: LogsUnfollowInputSchema, output: LogsUnfollowResultSchema },
  'vpn.check': { input: NoInputSchema, output: VpnCheckSchema },
  // NordVPN access token → NordLynx key (WireGuard) or service credentials (OpenVPN) in the vault; the token is not kept.
  'vpn.nordvpn.derive': { input: NordDeriveInputSchema, output: NordDeriveResultSchema },
  'update.check': { input: NoInputSchema, output: UpdateCheckSchema },
  'update.apply': { input: UpdateApplyInputSchema, output: UpdateRecordSchema },
  'update.rollback': { input: NoInputSchema, output: UpdateRecordSchema },
  'update.history': { input: NoInputSchema, output: UpdateHistorySchema },
  // NAS migration: plan, journaled copy + verify, switch; copy progress arrives as pushes.
  'migrate.plan': { input: MigratePlanInputSchema, output: MigratePlanSchema },
  'migrate.start': { input: MigrateStartInputSchema, output: MigrateStatusSchema },
  'migrate.resume': { input: MigrateStartInputSchema, output: MigrateStatusSchema },
  'migrate.status': { input: NoInputSchema, output: MigrateStatusSchema },
  'migrate.pause': { input: NoInputSchema, output: MigrateStatusSchema },
  'migrate.finish': { input: MigrateFinishInputSchema, output: MigrateStatusSchema },
  // Move the stack to another engine: check the target, move (journaled, resumable), then the confirmed removal of
  // the old stack; volume copy progress arrives as pushes.
  'stack.move.check': { input: StackMoveCheckInputSchema, output: StackMoveCheckSchema },
  'stack.move.run': { input: StackMoveRunInputSchema, output: StackMoveStatusSchema },
  'stack.move.resume': { input: OperationInputSchema, output: StackMoveStatusSchema },
  'stack.move.status': { input: NoInputSchema, output: StackMoveStatusSchema },
  'stack.move.removeSource': { input: StackMoveRemoveInputSchema, output: StackMoveStatusSchema },
  // Service wiring: plan reads only; apply pushes progress; links.test runs every link's own test.
  'wiring.plan': { input: NoInputSchema, output: WiringPlanSchema },
  'wiring.apply': { input: WiringApplyInputSchema, output: WiringApplyResultSchema },
  'links.test': { input: NoInputSchema, output: LinksTableSchema },
  // Follows one sample item request → indexer → download → import → library → stream; stops at the first broken hop.
  'chain.check': { input: NoInputSchema, output: ChainCheckResultSchema },
  // arr.yml (docs/decisions.md D32): Prowlarr's indexer definitions (public by default), the indexers, adding one
  // (tested by Prowlarr before it is saved, secrets to the vault), and keeping a service's value in the file.
  'indexers.definitions': { input: IndexerDefinitionsInputSchema, output: IndexerDefinitionsSchema },
  'indexers.list': { input: NoInputSchema, output: IndexerListSchema },
  'indexers.add': { input: IndexerAddInputSchema, output: IndexerAddResultSchema },
  'arrConfig.adopt': { input: ArrConfigAdoptInputSchema, output: ArrConfigAdoptResultSchema },
  // Plex sign-in: start → open authUrl → poll until signed-in (the door owns the interval, timeout and cancel).
  'plex.signin.start': { input: NoInputSchema, output: PlexSignInStartSchema },
  'plex.signin.poll': { input: PlexSignInPollInputSchema, output: PlexSignInPollSchema },
  // Who is signed in to plex.tv (username only) and whether the installed server is claimed; works before install.
  'plex.account': { input: NoInputSchema, output: PlexAccountStatusSchema },
  // Support bundle: logs, checks, compose config, versions and the wiring plan in one zip, never a secret.
  'diagnostics.export': { input: DiagnosticsExportInputSchema, output: DiagnosticsExportSchema },
  // Fixes for damaged app files: set one aside (kept, renamed) or put back the previous stack files from .backups.
  'state.setAside': { input: SetAsideInputSchema, output: SetAsideResultSchema },
  'install.restorePrevious': { input: NoInputSchema, output: RestorePreviousResultSchema },
  // Shows the default diagnostics folder in the file manager; only the desktop app can (it injects the opener).
  'diagnostics.openFolder': { input: NoInputSchema, output: DiagnosticsFolderSchema },
  // The installed stack's published web ports: the desktop window opens http://localhost:<port> only for these.
  'stack.webPorts': { input: NoInputSchema, output: WebPortsSchema },
  // "See your logins": generated service logins by name; one generated password only on an explicit click.
  'logins.list': { input: NoInputSchema, output: LoginsSchema },
  'logins.reveal': { input: LoginRevealInputSchema, output: LoginRevealSchema },
  // Windows host fixes the checks offer (docs/decisions.md D15); on any other platform they answer NOT_FOUND.
  'host.dockerDesktop.start': { input: DockerDesktopStartInputSchema, output: DockerDesktopStartResultSchema },
  'host.dockerDesktop.autoStart': { input: NoInputSchema, output: DockerAutoStartResultSchema },
  'host.wsl.memory': { input: WslMemoryInputSchema, output: WslMemoryResultSchema },
  'host.wsl.shutdown': { input: NoInputSchema, output: WslShutdownResultSchema },
  // Tdarr at scale: the files another PC needs to run a Tdarr node, and the nodes the Tdarr server reports.
  'tdarr.nodeBundle': { input: TdarrNodeBundleInputSchema, output: TdarrNodeBundleSchema },
  'tdarr.nodes': { input: NoInputSchema, output: TdarrNodesSchema },
} as const;

export type Calls = typeof calls;
export type Channel = keyof Calls;
export type CallInput<C extends Channel> = z.input<Calls[C]['input']>;
export type CallOutput<C extends Channel> = z.infer<Calls[C]['output']>;

export const channels = Object.keys(calls) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(calls, name);
}
