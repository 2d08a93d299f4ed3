// Changing an installed stack's time zone and host ports: merge into stack.yml, validate the whole config (port
// conflicts, IANA zone — errors name `timeZone` or `ports.<name>`), regenerate through the atomic install writer
// (previous files kept in .backups/), then let compose recreate exactly the services whose config changed.
import type { StackConfig, StackSettings, StackSettingsUpdateResult } from '../contract';
import { enabledPorts, UpsFailure } from '../contract';
import { composeUp } from '../engine/compose/up';
import { resolveTarget, type TargetDeps } from '../engine/compose/compose-target';
import { readInstalledStack } from '../wiring/engine/stack-wiring-source';
import { loadCatalog } from './catalog';
import type { StackVault } from './stack-secrets';
import { firstOfErrors } from './stack-handlers';
import { writeStack } from './write-stack';

export type StackSettingsDeps = TargetDeps & { vault: TargetDeps['vault'] & StackVault };

const notInstalled = () => new UpsFailure({ code: 'NOT_FOUND', message: 'No stack is installed yet, so there are no stack settings to change.', fix: 'Run the setup wizard (or `ups init`) first.' });

export function settingsOf(cfg: StackConfig): StackSettings {
  return { installRoot: cfg.installRoot, timeZone: cfg.timeZone, ports: { ...cfg.ports }, enabledPorts: enabledPorts(cfg) };
}

export function createStackSettingsHandlers(deps: StackSettingsDeps) {
  return {
    'stack.settings.get': async (): Promise<StackSettings> => {
      const cfg = await readInstalledStack(deps.installRoot);
      if (!cfg) throw notInstalled();
      return settingsOf(cfg);
    },
    'stack.settings.update': async (input: { timeZone?: string; ports?: Record<string, unknown>; apply: boolean }): Promise<StackSettingsUpdateResult> => {
      const cfg = await readInstalledStack(deps.installRoot);
      if (!cfg) throw notInstalled();
      const next = { ...cfg, ...(input.timeZone !== undefined ? { timeZone: input.timeZone } : {}), ports: { ...cfg.ports, ...input.ports } };
      // writeStack validates everything first and writes nothing when anything is wrong.
      const w = await writeStack(next, { catalog: await loadCatalog(), vault: deps.vault });
      if (!w.ok) throw firstOfErrors(w.errors);
      const changed = w.report.written.length > 0;
      if (changed && input.apply) await composeUp(await resolveTarget(deps), []);
      return { settings: settingsOf(w.config), written: w.report.written, backup: w.report.backup ?? null, applied: changed && input.apply };
    },
  };
}
