// Use cases of the Windows host fixes: each runs on the machine the app runs on (the doors are local), and only on
// Windows; elsewhere the checks never offer them, and a direct call says why instead of running Windows commands.
import { UpsFailure } from '../../contract';
import { readDockerFacts } from '../../engine/docker-facts';
import { enableDockerAutoStart, setWslMemory, shutdownWsl, startDockerDesktop } from '../../probes/windows/host-fixes';
import type { AppContext, HandlerGroup } from '../app-context';

export function hostFixHandlers({ deps, publish }: AppContext): HandlerGroup {
  const windowsOnly = () => {
    if (deps.platform !== 'win32')
      throw new UpsFailure({
        code: 'NOT_FOUND',
        message: `This fix is for Windows (Docker Desktop and WSL); this computer runs ${deps.platform}.`,
        fix: 'Run the environment checks to see what applies on this computer.',
      });
  };
  return {
    'host.dockerDesktop.start': async ({ operationId }) => {
      windowsOnly();
      return startDockerDesktop(await deps.host(), {
        engineUp: async () => (await readDockerFacts(deps.endpoint)).reachable,
        progress: (current, total, message) => {
          if (operationId)
            publish({
              type: 'progress',
              progress: { operationId, step: 'docker-desktop.start', current, total, message },
            });
        },
      });
    },
    'host.dockerDesktop.autoStart': async () => {
      windowsOnly();
      return enableDockerAutoStart(await deps.host());
    },
    'host.wsl.memory': async ({ memoryGb }) => {
      windowsOnly();
      return { ...(await setWslMemory(await deps.host(), memoryGb)), shutdownNeeded: true as const };
    },
    'host.wsl.shutdown': async () => {
      windowsOnly();
      await shutdownWsl(await deps.host());
      return { stopped: true as const };
    },
  };
}
