// `ups repair …`: the fixes for the app's damaged files, the same calls the app's buttons make (docs/decisions.md D30):
// set a damaged file aside (renamed, never deleted) or put back the previous stack files from .backups.
import { Argument } from 'commander';
import type { SetAsideFile } from '../../core/contract';
import type { RegisterCommand } from '../cli-context';
import { EXIT_FAILED, EXIT_OK } from '../exit-codes';

/** The command-line names of the files `state.setAside` accepts (kebab-case, as users type them). */
export const setAsideNames: Record<SetAsideFile, string> = {
  vpnWatch: 'vpn-watch',
  updateHistory: 'update-history',
  plexClientId: 'plex-client-id',
  engineChoice: 'engine-choice',
};
const fileOf = Object.fromEntries(Object.entries(setAsideNames).map(([k, v]) => [v, k])) as Record<
  string,
  SetAsideFile
>;

export const registerRepair: RegisterCommand = (program, ctx) => {
  const repair = program.command('repair').description('Repair the app’s own files when one is damaged.');
  repair
    .command('set-aside')
    .description('Rename a damaged file aside (kept as <name>.corrupt-<time>) so the app starts a new one.')
    .addArgument(new Argument('<file>', 'the damaged file').choices(Object.values(setAsideNames)))
    .option('--json', 'print the answer as JSON')
    .action(async (name: string, o: { json?: boolean }) => {
      const env = await (await ctx.deps.app()).call('state.setAside', { file: fileOf[name]! });
      const ok = ctx.print(env, !!o.json, (r) =>
        r.movedTo
          ? `Set aside: the damaged file is kept as ${r.movedTo}.`
          : 'Nothing to set aside: the file is not there.',
      );
      ctx.setExitCode(ok ? EXIT_OK : EXIT_FAILED);
    });
  repair
    .command('restore-previous')
    .description('Put back the newest readable previous version of the stack files (stack.yml, compose.yaml, .env).')
    .option('--json', 'print the answer as JSON')
    .action(async (o: { json?: boolean }) => {
      const env = await (await ctx.deps.app()).call('install.restorePrevious', {});
      const ok = ctx.print(
        env,
        !!o.json,
        (r) =>
          `Restored the stack files from the backup ${r.restored}.` +
          (r.keptAs ? ` The files it replaced are kept in the backup ${r.keptAs}.` : ''),
      );
      ctx.setExitCode(ok ? EXIT_OK : EXIT_FAILED);
    });
};
