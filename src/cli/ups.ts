#!/usr/bin/env node
// Entry point of the `ups` CLI: production wiring only; behaviour lives in program.ts and core.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pkg from '../../package.json';
import { createAppService } from '../core/app/app-service';
import { defaultAppDeps } from '../core/app/default-deps';
import { openDoorLog } from '../core/app/default-deps';
import { startBridge } from '../bridge/server';
import { runCli } from './program';

const here = dirname(fileURLToPath(import.meta.url));
const io = { out: (s: string) => process.stdout.write(`${s}\n`), err: (s: string) => process.stderr.write(`${s}\n`) };
// Log file: <config dir>/logs/cli.log (docs/architecture.md). Only the command's name is logged, never its arguments.
const log = openDoorLog('cli');
const argv = process.argv.slice(2);
const command = /^[a-z][a-z-]{0,30}$/.test(argv[0] ?? '') ? argv[0] : '(none)';

async function serve(opts: { port: number }): Promise<number> {
  const app = createAppService(defaultAppDeps({ version: pkg.version, door: 'browser' }));
  const bridge = await startBridge({ app, rendererDir: process.env.UPS_RENDERER_DIR ?? join(here, '..', 'renderer'), port: opts.port, log: log.child({ component: 'bridge' }) });
  io.out(`Ultimate Plex Stack is served at ${bridge.url}`);
  io.out('Keep this URL private: the token in it is the only key. Press Ctrl+C to stop.');
  await new Promise<void>((resolve) => {
    const stop = () => void bridge.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

log.info({ command }, 'command started');
const code = await runCli(argv, {
  version: pkg.version,
  app: () => createAppService(defaultAppDeps({ version: pkg.version, door: 'cli' })),
  serve,
  io,
  log,
});
log.info({ command, exitCode: code }, 'command finished');
process.exitCode = code;
