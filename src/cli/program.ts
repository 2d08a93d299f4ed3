// The `ups` command tree: each command lives in commands/<name>.ts, listed here by name and imported only when the
// command line names it (all of them for help and unknown commands, so help and suggestions stay complete).
import { Command, CommanderError } from 'commander';
import { createCliContext, type CliDeps, type RegisterCommand } from './cli-context';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './exit-codes';

export type { CliDeps, CliIo } from './cli-context';

/** Add new commands here, one module each, in the order `ups --help` lists them. */
const commandModules: Record<string, () => Promise<RegisterCommand>> = {
  doctor: () => import('./commands/doctor').then((m) => m.registerDoctor),
  status: () => import('./commands/status').then((m) => m.registerStatus),
  serve: () => import('./commands/serve').then((m) => m.registerServe),
  secrets: () => import('./commands/secrets').then((m) => m.registerSecrets),
  migrate: () => import('./commands/migrate').then((m) => m.registerMigrate),
  move: () => import('./commands/move').then((m) => m.registerMove),
  init: () => import('./commands/init').then((m) => m.registerInit),
  config: () => import('./commands/config').then((m) => m.registerConfig),
  plan: () => import('./commands/plan').then((m) => m.registerPlan),
  apply: () => import('./commands/apply').then((m) => m.registerApply),
  links: () => import('./commands/links').then((m) => m.registerLinks),
  verify: () => import('./commands/verify').then((m) => m.registerVerify),
  plex: () => import('./commands/plex').then((m) => m.registerPlex),
  up: () => import('./commands/up').then((m) => m.registerUp),
  down: () => import('./commands/down').then((m) => m.registerDown),
  start: () => import('./commands/start').then((m) => m.registerStart),
  stop: () => import('./commands/stop').then((m) => m.registerStop),
  restart: () => import('./commands/restart').then((m) => m.registerRestart),
  logs: () => import('./commands/logs').then((m) => m.registerLogs),
  update: () => import('./commands/update').then((m) => m.registerUpdate),
  rollback: () => import('./commands/rollback').then((m) => m.registerRollback),
  vpn: () => import('./commands/vpn').then((m) => m.registerVpn),
  repair: () => import('./commands/repair').then((m) => m.registerRepair),
  host: () => import('./commands/host').then((m) => m.registerHost),
  diagnostics: () => import('./commands/diagnostics').then((m) => m.registerDiagnostics),
  tdarr: () => import('./commands/tdarr').then((m) => m.registerTdarr),
};

export const commandNames = Object.keys(commandModules);

/** The modules this command line needs: the named command alone, none for `--version` alone (it prints before any
 *  command is looked at), or every one when none is named (help and suggestions list them all). */
async function registrations(argv: string[]): Promise<RegisterCommand[]> {
  const first = argv[0] ?? '';
  if (argv.length === 1 && (first === '--version' || first === '-v')) return [];
  const names = Object.hasOwn(commandModules, first) ? [first] : commandNames;
  return Promise.all(names.map((n) => commandModules[n]!()));
}

/**
 * The whole command tree with nothing run: what the fix-action tests check each action's command line against, and
 * where the source guard finds the command names and flags no GUI text may mention.
 */
export async function commandTree(deps: CliDeps): Promise<Command> {
  const program = new Command('ups').version(deps.version, '-v, --version');
  const ctx = createCliContext(deps, () => undefined);
  for (const register of await registrations([])) register(program, ctx);
  return program;
}

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
  for (const register of await registrations(argv)) register(program, ctx);
  // Subcommands (and theirs) inherit exitOverride so bad usage anywhere returns 2 instead of exiting the process.
  const override = (cmd: Command) => {
    for (const sub of cmd.commands) {
      sub.exitOverride().showSuggestionAfterError(true);
      override(sub);
    }
  };
  override(program);
  // `ups help <topic> [<sub>]` with a topic that is not a command (or not a sub-command of it, as in
  // `ups help migrate nosuch`) is a usage error, not an empty success.
  if (argv[0] === 'help' && argv[1] !== 'help') {
    let cmd: Command = program;
    const path: string[] = [];
    for (const topic of argv.slice(1)) {
      if (topic.startsWith('-') || cmd.commands.length === 0) break;
      const next = cmd.commands.find((c) => c.name() === topic);
      if (!next) {
        const where = path.length ? `ups ${path.join(' ')} ` : 'ups ';
        deps.io.err(
          `error: unknown command '${topic}'. Commands: ${cmd.commands.map((c) => c.name()).join(', ')}.\n(run \`${where}--help\` to see them with what they do)`,
        );
        return EXIT_USAGE;
      }
      path.push(topic);
      cmd = next;
    }
  }

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help')
        return EXIT_OK;
      if (err.code === 'commander.executeSubCommandAsync') return EXIT_FAILED;
      return EXIT_USAGE;
    }
    deps.io.err(`error: ${err instanceof Error ? err.message : String(err)}`);
    return EXIT_FAILED;
  }
  return code;
}
