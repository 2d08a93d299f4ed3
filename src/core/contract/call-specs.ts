// Each channel's input and output schemas, loaded with the first call to that channel: building the whole call map
// (`calls.ts`) runs the zod schemas of every contract area, which cost `ups status` a good share of its start-up
// (docs/decisions.md D31, bench cli-startup). The table is typed against `Calls`, and calls.test.ts checks that every
// entry loads the very schemas `calls` holds, so the two cannot drift.
import type { Calls, Channel } from './calls';
import { NoInputSchema } from './no-input';

const noInput = async () => NoInputSchema;
const spec =
  <I, O>(input: () => Promise<I>, output: () => Promise<O>) =>
  async () => {
    const [i, o] = await Promise.all([input(), output()]);
    return { input: i, output: o };
  };

/** Every channel's schemas on demand: a channel missing here, or loading another shape, does not compile. */
export const callSpecs: { [C in Channel]: () => Promise<Calls[C]> } = {
  'app.info': spec(noInput, () => import('./app-info').then((m) => m.AppInfoSchema)),
  'app.update.status': spec(noInput, () => import('./app-update').then((m) => m.AppUpdateStateSchema)),
  'app.update.run': spec(
    () => import('./app-update').then((m) => m.AppUpdateRunInputSchema),
    () => import('./app-update').then((m) => m.AppUpdateStateSchema),
  ),
  'app.startAtLogin.get': spec(noInput, () => import('./app-settings').then((m) => m.StartAtLoginSchema)),
  'app.startAtLogin.set': spec(
    () => import('./app-settings').then((m) => m.StartAtLoginSchema),
    () => import('./app-settings').then((m) => m.StartAtLoginSchema),
  ),
  'app.updateChannel.get': spec(noInput, () => import('./app-settings').then((m) => m.UpdateChannelSchema)),
  'app.updateChannel.set': spec(
    () => import('./app-settings').then((m) => m.UpdateChannelSchema),
    () => import('./app-settings').then((m) => m.UpdateChannelSchema),
  ),
  'folders.pick': spec(
    () => import('./folders').then((m) => m.FolderPickInputSchema),
    () => import('./folders').then((m) => m.FolderPickSchema),
  ),
  'env.check': spec(
    () => import('./env-check').then((m) => m.EnvCheckInputSchema),
    () => import('./env-check').then((m) => m.EnvCheckSchema),
  ),
  'stack.status': spec(noInput, () => import('./stack-status').then((m) => m.StackStatusSchema)),
  'stack.config.validate': spec(
    () => import('./stack-config').then((m) => m.StackConfigValidateInputSchema),
    () => import('./stack-config').then((m) => m.StackConfigValidationSchema),
  ),
  'stack.install': spec(
    () => import('./stack-config').then((m) => m.StackInstallInputSchema),
    () => import('./stack-config').then((m) => m.StackInstallResultSchema),
  ),
  'stack.config.show': spec(noInput, () => import('./stack-config-report').then((m) => m.StackConfigReportSchema)),
  'stack.config.secrets': spec(
    () => import('./stack-config-report').then((m) => m.StackConfigSecretsInputSchema),
    () => import('./stack-config-report').then((m) => m.StackConfigSecretsSchema),
  ),
  'stack.location.check': spec(
    () => import('./location').then((m) => m.LocationCheckInputSchema),
    () => import('./location').then((m) => m.LocationCheckSchema),
  ),
  'wizard.load': spec(noInput, () => import('./wizard').then((m) => m.WizardLoadSchema)),
  'wizard.save': spec(
    () => import('./wizard').then((m) => m.WizardProgressSchema),
    () => import('./wizard').then((m) => m.WizardSaveResultSchema),
  ),
  'ui.nextSteps.get': spec(noInput, () => import('./next-steps').then((m) => m.NextStepsSchema)),
  'ui.nextSteps.set': spec(
    () => import('./next-steps').then((m) => m.NextStepsSchema),
    () => import('./next-steps').then((m) => m.NextStepsSchema),
  ),
  'secrets.status': spec(noInput, () => import('./secrets').then((m) => m.SecretsStatusSchema)),
  'secrets.set': spec(
    () => import('./secrets').then((m) => m.SecretSetInputSchema),
    () => import('./secrets').then((m) => m.SecretSetResultSchema),
  ),
  'secrets.delete': spec(
    () => import('./secrets').then((m) => m.SecretDeleteInputSchema),
    () => import('./secrets').then((m) => m.SecretDeleteResultSchema),
  ),
  'stack.up': spec(
    () => import('./engine').then((m) => m.ServicesInputSchema),
    () => import('./engine').then((m) => m.LifecycleResultSchema),
  ),
  'stack.down': spec(
    () => import('./operation').then((m) => m.OperationInputSchema),
    () => import('./engine').then((m) => m.LifecycleResultSchema),
  ),
  'stack.start': spec(
    () => import('./engine').then((m) => m.ServicesInputSchema),
    () => import('./engine').then((m) => m.LifecycleResultSchema),
  ),
  'stack.stop': spec(
    () => import('./engine').then((m) => m.ServicesInputSchema),
    () => import('./engine').then((m) => m.LifecycleResultSchema),
  ),
  'stack.restart': spec(
    () => import('./engine').then((m) => m.ServicesInputSchema),
    () => import('./engine').then((m) => m.LifecycleResultSchema),
  ),
  'stack.pull': spec(
    () => import('./engine').then((m) => m.ServicesInputSchema),
    () => import('./engine').then((m) => m.LifecycleResultSchema),
  ),
  'stack.logs': spec(
    () => import('./engine').then((m) => m.LogsInputSchema),
    () => import('./engine').then((m) => m.LogsResultSchema),
  ),
  'stack.settings.get': spec(noInput, () => import('./stack-settings').then((m) => m.StackSettingsSchema)),
  'stack.settings.update': spec(
    () => import('./stack-settings').then((m) => m.StackSettingsUpdateInputSchema),
    () => import('./stack-settings').then((m) => m.StackSettingsUpdateResultSchema),
  ),
  'stack.settings.plan': spec(
    () => import('./stack-settings').then((m) => m.StackSettingsPlanInputSchema),
    () => import('./stack-settings').then((m) => m.StackSettingsPlanSchema),
  ),
  'stack.logs.follow': spec(
    () => import('./engine').then((m) => m.LogsInputSchema),
    () => import('./engine').then((m) => m.LogsFollowResultSchema),
  ),
  'stack.logs.unfollow': spec(
    () => import('./engine').then((m) => m.LogsUnfollowInputSchema),
    () => import('./engine').then((m) => m.LogsUnfollowResultSchema),
  ),
  'vpn.check': spec(noInput, () => import('./engine').then((m) => m.VpnCheckSchema)),
  'vpn.nordvpn.derive': spec(
    () => import('./nordvpn').then((m) => m.NordDeriveInputSchema),
    () => import('./nordvpn').then((m) => m.NordDeriveResultSchema),
  ),
  'update.check': spec(noInput, () => import('./engine').then((m) => m.UpdateCheckSchema)),
  'update.apply': spec(
    () => import('./engine').then((m) => m.UpdateApplyInputSchema),
    () => import('./engine').then((m) => m.UpdateRecordSchema),
  ),
  'update.rollback': spec(noInput, () => import('./engine').then((m) => m.UpdateRecordSchema)),
  'update.history': spec(noInput, () => import('./engine').then((m) => m.UpdateHistorySchema)),
  'migrate.plan': spec(
    () => import('./migrate').then((m) => m.MigratePlanInputSchema),
    () => import('./migrate').then((m) => m.MigratePlanSchema),
  ),
  'migrate.start': spec(
    () => import('./migrate').then((m) => m.MigrateStartInputSchema),
    () => import('./migrate').then((m) => m.MigrateStatusSchema),
  ),
  'migrate.resume': spec(
    () => import('./migrate').then((m) => m.MigrateStartInputSchema),
    () => import('./migrate').then((m) => m.MigrateStatusSchema),
  ),
  'migrate.status': spec(noInput, () => import('./migrate').then((m) => m.MigrateStatusSchema)),
  'migrate.pause': spec(noInput, () => import('./migrate').then((m) => m.MigrateStatusSchema)),
  'migrate.finish': spec(
    () => import('./migrate').then((m) => m.MigrateFinishInputSchema),
    () => import('./migrate').then((m) => m.MigrateStatusSchema),
  ),
  'stack.move.check': spec(
    () => import('./stack-move').then((m) => m.StackMoveCheckInputSchema),
    () => import('./stack-move').then((m) => m.StackMoveCheckSchema),
  ),
  'stack.move.run': spec(
    () => import('./stack-move').then((m) => m.StackMoveRunInputSchema),
    () => import('./stack-move').then((m) => m.StackMoveStatusSchema),
  ),
  'stack.move.resume': spec(
    () => import('./operation').then((m) => m.OperationInputSchema),
    () => import('./stack-move').then((m) => m.StackMoveStatusSchema),
  ),
  'stack.move.status': spec(noInput, () => import('./stack-move').then((m) => m.StackMoveStatusSchema)),
  'stack.move.removeSource': spec(
    () => import('./stack-move').then((m) => m.StackMoveRemoveInputSchema),
    () => import('./stack-move').then((m) => m.StackMoveStatusSchema),
  ),
  'wiring.plan': spec(noInput, () => import('./wiring').then((m) => m.WiringPlanSchema)),
  'wiring.apply': spec(
    () => import('./wiring').then((m) => m.WiringApplyInputSchema),
    () => import('./wiring').then((m) => m.WiringApplyResultSchema),
  ),
  'links.test': spec(noInput, () => import('./wiring').then((m) => m.LinksTableSchema)),
  'chain.check': spec(noInput, () => import('./chain').then((m) => m.ChainCheckResultSchema)),
  'indexers.definitions': spec(
    () => import('./arr-config').then((m) => m.IndexerDefinitionsInputSchema),
    () => import('./arr-config').then((m) => m.IndexerDefinitionsSchema),
  ),
  'indexers.list': spec(noInput, () => import('./arr-config').then((m) => m.IndexerListSchema)),
  'indexers.add': spec(
    () => import('./arr-config').then((m) => m.IndexerAddInputSchema),
    () => import('./arr-config').then((m) => m.IndexerAddResultSchema),
  ),
  'arrConfig.adopt': spec(
    () => import('./arr-config').then((m) => m.ArrConfigAdoptInputSchema),
    () => import('./arr-config').then((m) => m.ArrConfigAdoptResultSchema),
  ),
  'plex.signin.start': spec(noInput, () => import('./plex-signin').then((m) => m.PlexSignInStartSchema)),
  'plex.signin.poll': spec(
    () => import('./plex-signin').then((m) => m.PlexSignInPollInputSchema),
    () => import('./plex-signin').then((m) => m.PlexSignInPollSchema),
  ),
  'plex.account': spec(noInput, () => import('./plex-signin').then((m) => m.PlexAccountStatusSchema)),
  'diagnostics.export': spec(
    () => import('./diagnostics').then((m) => m.DiagnosticsExportInputSchema),
    () => import('./diagnostics').then((m) => m.DiagnosticsExportSchema),
  ),
  'state.setAside': spec(
    () => import('./state-files').then((m) => m.SetAsideInputSchema),
    () => import('./state-files').then((m) => m.SetAsideResultSchema),
  ),
  'install.restorePrevious': spec(noInput, () => import('./state-files').then((m) => m.RestorePreviousResultSchema)),
  'diagnostics.openFolder': spec(noInput, () => import('./diagnostics').then((m) => m.DiagnosticsFolderSchema)),
  'stack.webPorts': spec(noInput, () => import('./diagnostics').then((m) => m.WebPortsSchema)),
  'logins.list': spec(noInput, () => import('./logins').then((m) => m.LoginsSchema)),
  'logins.reveal': spec(
    () => import('./logins').then((m) => m.LoginRevealInputSchema),
    () => import('./logins').then((m) => m.LoginRevealSchema),
  ),
  'host.dockerDesktop.start': spec(
    () => import('./host-fix').then((m) => m.DockerDesktopStartInputSchema),
    () => import('./host-fix').then((m) => m.DockerDesktopStartResultSchema),
  ),
  'host.dockerDesktop.autoStart': spec(noInput, () => import('./host-fix').then((m) => m.DockerAutoStartResultSchema)),
  'host.wsl.memory': spec(
    () => import('./host-fix').then((m) => m.WslMemoryInputSchema),
    () => import('./host-fix').then((m) => m.WslMemoryResultSchema),
  ),
  'host.wsl.shutdown': spec(noInput, () => import('./host-fix').then((m) => m.WslShutdownResultSchema)),
  'tdarr.nodeBundle': spec(
    () => import('./tdarr').then((m) => m.TdarrNodeBundleInputSchema),
    () => import('./tdarr').then((m) => m.TdarrNodeBundleSchema),
  ),
  'tdarr.nodes': spec(noInput, () => import('./tdarr').then((m) => m.TdarrNodesSchema)),
};

/** The channel names without building a schema (calls.ts has the same list, built with the map). */
export const channels = Object.keys(callSpecs) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(callSpecs, name);
}
