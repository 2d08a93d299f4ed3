// `ups logs SERVICE [--tail N] [--follow]`: the last lines a service printed (secrets redacted), or a live tail.
import type { CliContext, RegisterCommand } from '../cli-context';
import { EXIT_FAILED, EXIT_OK } from '../exit-codes';
import { finish } from './engine-command';
import { parseServiceName, parseTail } from '../flags';

async function followService(ctx: CliContext, service: string, tail: number, json: boolean): Promise<void> {
  const app = await ctx.deps.app();
  let streamId: string | undefined;
  let ended!: () => void;
  const done = new Promise<void>((resolve) => (ended = resolve));
  const early: { line?: string; ended?: boolean }[] = [];
  const show = (e: { line?: string; ended?: boolean }) => {
    if (e.ended) return ended();
    if (e.line !== undefined) ctx.deps.io.out(json ? JSON.stringify({ service, line: e.line }) : e.line);
  };
  // Subscribe before asking, so no line is lost between the answer and the subscription.
  const off = app.subscribe((e) => {
    if (e.type !== 'log') return;
    if (streamId === undefined) early.push(e);
    else if (e.streamId === streamId) show(e);
  });
  try {
    const env = await app.call('stack.logs.follow', { service, tail });
    if (!env.ok) {
      ctx.print(env, json, () => '');
      ctx.setExitCode(EXIT_FAILED);
      return;
    }
    streamId = env.value.streamId;
    for (const e of early.splice(0)) if ((e as { streamId?: string }).streamId === streamId) show(e);
    const interrupted = new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await Promise.race([done, interrupted.then(() => app.call('stack.logs.unfollow', { streamId: streamId! }))]);
    ctx.setExitCode(EXIT_OK);
  } finally {
    off();
  }
}

export const registerLogs: RegisterCommand = (program, ctx) => {
  program
    .command('logs')
    .description('Show the last lines a service printed; --follow keeps printing new lines until Ctrl+C.')
    .argument('<service>', 'the service, as `ups status` lists it', parseServiceName)
    .option('--tail <n>', 'how many lines (1 to 10000)', parseTail, 200)
    .option('-f, --follow', 'keep printing new lines as the service writes them')
    .option('--json', 'print the answer as JSON (one object per line with --follow)')
    .action(async (service: string, o: { tail: number; follow?: boolean; json?: boolean }) => {
      if (o.follow) return followService(ctx, service, o.tail, !!o.json);
      const env = await (await ctx.deps.app()).call('stack.logs', { service, tail: o.tail });
      finish(ctx, env, !!o.json, (v) => v.text.trimEnd() || `(${v.service} printed nothing)`);
    });
};
