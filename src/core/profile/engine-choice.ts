// The engine the user chose in the app (today: the one a stack move went to), kept in the per-user profile as
// engine.json so every door follows the stack to its new engine after a restart. It is the "explicit setting" of
// engine/docker-endpoint.ts resolveEngine: it wins over DOCKER_HOST and the current Docker context; the UPS_DOCKER_*
// switches still win over it. No secret lives here: TLS material stays in its folder, SSH keys in the user's agent.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { writeFileAtomic } from '../fs/atomic-write';

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

/**
 * Read once by the composition, synchronously like the Docker context store. A file that cannot be understood is
 * named in the error, never ignored: following the wrong engine would show the user a stack that is not theirs.
 */
export function readEngineChoice(configDir: string): EngineChoice | undefined {
  const file = engineChoiceFile(configDir);
  if (!existsSync(file)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file} is not valid JSON (${(err as Error).message}); fix or remove it.`);
  }
  const parsed = EngineChoiceSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(`${file} is not an engine choice (${parsed.error.issues[0]?.message}); fix or remove it.`);
  return parsed.data;
}

export async function writeEngineChoice(configDir: string, choice: EngineChoice): Promise<void> {
  await writeFileAtomic(engineChoiceFile(configDir), `${JSON.stringify(choice, null, 2)}\n`, { mode: 0o600 });
}
