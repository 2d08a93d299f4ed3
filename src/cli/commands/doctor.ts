// `ups doctor [--json]`: every applicable environment check plus the stack's health; exit 1 when one fails.
import type { RegisterCommand } from '../cli-context';
import { EXIT_FAILED, EXIT_OK } from '../exit-codes';
import { renderEnvCheck } from '../render';

export const registerDoctor: RegisterCommand = (program, ctx) => {
  program
    .command('doctor')
    .description(
      'Check Docker, Compose, the credential vault, disk, ports, WSL/Docker Desktop (Windows) and the stack; exits 1 when a check fails.',
    )
    .option('--json', 'print the env.check answer (with the stack check added) as JSON')
    .action(async (o: { json?: boolean }) => {
      const result = await (await ctx.deps.app()).call('env.check', { stack: true });
      const fine = ctx.print(result, !!o.json, renderEnvCheck);
      ctx.setExitCode(fine && result.ok && result.value.overall !== 'fail' ? EXIT_OK : EXIT_FAILED);
    });
};
