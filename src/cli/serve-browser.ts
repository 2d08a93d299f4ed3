// `ups serve` behind the door: the App service for browser mode plus the loopback bridge, until Ctrl+C. A busy port
// is a usage error that names the port and how to pick another.
import { startBridge } from '../bridge/server';
import type { CliIo } from './cli-context';
import { EXIT_OK, EXIT_USAGE } from './exit-codes';
import { createCliApp, openCliPinoLog } from './service';

export async function serveBrowser(opts: {
  port: number;
  version: string;
  io: CliIo;
  /** The built renderer (dist/renderer); the entry file resolves it, since this module may live in a split chunk. */
  rendererDir: string;
}): Promise<number> {
  const app = await createCliApp(opts.version, 'browser');
  let bridge: Awaited<ReturnType<typeof startBridge>>;
  try {
    bridge = await startBridge({
      app,
      rendererDir: opts.rendererDir,
      port: opts.port,
      log: (await openCliPinoLog()).child({ component: 'bridge' }),
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      const why = code === 'EADDRINUSE' ? 'is already in use by another program' : 'may not be opened by this user';
      opts.io.err(
        `error: port ${opts.port} on 127.0.0.1 ${why}.\n  fix: pick another port with \`ups serve --port N\` (e.g. --port ${opts.port === 65535 ? 8080 : opts.port + 1}), or --port 0 for any free port.`,
      );
      return EXIT_USAGE;
    }
    throw err;
  }
  opts.io.out(`Ultimate Plex Stack is served at ${bridge.url}`);
  opts.io.out('Keep this URL private: the token in it is the only key. Press Ctrl+C to stop.');
  await new Promise<void>((resolve) => {
    const stop = () => void bridge.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return EXIT_OK;
}
