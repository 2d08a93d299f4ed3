// `ups status [--json] [--watch]`: the stack's containers, their health and the VPN watch's verdict.
import { EXIT_FAILED, EXIT_OK } from '../exit-codes';
import type { RegisterCommand } from '../cli-context';
import { renderStatus } from '../render';
import { renderVpnLine, watchStatus } from './status-watch';

export const registerStatus: RegisterCommand = (program, ctx) => {
  program
    .command('status')
    .description('Show the containers of the stack, their health and the VPN verdict.')
    .option('--json', 'print the stack.status answer as JSON (one line per change with --watch)')
    .option('--watch', 'keep printing the status on every change until Ctrl+C (pushed by the engine, not polled)')
    .action(async (o: { json?: boolean; watch?: boolean }) => {
      const withVpn = (s: Parameters<typeof renderStatus>[0]) =>
        [renderStatus(s), renderVpnLine(s)].filter(Boolean).join('\n');
      if (o.watch) {
        const stop = new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        await watchStatus(ctx, !!o.json, renderStatus, stop);
        ctx.setExitCode(EXIT_OK);
        return;
      }
      ctx.setExitCode(
        ctx.print(await (await ctx.deps.app()).call('stack.status'), !!o.json, withVpn) ? EXIT_OK : EXIT_FAILED,
      );
    });
};
