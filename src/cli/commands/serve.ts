// `ups serve [--port N]`: browser mode on loopback.
import { InvalidArgumentError } from 'commander';
import type { RegisterCommand } from '../cli-context';

export function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new InvalidArgumentError('must be a whole number from 0 to 65535 (0 = any free port).');
  return n;
}

export const registerServe: RegisterCommand = (program, ctx) => {
  program
    .command('serve')
    .description('Serve the app in your browser on 127.0.0.1 (prints the URL with its session token).')
    .option('--port <port>', 'port to listen on (0 = any free port)', parsePort, 0)
    .action(async (o: { port: number }) => {
      ctx.setExitCode(await ctx.deps.serve({ port: o.port }));
    });
};
