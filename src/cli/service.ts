// The one CLI file that touches the composition root: the CLI's log file and the App service, built from the
// production wiring. The App service module is imported on first use, so commands that need no call never load it.
import type { AppService } from '../core/app/app-service';
import { defaultAppDeps, openDoorLog } from '../core/app/default-deps';
import type { Logger } from '../core/log/logger';

/** <config dir>/logs/cli.log (docs/architecture.md). */
export const openCliLog = (): Logger => openDoorLog('cli');

export async function createCliApp(version: string, door: 'cli' | 'browser' = 'cli'): Promise<AppService> {
  const { createAppService } = await import('../core/app/app-service');
  return createAppService(defaultAppDeps({ version, door }));
}
