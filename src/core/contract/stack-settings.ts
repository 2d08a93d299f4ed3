// stack.settings.*: the installed stack's settings a user may change after install (time zone, host ports, LAN access).
import * as z from 'zod';
import { defaultPorts, type PortName } from './stack-config';
import { UsenetServerSchema } from './usenet';
import { TdarrConfigSchema } from './tdarr';

const PortsSchema = z.object(
  Object.fromEntries(Object.keys(defaultPorts).map((k) => [k, z.number().int()])) as { [K in PortName]: z.ZodNumber },
);

export const StackSettingsSchema = z.object({
  installRoot: z.string(),
  timeZone: z.string(),
  ports: PortsSchema,
  /** Web UIs published on every interface (true) or on 127.0.0.1 only (docs/decisions.md D17). */
  lanAccess: z.boolean(),
  /** Only the ports this stack publishes (the others are kept but unused). */
  enabledPorts: z.array(z.string()),
  /** NZBGet's news server without its password (vault: nzbget.server.password); absent when none is set. */
  usenet: UsenetServerSchema.optional(),
  /** Whether Tdarr is part of the stack, and its internal node (contract/tdarr.ts); tdarr absent = Tdarr's defaults. */
  tdarrEnabled: z.boolean().optional(),
  tdarr: TdarrConfigSchema.optional(),
});
export type StackSettings = z.infer<typeof StackSettingsSchema>;

/** Partial on purpose: what is not named keeps its value. Values are validated as part of the whole StackConfig. */
export const StackSettingsUpdateInputSchema = z
  .object({
    timeZone: z.string().optional(),
    ports: z.record(z.string(), z.unknown()).optional(),
    lanAccess: z.boolean().optional(),
    /** The news server (validated by StackConfig's rules); null removes it. Wiring then writes it into NZBGet. */
    usenet: z.unknown().optional(),
    /** Tdarr's internal node on/off and worker counts (validated by StackConfig's rules); null returns to the defaults. */
    tdarr: z.unknown().optional(),
    /** Recreate the services whose settings changed (compose up -d); false only writes the files. */
    apply: z.boolean().default(true),
  })
  .strict();

export const StackSettingsUpdateResultSchema = z.object({
  settings: StackSettingsSchema,
  written: z.array(z.string()),
  backup: z.string().nullable(),
  applied: z.boolean(),
});
export type StackSettingsUpdateResult = z.infer<typeof StackSettingsUpdateResultSchema>;

/** The same change, asked before it is made: which services saving it would restart (the confirm names them). */
export const StackSettingsPlanInputSchema = StackSettingsUpdateInputSchema.omit({ apply: true });

export const StackSettingsPlanSchema = z.object({
  /** Service ids whose container compose would recreate, in compose order; empty when nothing changes. */
  restart: z.array(z.string()),
  /** How many services the stack runs: restart.length === total means every app restarts. */
  total: z.number().int().nonnegative(),
});
export type StackSettingsPlan = z.infer<typeof StackSettingsPlanSchema>;
