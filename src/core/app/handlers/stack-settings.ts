// Use cases of the installed stack's settings: merge the change into stack.yml, validate the whole config (port
// conflicts, IANA zone: errors name `timeZone` or `ports.<name>`), regenerate through the atomic install writer
// (previous files kept in .backups/), then let compose recreate exactly the services whose config changed.
import {
  selectedServices,
  type StackSettings,
  type StackSettingsPlan,
  type StackSettingsUpdateResult,
} from '../../contract';
import { validateStackConfig } from '../../install/validate-config';
import { notInstalled } from '../../install/not-installed';
import { resolveTarget } from '../../engine/compose/compose-target';
import { composeUp } from '../../engine/compose/up';
import { ensureDataFolders } from '../../stack/data-folders';
import { loadCatalog } from '../../stack/catalog';
import { settingsOf, withSettings } from '../../stack/stack-settings';
import { servicesToRestart } from '../../stack/settings-restart';
import { writeStack } from '../../stack/write-stack';
import { installedStackOf } from '../../wiring/wiring-source';
import type { AppContext, HandlerGroup } from '../app-context';
import { firstOfErrors } from './stack';

export function stackSettingsHandlers({ deps }: AppContext): HandlerGroup {
  const installed = async () =>
    (await installedStackOf(deps.installRoot)) ??
    Promise.reject(notInstalled('so there are no stack settings to change'));
  return {
    'stack.settings.get': async (): Promise<StackSettings> => settingsOf(await installed()),
    // Nothing is written: the same merge and validation as update, then which services compose would recreate.
    'stack.settings.plan': async (input): Promise<StackSettingsPlan> => {
      const current = await installed();
      const valid = validateStackConfig(withSettings(current, input));
      if (!valid.ok) throw firstOfErrors(valid.errors);
      const catalog = await loadCatalog(deps.catalogDir);
      return {
        restart: servicesToRestart(current, valid.value, catalog, deps.endpoint.serviceHost),
        total: selectedServices(valid.value).length,
      };
    },
    'stack.settings.update': async (input): Promise<StackSettingsUpdateResult> => {
      const current = await installed();
      const next = withSettings(current, input);
      const catalog = await loadCatalog(deps.catalogDir);
      // Before anything is written: the regenerated compose.yaml may mount a data folder an older install (or a NAS
      // moved with Tdarr off) lacks, Tdarr's cache (docs/decisions.md D34). Made only when compose will recreate
      // something, and first, so a folder that cannot be made stops the change with nothing half-applied and saving
      // again retries it. An invalid change is left to writeStack, which names the field.
      const valid = input.apply ? validateStackConfig(next) : null;
      if (valid?.ok && servicesToRestart(current, valid.value, catalog, deps.endpoint.serviceHost).length > 0)
        await ensureDataFolders(deps.endpoint.docker, valid.value, deps.vault);
      // writeStack validates everything first and writes nothing when anything is wrong.
      const w = await writeStack(next, {
        catalog,
        publishHost: deps.endpoint.serviceHost,
        vault: deps.vault,
      });
      if (!w.ok) throw firstOfErrors(w.errors);
      const changed = w.report.written.length > 0;
      if (changed && input.apply)
        await composeUp(
          await resolveTarget({ ...deps, composeEnv: deps.engine.composeEnv, hostEnv: deps.engine.hostEnv }),
          [],
        );
      return {
        settings: settingsOf(w.config),
        written: w.report.written,
        backup: w.report.backup ?? null,
        applied: changed && input.apply,
      };
    },
  };
}
