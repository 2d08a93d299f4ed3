// The `ups` command tree over the App service; the App and output streams are injected so tests drive it in-process too.
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import type { AppService } from '../core/app/app-service';
import type { Envelope } from '../core/contract';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './exit-codes';
import { renderEnvCheck, renderError, renderStatus } from './render';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface CliDeps {
  version: string;
  app(): AppService;
  serve(opts: { port: number }): Promise<number>;
  io: CliIo;
}

export function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 0 || n > 65535) throw new InvalidArgumentError('must be a whole number from 0 to 65535 (0 = any free port).');
  return n;
}

export async function runCli(argv: string[], deps: CliDeps): Promise<number> {
  let code = EXIT_OK;
  const program = new Command('ups')
    .description('Ultimate Plex Stack: set up and run a private media server on Docker.')
    .version(deps.version, '-v, --version')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => deps.io.out(s.replace(/\n$/, '')),
      writeErr: (s) => deps.io.err(s.replace(/\n$/, '')),
      outputError: (s, write) => write(`${s.trimEnd()}\n(run \`ups ${argv[0] && !argv[0].startsWith('-') ? `${argv[0]} ` : ''}--help\` to see the accepted flags)`),
    });

  const print = <T>(env: Envelope<T>, json: boolean, text: (v: T) => string): boolean => {
    if (json) deps.io.out(JSON.stringify(env, null, 2));
    else deps.io.out(env.ok ? text(env.value) : renderError(env.error));
    return env.ok;
  };

  program
    .command('doctor')
    .description('Check Docker, Compose and the credential vault; exits 1 when a check fails.')
    .option('--json', 'print the env.check answer as JSON')
    .action(async (o: { json?: boolean }) => {
      const env = await deps.app().call('env.check');
      const fine = print(env, !!o.json, renderEnvCheck);
      code = fine && env.ok && env.value.overall !== 'fail' ? EXIT_OK : EXIT_FAILED;
    });

  program
    .command('status')
    .description('Show the containers of the stack and their health.')
    .option('--json', 'print the stack.status answer as JSON')
    .action(async (o: { json?: boolean }) => {
      code = print(await deps.app().call('stack.status'), !!o.json, renderStatus) ? EXIT_OK : EXIT_FAILED;
    });

  program
    .command('serve')
    .description('Serve the app in your browser on 127.0.0.1 (prints the URL with its session token).')
    .option('--port <port>', 'port to listen on (0 = any free port)', parsePort, 0)
    .action(async (o: { port: number }) => {
      code = await deps.serve({ port: o.port });
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT_OK;
      return EXIT_USAGE;
    }
    deps.io.err(`error: ${err instanceof Error ? err.message : String(err)}`);
    return EXIT_FAILED;
  }
  return code;
}
