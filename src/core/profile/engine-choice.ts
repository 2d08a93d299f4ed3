// The engine the user chose in the app (today: the one a stack move went to), kept in the per-user profile as
// engine.json so every door follows the stack to its new engine after a restart. It is the "explicit setting" of
// engine/docker-endpoint.ts resolveEngine: it wins over DOCKER_HOST and the current Docker context; the UPS_DOCKER_*
// switches still win over it. No secret lives here: TLS material stays in its folder, SSH keys in the user's agent.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import type { UpsFailure } from '../contract/envelope';
import type { FixAction } from '../contract/fix-action';
import { writeFileAtomic } from '../fs/atomic-write';
import { damagedFile, parseJsonState, unreadableFile } from '../fs/read-state-file';

export const ENGINE_CHOICE_FILE = 'engine.json';

export const EngineChoiceSchema = z
  .object({
    context: z.string().min(1).optional(),
    host: z.string().min(1).optional(),
    tlsVerify: z.boolean().optional(),
    certPath: z.string().min(1).optional(),
  })
  .strict();
export type EngineChoice = z.infer<typeof EngineChoiceSchema>;

export const engineChoiceFile = (configDir: string): string => join(configDir, ENGINE_CHOICE_FILE);

/** What reading engine.json found: the choice (undefined when there is none), or the file's damage as an error. */
export type EngineChoiceRead = { ok: true; choice: EngineChoice | undefined } | { ok: false; error: UpsFailure };

const WHAT = 'The record of the Docker engine the stack was moved to';
const FIX =
  'Set the damaged file aside (it is kept, renamed): the app then uses the engine DOCKER_HOST or the current Docker ' +
  'context names. If the stack was moved to another engine, point DOCKER_HOST or the Docker context at that engine.';
const ACTION: FixAction = {
  action: 'file.setAside',
  input: { file: 'engineChoice' },
  label: 'Set the damaged file aside',
};

/**
 * Synchronous like the Docker context store, and never throws: a file that cannot be understood is an answer (the
 * same damaged-file error as every other file the app reads back, docs/decisions.md D30), never ignored. Following
 * the wrong engine would show the user a stack that is not theirs, so the caller refuses the engine with it.
 */
export function readEngineChoice(configDir: string): EngineChoiceRead {
  const file = engineChoiceFile(configDir);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, choice: undefined };
    return { ok: false, error: unreadableFile(file, WHAT, FIX, err, ACTION) };
  }
  const r = parseJsonState(text, EngineChoiceSchema);
  if (r.ok) return { ok: true, choice: r.value };
  return { ok: false, error: damagedFile(file, WHAT, r.message, FIX, r.where, ACTION) };
}

export async function writeEngineChoice(configDir: string, choice: EngineChoice): Promise<void> {
  await writeFileAtomic(engineChoiceFile(configDir), `${JSON.stringify(choice, null, 2)}\n`, { mode: 0o600 });
}
