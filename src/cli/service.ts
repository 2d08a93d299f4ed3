// The one CLI file that touches the composition root: the CLI's log file and the App service, built from the
// production wiring. The log needs only the profile; the composition and the App service are imported on first use,
// so commands that make no call (`--version`, `help`) never load them, and `status` loads them after argument parsing.
import type { AppService } from '../core/app/app-service';
import { doorLogSetup, openDoorLog } from '../core/app/door-profile';
import type { LineLog } from '../core/log/line-log';
import type { Logger } from '../core/log/logger';

/** <config dir>/logs/cli.log (docs/architecture.md), written without pino: most commands log two lines. */
export const openCliLog = (): LineLog => openDoorLog('cli');

/** The same file through pino, for `ups serve`'s bridge (child loggers, request lines); loaded only by serve. */
export async function openCliPinoLog(): Promise<Logger> {
  const { createFileLogger } = await import('../core/log/file-logger');
  return createFileLogger(doorLogSetup('cli')).log;
}

export async function createCliApp(version: string, door: 'cli' | 'browser' = 'cli'): Promise<AppService> {
  const [{ createAppService }, { defaultAppDeps }] = await Promise.all([
    import('../core/app/app-service'),
    import('../core/app/default-deps'),
  ]);
  return createAppService(defaultAppDeps({ version, door }));
}
