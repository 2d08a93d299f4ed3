// Shared by the engine commands (up, down, start, stop, restart, update, rollback): run one call while showing its
// progress pushes as a live line on stderr (stdout stays clean for --json), then print the answer.
import type { Command } from 'commander';
import type { CallInput, CallOutput, Channel, Envelope } from '../../core/contract';
import type { CliContext } from '../cli-context';
import { EXIT_FAILED, EXIT_OK } from '../exit-codes';
import { collectService } from '../flags';

export async function runWithProgress<C extends Channel>(
  ctx: CliContext,
  channel: C,
  input: CallInput<C>,
  json: boolean,
): Promise<Envelope<CallOutput<C>>> {
  const app = await ctx.deps.app();
  const tty = !json && !!process.stderr.isTTY;
  let last = '';
  const off = json
    ? () => undefined
    : app.subscribe((e) => {
        if (e.type !== 'progress') return;
        const line = `[${e.progress.current}/${e.progress.total}] ${e.progress.step}: ${e.progress.message}`;
        if (line === last) return;
        last = line;
        // One rewritten line on a terminal; plain lines when piped (a log keeps every step).
        if (tty) process.stderr.write(`\r\x1b[2K${line}`);
        else ctx.deps.io.err(line);
      });
  try {
    return await app.call(channel, input);
  } finally {
    off();
    if (tty && last) process.stderr.write('\n');
  }
}

export function finish<T>(
  ctx: CliContext,
  env: Envelope<T>,
  json: boolean,
  text: (v: T) => string,
  good: (v: T) => boolean = () => true,
): void {
  const printed = ctx.print(env, json, text);
  ctx.setExitCode(printed && env.ok && good(env.value) ? EXIT_OK : EXIT_FAILED);
}

/** `ups <verb> [service…] [--json]` for the lifecycle verbs. */
export function lifecycleCommand(
  program: Command,
  ctx: CliContext,
  verb: 'up' | 'start' | 'stop' | 'restart',
  description: string,
): void {
  program
    .command(verb)
    .description(description)
    .argument('[services...]', 'services as `ups status` lists them (default: the whole stack)', collectService)
    .option('--json', 'print the answer as JSON (progress is not printed)')
    .action(async (services: string[] | undefined, o: { json?: boolean }) => {
      const env = await runWithProgress(ctx, `stack.${verb}`, { services: services ?? [] }, !!o.json);
      finish(
        ctx,
        env,
        !!o.json,
        (v) => `${verb}: done${v.services.length ? ` (${v.services.join(', ')})` : ' (whole stack)'}`,
      );
    });
}
