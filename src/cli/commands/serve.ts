// `ups serve [--port N]`: browser mode on loopback.
import type { RegisterCommand } from '../cli-context';
import { parsePort } from '../flags';

export const registerServe: RegisterCommand = (program, ctx) => {
  program
    .command('serve')
    .description('Serve the app in your browser on 127.0.0.1 (prints the URL with its session token).')
    .option('--port <port>', 'port to listen on (0 = any free port)', parsePort, 0)
    .action(async (o: { port: number }) => {
      ctx.setExitCode(await ctx.deps.serve({ port: o.port }));
    });
};
