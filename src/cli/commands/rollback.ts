// `ups rollback`: return to the images recorded before the last applied update.
import type { RegisterCommand } from '../cli-context';
import { finish, runWithProgress } from './engine-command';
import { renderUpdateRecord } from './update';

export const registerRollback: RegisterCommand = (program, ctx) => {
  program
    .command('rollback')
    .description('Return every service to the image it ran before the last applied update.')
    .option('--json', 'print the answer as JSON')
    .action(async (o: { json?: boolean }) => {
      const env = await runWithProgress(ctx, 'update.rollback', {}, !!o.json);
      finish(ctx, env, !!o.json, renderUpdateRecord, (r) => r.outcome !== 'failed');
    });
};
