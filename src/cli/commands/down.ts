// `ups down`: remove the stack's containers and network; named volumes (every app's settings) are kept.
import type { RegisterCommand } from '../cli-context';
import { finish, runWithProgress } from './engine-command';

export const registerDown: RegisterCommand = (program, ctx) => {
  program
    .command('down')
    .description("Remove the stack's containers and network; app settings (named volumes) are kept.")
    .option('--json', 'print the answer as JSON')
    .action(async (o: { json?: boolean }) => {
      finish(ctx, await runWithProgress(ctx, 'stack.down', {}, !!o.json), !!o.json, () => 'down: done (settings kept)');
    });
};
