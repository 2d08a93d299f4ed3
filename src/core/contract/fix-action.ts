// Fixes a door can perform: a closed list of action ids, each with its validated input and a label. The desktop app
// renders an action as a button that does it; the CLI renders it as the exact command line (docs/decisions.md D15).
import * as z from 'zod';
import type { ErrorCode } from './envelope';
import { ServiceNameSchema } from './service-name';
import { SecretNameSchema } from './secret-names';
import { SetAsideFileSchema } from './state-files';
import { PortNameSchema } from './port-names';

const NoInput = z.object({}).strict();
const ServiceList = z.array(ServiceNameSchema).max(32);

const action = <A extends string, I extends z.ZodType>(id: A, input: I) =>
  z.object({ action: z.literal(id), input, label: z.string().min(1) }).strict();

/** One action per thing the user can be asked to do; the input carries what the door needs to do exactly that. */
export const FixActionSchema = z.discriminatedUnion('action', [
  /** Write the wiring between the apps again (creates what is missing, repairs what drifted). */
  action('wiring.apply', NoInput),
  /** Sign in to plex.tv again (it also claims a server that lost its owner). */
  action('plex.signin', NoInput),
  /** Set or replace one stored secret: the door asks for the value itself, it never travels in the action. */
  action('secrets.set', z.object({ name: SecretNameSchema }).strict()),
  /** Create (when missing or out of date with compose.yaml) and start the stack, or only the named services. */
  action('stack.up', z.object({ services: ServiceList.optional() }).strict()),
  /** Restart the named services (or the whole stack). */
  action('stack.restart', z.object({ services: ServiceList.optional() }).strict()),
  /** Go through setup again (it regenerates missing keys and passwords and rewrites the stack files). */
  action('setup.start', NoInput),
  /** Run the environment checks (with the stack's live health). */
  action('checks.run', NoInput),
  /** Choose the migration target and plan again. */
  action('migrate.plan', NoInput),
  /** Start the planned copy. */
  action('migrate.start', NoInput),
  /** Resume an interrupted or paused copy; finished files are not copied again. */
  action('migrate.resume', NoInput),
  /** Switch the stack to the verified copy (never deletes the local copy). */
  action('migrate.finish', NoInput),
  /** Rename a damaged app file aside (kept as <name>.corrupt-<time>) so a new one starts. */
  action('file.setAside', z.object({ file: SetAsideFileSchema }).strict()),
  /** Put back the newest readable previous version of the stack files from the install's .backups folder. */
  action('install.restorePrevious', NoInput),
  /** Give NZBGet a Usenet news server: the stack settings' news server part (the password goes to the vault). */
  action('settings.usenet', NoInput),
  // --- Windows host fixes: the checks offer these where they found the problem. ---
  /** Launch Docker Desktop from its install folder and wait for its engine. */
  action('docker.desktop.start', NoInput),
  /** Turn on Docker Desktop's "Start Docker Desktop when you sign in" setting. */
  action('docker.desktop.autostart', NoInput),
  /** Write `memory=<n>GB` under [wsl2] in %UserProfile%\.wslconfig, keeping the user's other settings. */
  action('wsl.memory.set', z.object({ memoryGb: z.number().int().min(2).max(1024) }).strict()),
  /** `wsl --shutdown`, so a new .wslconfig applies; it stops every running WSL distribution. */
  action('wsl.shutdown', NoInput),
  /** Publish a service on another host port (one outside Windows' excluded ranges), through the stack settings. */
  action(
    'stack.port.move',
    z
      .object({
        port: PortNameSchema,
        to: z.number().int().min(1).max(65535),
      })
      .strict(),
  ),
  // --- end of Windows host fixes ---
]);
export type FixAction = z.infer<typeof FixActionSchema>;
export type FixActionId = FixAction['action'];
export type FixActionInput<A extends FixActionId> = Extract<FixAction, { action: A }>['input'];

/**
 * The registry: every action the core can produce, with its default label and an example input. Doors key their
 * tables on it (a missing entry does not compile) and the fix-action tests walk it instead of a hand-kept list.
 */
export const fixActionRegistry: { [A in FixActionId]: { label: string; example: FixActionInput<A> } } = {
  'wiring.apply': { label: 'Repair the links', example: {} },
  'plex.signin': { label: 'Sign in to Plex again', example: {} },
  'secrets.set': { label: 'Set this secret', example: { name: 'qbittorrent.password' } },
  'stack.up': { label: 'Start the stack', example: { services: ['plex'] } },
  'stack.restart': { label: 'Restart', example: { services: ['radarr', 'sonarr'] } },
  'setup.start': { label: 'Start setup again', example: {} },
  'checks.run': { label: 'Run the checks', example: {} },
  'migrate.plan': { label: 'Choose the target again', example: {} },
  'migrate.start': { label: 'Start the copy', example: {} },
  'migrate.resume': { label: 'Resume the copy', example: {} },
  'migrate.finish': { label: 'Finish the migration', example: {} },
  'file.setAside': { label: 'Set the damaged file aside', example: { file: 'vpnWatch' } },
  'install.restorePrevious': { label: 'Restore the previous version', example: {} },
  'settings.usenet': { label: 'Add your news server', example: {} },
  // --- Windows host fixes ---
  'docker.desktop.start': { label: 'Start Docker Desktop', example: {} },
  'docker.desktop.autostart': { label: 'Start Docker Desktop when I sign in', example: {} },
  'wsl.memory.set': { label: 'Set the WSL memory limit', example: { memoryGb: 8 } },
  'wsl.shutdown': { label: 'Restart WSL now', example: {} },
  'stack.port.move': { label: 'Use a free port', example: { port: 'radarr', to: 7879 } },
  // --- end of Windows host fixes ---
};

/** The input of an action that needs none: `{}` (an object with no keys). */
type Empty = Record<never, never>;

export const fixActionIds = Object.keys(fixActionRegistry) as FixActionId[];

/** Builds an action for a fix; the label defaults to the registry's. Inputs are checked so a bad one fails loudly here. */
export function fixAction<A extends FixActionId>(
  id: A,
  ...rest: Empty extends FixActionInput<A>
    ? [input?: FixActionInput<A>, label?: string]
    : [input: FixActionInput<A>, label?: string]
): Extract<FixAction, { action: A }> {
  const [input, label] = rest;
  return FixActionSchema.parse({
    action: id,
    input: input ?? {},
    label: label ?? fixActionRegistry[id].label,
  }) as Extract<FixAction, { action: A }>;
}

/** Actions that need no input: only these can be offered without knowing what failed. */
type NoInputActionId = { [A in FixActionId]: Empty extends FixActionInput<A> ? A : never }[FixActionId];

/**
 * What an error of each code can offer when the code that raised it gave no action of its own: the dispatcher adds
 * it, so a screen never shows an engine, vault or internal failure without something to press. null: the message's
 * own fix (correct a field, sign in to this page) is the only way out and no door action would help.
 */
export const defaultActionFor: Record<ErrorCode, NoInputActionId | null> = {
  BAD_INPUT: null,
  UNKNOWN_CHANNEL: null,
  UNAUTHORIZED: null,
  FORBIDDEN: null,
  ENGINE_UNREACHABLE: 'checks.run',
  COMPOSE_MISSING: 'checks.run',
  VAULT_UNAVAILABLE: 'checks.run',
  NOT_FOUND: null,
  LIMIT_REACHED: null,
  INTERNAL: 'checks.run',
};

/** Gives an error the default action of its code when it carries none (the dispatcher runs every error through this). */
export function withDefaultAction<E extends { code: ErrorCode; action?: FixAction | undefined }>(error: E): E {
  const id = defaultActionFor[error.code];
  if (error.action || !id) return error;
  return { ...error, action: FixActionSchema.parse({ action: id, input: {}, label: fixActionRegistry[id].label }) };
}
