// The typed error of a compose run: which verb, which arguments, what it printed — with every secret value redacted.
import type { UpsError } from '../../contract';
import { fixAction } from '../../contract/fix-action';
import { envVarFor, secretLabels, secretNames } from '../../contract/secret-names';

export class ComposeError extends Error {
  constructor(
    readonly verb: string,
    readonly args: string[],
    readonly exitCode: number | undefined,
    /** Combined stdout+stderr tail, already redacted. */
    readonly output: string,
    readonly upsError: UpsError,
  ) {
    super(upsError.message);
    this.name = 'ComposeError';
  }
}

/** Replaces every occurrence of each secret value (longest first, so overlapping values cannot leak a suffix). */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of [...secrets].filter((v) => v.length >= 3).sort((a, b) => b.length - a.length)) out = out.split(s).join('«redacted»');
  return out;
}

/** Keeps the end of long output: the reason for a failure is almost always in the last lines. */
export function tail(text: string, max = 4000): string {
  return text.length <= max ? text : `…${text.slice(text.length - max)}`;
}

/**
 * A `${UPS_…:?…}` value compose found empty (generate-compose writes that message): the vault had no value for it, or
 * could not be read (a locked Secret Service answers reads with nothing). Named by its label, with the setting button.
 */
function missingSecretFailure(output: string): Pick<UpsError, 'code' | 'fix' | 'action'> | null {
  const variable = /\b(UPS_[A-Z0-9_]+) is not set: start the stack/.exec(output)?.[1];
  const name = variable ? secretNames.find((n) => envVarFor(n) === variable) : undefined;
  if (!name) return null;
  return {
    code: 'NOT_FOUND',
    fix: `Unlock the system keyring if it is locked, or set ${secretLabels[name]} again, then retry.`,
    action: fixAction('secrets.set', { name }, `Set ${secretLabels[name]}`),
  };
}

/** Maps what compose printed to an error with a fix a user can follow. */
export function classifyComposeFailure(verb: string, output: string): Pick<UpsError, 'code' | 'fix' | 'action'> {
  const secret = missingSecretFailure(output);
  if (secret) return secret;
  if (/Cannot connect to the Docker daemon|Couldn't connect to Docker daemon|error during connect|Is the docker daemon running/i.test(output)) {
    return { code: 'ENGINE_UNREACHABLE', fix: 'Start Docker (Docker Desktop on Windows) and wait until the engine is running, then retry.' };
  }
  if (/no such service|No such service/i.test(output)) {
    return { code: 'NOT_FOUND', fix: 'Use a service name from the stack (the dashboard lists them).' };
  }
  if (/pull access denied|manifest unknown|not found: manifest|repository does not exist/i.test(output)) {
    return { code: 'NOT_FOUND', fix: 'Check the image name and tag in stack.yml, and that the registry is reachable.' };
  }
  return { code: 'INTERNAL', fix: `Read the output above and the service's own log, then ${verb} again once the cause is fixed.` };
}
