// The typed error of a compose run: which verb, which arguments, what it printed — with every secret value redacted.
import type { UpsError } from '../../contract';

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

/** Maps what compose printed to an error with a fix a user can follow. */
export function classifyComposeFailure(verb: string, output: string): Pick<UpsError, 'code' | 'fix'> {
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
