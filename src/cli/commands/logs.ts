// `ups logs SERVICE [--tail N]`: the last lines a service printed (secrets redacted).
import type { RegisterCommand } from '../cli-context';
import { finish } from './engine-command';

export const registerLogs: RegisterCommand = (program, ctx) => {
  program
    .command('logs <service>')
    .description('Show the last lines a service printed.')
    .option('--tail <n>', 'how many lines', '200')
    .option('--json', 'print the answer as JSON')
    .action(async (service: string, o: { tail: string; json?: boolean }) => {
      const env = await ctx.deps.app().call('stack.logs', { service, tail: Number(o.tail) });
      finish(ctx, env, !!o.json, (v) => v.text.trimEnd() || `(${v.service} printed nothing)`);
    });
};
