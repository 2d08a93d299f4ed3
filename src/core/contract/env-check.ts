// env.check: environment probes as data (docs/decisions.md D11), plus the facts the wizard shows.
import * as z from 'zod';
import { FixActionSchema } from './fix-action';

/** `waiting`: not judged yet because a check it depends on failed (fix that one first; docs/decisions.md D11). */
export const CheckStateSchema = z.enum(['ok', 'warn', 'fail', 'waiting', 'not-applicable']);
export type CheckState = z.infer<typeof CheckStateSchema>;

/**
 * A fix is either an action the door performs (plain-language text + the action: a button in the app, the command
 * line in the CLI), or exact steps (and maybe a command of another tool, e.g. wsl.exe) the user can copy.
 */
export const FixSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('action'), text: z.string(), action: FixActionSchema }),
  z.object({
    kind: z.literal('steps'),
    text: z.string(),
    command: z.string().optional(),
    /** Where to download what the step installs, or read how to do it (an https page of the vendor). */
    link: z.object({ label: z.string(), url: z.url({ protocol: /^https$/ }) }).optional(),
  }),
]);
export type Fix = z.infer<typeof FixSchema>;

export const CheckResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  state: CheckStateSchema,
  detail: z.string(),
  fixes: z.array(FixSchema),
  /** With state `waiting`: the id of the earlier check that must pass first. */
  waitingOn: z.string().optional(),
});
export type CheckResult = z.infer<typeof CheckResultSchema>;

export const DockerFactsSchema = z.object({
  reachable: z.boolean(),
  endpoint: z.string(),
  /** The engine in plain words ("Docker on nas.lan (TLS)"). */
  name: z.string().optional(),
  version: z.string().optional(),
  apiVersion: z.string().optional(),
  osType: z.string().optional(),
});
export type DockerFacts = z.infer<typeof DockerFactsSchema>;

export const ComposeFactsSchema = z.object({
  available: z.boolean(),
  variant: z.enum(['v2', 'v1']).optional(),
  version: z.string().optional(),
  command: z.array(z.string()).optional(),
});
export type ComposeFacts = z.infer<typeof ComposeFactsSchema>;

export const VaultFactsSchema = z.object({
  usable: z.boolean(),
  backend: z.string(),
  reason: z.string().optional(),
  /** Why it is unusable, as a code the UI can key on: absent, no-keyring, locked, timeout, module, error. */
  problem: z.enum(['absent', 'no-keyring', 'locked', 'timeout', 'module', 'error']).optional(),
});
export type VaultFacts = z.infer<typeof VaultFactsSchema>;

/** env.check's input: `stack: true` adds the stack's live health as one more check. */
export const EnvCheckInputSchema = z.object({ stack: z.boolean().optional() }).strict();

export const EnvCheckSchema = z.object({
  checkedAt: z.string(),
  overall: z.enum(['ok', 'warn', 'fail']),
  checks: z.array(CheckResultSchema),
  docker: DockerFactsSchema,
  compose: ComposeFactsSchema,
  vault: VaultFactsSchema,
});
export type EnvCheck = z.infer<typeof EnvCheckSchema>;
