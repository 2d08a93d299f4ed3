#!/usr/bin/env node
// Entry point of the `ups` CLI: production wiring only; behaviour lives in program.ts and core. The App service and
// the browser bridge are imported on first use, so a command loads only what it needs (start-up: bench cli-startup).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pkg from '../../package.json';
import type { AppService } from '../core/app/app-service';
import { runCli } from './program';
import { createCliApp, openCliLog } from './service';

const io = { out: (s: string) => process.stdout.write(`${s}\n`), err: (s: string) => process.stderr.write(`${s}\n`) };
// Log file: <config dir>/logs/cli.log (docs/architecture.md). Only the command's name is logged, never its arguments.
const log = openCliLog();
const argv = process.argv.slice(2);
const command = /^[a-z][a-z-]{0,30}$/.test(argv[0] ?? '') ? argv[0] : '(none)';

let app: Promise<AppService> | undefined;

log.info({ command }, 'command started');
const code = await runCli(argv, {
  version: pkg.version,
  app: () => (app ??= createCliApp(pkg.version)),
  serve: async ({ port }) =>
    (await import('./serve-browser')).serveBrowser({
      port,
      version: pkg.version,
      io,
      // Resolved here, in the entry file (dist/cli/ups.mjs): code split into dist/cli/chunks/ would look one level off.
      rendererDir: process.env.UPS_RENDERER_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer'),
    }),
  io,
  log,
});
log.info({ command, exitCode: code }, 'command finished');
process.exitCode = code;
