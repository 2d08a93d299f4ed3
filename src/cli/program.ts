// The `ups` command tree: each command lives in commands/<name>.ts and is registered here.
import { Command, CommanderError } from 'commander';
import { createCliContext, type CliDeps, type RegisterCommand } from './cli-context';
import { registerConfig } from './commands/config';
import { registerDoctor } from './commands/doctor';
import { registerInit } from './commands/init';
import { registerMigrate } from './commands/migrate';
import { registerSecrets } from './commands/secrets';
import { registerServe } from './commands/serve';
import { registerStatus } from './commands/status';
import { registerApply } from './commands/apply';
import { registerLinks } from './commands/links';
import { registerPlan } from './commands/plan';
import { registerPlex } from './commands/plex';
import { registerDown } from './commands/down';
import { registerLogs } from './commands/logs';
import { registerRestart } from './commands/restart';
import { registerRollback } from './commands/rollback';
import { registerStart } from './commands/start';
import { registerStop } from './commands/stop';
import { registerUp } from './commands/up';
import { registerUpdate } from './commands/update';
import { registerVpn } from './commands/vpn';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './exit-codes';

export type { CliDeps, CliIo } from './cli-context';

/** Add new commands here, one module each. */
const commands: RegisterCommand[] = [registerDoctor, registerStatus, registerServe, registerSecrets, registerMigrate, registerInit, registerConfig, registerPlan, registerApply, registerLinks, registerPlex,
  registerUp, registerDown, registerStart, registerStop, registerRestart, registerLogs, registerUpdate, registerRollback, registerVpn];

export async function runCli(argv: string[], deps: CliDeps): Promise<number> {
  let code = EXIT_OK;
  // Point at the help of the command the user typed, when it is one of ours.
  const helpFor = () => (program.commands.some((c) => c.name() === argv[0]) ? `${argv[0]} ` : '');
  const program = new Command('ups')
    .description('Ultimate Plex Stack: set up and run a private media server on Docker.')
    .version(deps.version, '-v, --version')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => deps.io.out(s.replace(/\n$/, '')),
      writeErr: (s) => deps.io.err(s.replace(/\n$/, '')),
      outputError: (s, write) => write(`${s.trimEnd()}\n(run \`ups ${helpFor()}--help\` to see the accepted flags)`),
    });
  const ctx = createCliContext(deps, (c) => (code = c));
  for (const register of commands) register(program, ctx);
  // Subcommands inherit exitOverride so bad usage anywhere returns 2 instead of exiting the process.
  for (const sub of program.commands) sub.exitOverride().showSuggestionAfterError(true);

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT_OK;
      if (err.code === 'commander.executeSubCommandAsync') return EXIT_FAILED;
      return EXIT_USAGE;
    }
    deps.io.err(`error: ${err instanceof Error ? err.message : String(err)}`);
    return EXIT_FAILED;
  }
  return code;
}
