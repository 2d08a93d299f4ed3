// `compose config` of the installed stack for a diagnostics bundle. Each stored secret's variable is set to the text
// [REDACTED] instead of its value, so the real values never even reach this child; unset ones stay unset, so compose
// still names a missing secret the way `up` would.
import { join } from 'node:path';
import { REDACTED } from '../log/redactor';
import type { ComposeFacts } from '../contract';
import { envVarFor, secretNames } from '../contract/secret-names';
import { runCompose } from '../engine/compose/compose-runner';
import { COMPOSE_FILE, composeCommand } from '../engine/compose/compose-target';
import type { SecretVault } from '../vault/secret-vault';

export interface ComposeConfigDeps {
  installRoot: string;
  project: string;
  detectCompose(): Promise<ComposeFacts>;
  vault: Pick<SecretVault, 'get'>;
  hostEnv: Record<string, string>;
  /** Non-secret variables every compose run of this app gets (test images, DOCKER_HOST). */
  env: Record<string, string>;
}

export async function composeConfigText(deps: ComposeConfigDeps): Promise<string> {
  const facts = await deps.detectCompose();
  const placeholders: Record<string, string> = {};
  for (const name of secretNames) if (await deps.vault.get(name)) placeholders[envVarFor(name)] = REDACTED;
  const r = await runCompose(
    {
      compose: { ...facts, command: composeCommand(facts) },
      project: deps.project,
      file: join(deps.installRoot, COMPOSE_FILE),
      secretEnv: placeholders,
      hostEnv: deps.hostEnv,
      env: deps.env,
    },
    'config',
    [],
    { timeoutMs: 30_000 },
  );
  return r.stdout;
}
