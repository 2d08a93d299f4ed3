// `ups status [--json]`: the stack's containers and their health.
import { EXIT_FAILED, EXIT_OK } from '../exit-codes';
import type { RegisterCommand } from '../cli-context';
import { renderStatus } from '../render';

export const registerStatus: RegisterCommand = (program, ctx) => {
  program
    .command('status')
    .description('Show the containers of the stack and their health.')
    .option('--json', 'print the stack.status answer as JSON')
    .action(async (o: { json?: boolean }) => {
      ctx.setExitCode(ctx.print(await ctx.deps.app().call('stack.status'), !!o.json, renderStatus) ? EXIT_OK : EXIT_FAILED);
    });
};
