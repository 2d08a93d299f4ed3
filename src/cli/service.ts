// The one CLI file that touches the composition root: the CLI's log file and the App service, built from the
// production wiring. The log needs only the profile; the composition and the App service are imported on first use,
// so commands that make no call (`--version`, `help`) never load them, and `status` loads them after argument parsing.
import type { AppService } from '../core/app/app-service';
import { openDoorLog } from '../core/app/door-profile';
import type { Logger } from '../core/log/logger';

/** <config dir>/logs/cli.log (docs/architecture.md). */
export const openCliLog = (): Logger => openDoorLog('cli');

export async function createCliApp(version: string, door: 'cli' | 'browser' = 'cli'): Promise<AppService> {
  const [{ createAppService }, { defaultAppDeps }] = await Promise.all([
    import('../core/app/app-service'),
    import('../core/app/default-deps'),
  ]);
  return createAppService(defaultAppDeps({ version, door }));
}
