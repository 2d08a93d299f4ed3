// An installed stack's user-changeable settings (time zone, host ports, LAN access): what the settings screen shows, and the
// merge of a change into the config (the use case in app/handlers/stack-settings.ts validates and writes it).
import type { StackConfig, StackSettings } from '../contract';
import { enabledPorts } from '../contract';

export function settingsOf(cfg: StackConfig): StackSettings {
  return {
    installRoot: cfg.installRoot,
    timeZone: cfg.timeZone,
    ports: { ...cfg.ports },
    lanAccess: cfg.lanAccess,
    enabledPorts: enabledPorts(cfg),
    ...(cfg.usenet ? { usenet: cfg.usenet } : {}),
    tdarrEnabled: cfg.services.tdarr,
    ...(cfg.tdarr ? { tdarr: cfg.tdarr } : {}),
  };
}

/** The installed config with the user's changes merged in (validated later by the stack writer). */
export function withSettings(
  cfg: StackConfig,
  input: { timeZone?: string; ports?: Record<string, unknown>; lanAccess?: boolean; usenet?: unknown; tdarr?: unknown },
): unknown {
  const { usenet, tdarr, ...rest } = cfg;
  return {
    ...rest,
    // Same rule for Tdarr's block: null returns to the defaults, absent keeps it.
    ...(input.tdarr === undefined ? (tdarr ? { tdarr } : {}) : input.tdarr === null ? {} : { tdarr: input.tdarr }),
    // null removes the news server; absent keeps it.
    ...(input.usenet === undefined
      ? usenet
        ? { usenet }
        : {}
      : input.usenet === null
        ? {}
        : { usenet: input.usenet }),
    ...(input.timeZone !== undefined ? { timeZone: input.timeZone } : {}),
    ...(input.lanAccess !== undefined ? { lanAccess: input.lanAccess } : {}),
    ports: { ...cfg.ports, ...input.ports },
  };
}
