// Runs one compose verb (docs/decisions.md D8): v2 `docker compose` or v1 `docker-compose`, always `-p <project> -f <file>`,
// secrets only in the child's environment, output streamed line by line, failures as a redacted ComposeError.
import { execa, type ResultPromise } from 'execa';
import { dirname } from 'node:path';
import type { ComposeFacts } from '../../contract';
import { classifyComposeFailure, ComposeError, redact, tail } from './compose-error';
import { inheritedHostEnv } from './host-env';
import { jsonOutputAsText } from './json-progress';

export { inheritedHostEnv } from './host-env';

export interface ComposeTarget {
  /** The detected compose (`command` is `['docker','compose']` or `['docker-compose']`). */
  compose: ComposeFacts & { command: string[] };
  /** `ups` in production; each test run uses its own. */
  project: string;
  /** The install root's compose file (absolute). */
  file: string;
  /** UPS_… variables from the vault: only ever in the child environment, and redacted from anything we report. */
  secretEnv: Record<string, string>;
  /** The host variables compose needs to find the engine and run (see inheritedHostEnv), picked by the composition. */
  hostEnv: Record<string, string>;
  /** Non-secret extra variables (e.g. DOCKER_HOST for a test engine). */
  env?: Record<string, string>;
}

export interface RunOptions {
  onLine?: (line: string) => void;
  timeoutMs?: number;
  /** Exit codes that mean success for this verb (default [0]). */
  okExitCodes?: number[];
  /** Keep the whole output for the result (default true); a long-lived follow passes false so memory stays flat. */
  buffer?: boolean;
  /** Global flags placed before the verb (`--progress json`, which only the detected version may get). */
  globalArgs?: string[];
}

export interface ComposeResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export function composeArgv(
  target: ComposeTarget,
  verb: string,
  args: string[],
  globalArgs: string[] = [],
): { file: string; argv: string[] } {
  const [file, ...pre] = target.compose.command as [string, ...string[]];
  // `--ansi never` exists in v2 and in v1 ≥ 1.28: plain lines the progress parser can read.
  return {
    file,
    argv: [...pre, '--ansi', 'never', ...globalArgs, '-p', target.project, '-f', target.file, verb, ...args],
  };
}

/** The variables that pick an engine: when the target names its engine (DOCKER_HOST), inherited ones must not mix in. */
const ENGINE_VARS = ['DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_CERT_PATH', 'DOCKER_TLS_VERIFY', 'DOCKER_TLS'];

export function childEnv(target: ComposeTarget): Record<string, string> {
  const inherited = inheritedHostEnv(target.hostEnv);
  if (target.env?.DOCKER_HOST) for (const k of ENGINE_VARS) delete inherited[k];
  return { ...inherited, ...target.env, ...target.secretEnv };
}

export function secretValues(target: ComposeTarget): string[] {
  return Object.values(target.secretEnv);
}

/** Starts compose and returns the live process (for `logs --follow`); the caller owns stopping it. */
export function spawnCompose(target: ComposeTarget, verb: string, args: string[], opts: RunOptions = {}): ResultPromise {
  const { file, argv } = composeArgv(target, verb, args, opts.globalArgs);
  // cwd = the install root: compose reads the stack's .env from the project directory.
  const child = execa(file, argv, { env: childEnv(target), extendEnv: false, cwd: dirname(target.file), reject: false, stdin: 'ignore', timeout: opts.timeoutMs, maxBuffer: 64 * 1024 * 1024, buffer: opts.buffer ?? true });
  if (opts.onLine) {
    const secrets = secretValues(target);
    const onLine = opts.onLine;
    for (const stream of [child.stdout, child.stderr]) {
      let buf = '';
      stream?.on('data', (b: Buffer) => {
        buf += b.toString('utf8');
        const lines = buf.split(/\r?\n|\r/);
        buf = lines.pop() ?? '';
        for (const l of lines) if (l.trim()) onLine(redact(l, secrets));
      });
      stream?.on('end', () => buf.trim() && onLine(redact(buf, secrets)));
    }
  }
  return child;
}

export async function runCompose(target: ComposeTarget, verb: string, args: string[], opts: RunOptions = {}): Promise<ComposeResult> {
  const child = spawnCompose(target, verb, args, opts);
  const r = await child;
  const secrets = secretValues(target);
  const stdout = redact(String(r.stdout ?? ''), secrets);
  const stderr = redact(String(r.stderr ?? ''), secrets);
  const exitCode = r.exitCode ?? -1;
  if (!(opts.okExitCodes ?? [0]).includes(exitCode)) {
    // In `--progress json` mode the failure and its warnings are JSON lines: read as text for the message and the fix.
    const printed = `${stdout}\n${stderr}`.trim();
    const output = tail(opts.globalArgs?.includes('json') ? jsonOutputAsText(printed) : printed);
    const safeArgs = args.map((a) => redact(a, secrets));
    const why = r.timedOut ? `timed out after ${opts.timeoutMs} ms` : r.failed && r.exitCode === undefined ? `could not start (${redact(r.shortMessage ?? '', secrets)})` : `exited with ${exitCode}`;
    const { code, fix, action } = r.exitCode === undefined && !r.timedOut
      ? { code: 'COMPOSE_MISSING' as const, fix: 'Install Docker Desktop (it ships Compose v2) or the docker-compose package.', action: undefined }
      : classifyComposeFailure(verb, output);
    const message = `compose ${verb}${safeArgs.length ? ` ${safeArgs.join(' ')}` : ''} ${why}: ${output.split('\n').slice(-3).join(' | ')}`;
    throw new ComposeError(verb, safeArgs, r.exitCode, output, { code, message, fix, ...(action ? { action } : {}) });
  }
  return { exitCode, stdout, stderr };
}
