// `ups links [--json]`: tests every link between the services and prints the table (a fix under each failed row).
import { renderLinksTable } from '../../core/wiring/engine/link-tests';
import type { RegisterCommand } from '../cli-context';
import { EXIT_FAILED, EXIT_OK } from '../exit-codes';

export const registerLinks: RegisterCommand = (program, ctx) => {
  program
    .command('links')
    .description('Test every link between the services (their own test endpoints) and print the result table.')
    .option('--json', 'print the links.test answer as JSON')
    .action(async (o: { json?: boolean }) => {
      const env = await ctx.deps.app().call('links.test');
      const ok = ctx.print(env, !!o.json, renderLinksTable);
      ctx.setExitCode(ok && env.ok && env.value.ok ? EXIT_OK : EXIT_FAILED);
    });
};
