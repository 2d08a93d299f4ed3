// `ups doctor [--json]`: every applicable check; exit 1 when one fails.
import { EXIT_FAILED, EXIT_OK } from '../exit-codes';
import type { RegisterCommand } from '../cli-context';
import { renderEnvCheck } from '../render';

export const registerDoctor: RegisterCommand = (program, ctx) => {
  program
    .command('doctor')
    .description('Check Docker, Compose and the credential vault; exits 1 when a check fails.')
    .option('--json', 'print the env.check answer as JSON')
    .action(async (o: { json?: boolean }) => {
      const env = await ctx.deps.app().call('env.check');
      const fine = ctx.print(env, !!o.json, renderEnvCheck);
      ctx.setExitCode(fine && env.ok && env.value.overall !== 'fail' ? EXIT_OK : EXIT_FAILED);
    });
};
