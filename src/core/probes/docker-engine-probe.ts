// Is the Docker engine in use reachable, and does it run Linux containers? The row names the engine (D14).
import type { Probe } from './probe';

export const dockerEngineProbe: Probe = {
  id: 'docker.engine',
  title: 'Docker engine reachable',
  applies: () => true,
  // On Windows the engine is Docker Desktop's: while that is missing or stopped, "start the engine" cannot work yet.
  after: ['docker-desktop.wsl2'],
  async check(ctx) {
    const d = await ctx.docker();
    const title = `Docker engine: ${d.endpoint}`;
    if (!d.reachable && d.fix) {
      // The engine's own words already say what to do (an ssh:// server's host key unknown or changed), or which
      // engine to ask is not known (a damaged engine choice, with the button that sets it aside).
      return {
        title,
        state: 'fail',
        detail: d.error ?? `No Docker engine answered at ${d.endpoint}.`,
        fixes: [d.action ? { kind: 'action', text: d.fix, action: d.action } : { kind: 'steps', text: d.fix }],
      };
    }
    if (!d.reachable) {
      const windows = ctx.platform === 'win32';
      return {
        title,
        state: 'fail',
        detail: `No Docker engine answered at ${d.endpoint}${d.name ? ` (${d.name})` : ''}${d.error ? `: ${d.error}` : ''}.`,
        fixes: windows
          ? [
              {
                kind: 'steps',
                text: 'Start Docker Desktop from the Start menu and wait until it says "Engine running", then run the checks again.',
              },
            ]
          : [
              {
                kind: 'steps',
                text: 'Start the Docker service, or point DOCKER_HOST (or the current Docker context) at a running engine.',
                command: 'sudo systemctl start docker',
              },
            ],
      };
    }
    if (d.osType && d.osType !== 'linux') {
      return {
        title,
        state: 'fail',
        detail: `Docker ${d.version} runs ${d.osType} containers; the stack needs Linux containers.`,
        fixes: [
          { kind: 'steps', text: 'Right-click the Docker Desktop tray icon and choose "Switch to Linux containers…".' },
        ],
      };
    }
    return {
      title,
      state: 'ok',
      detail: `${d.name ? `${d.name}: ` : ''}Docker ${d.version} (API ${d.apiVersion}, ${d.osType}) at ${d.endpoint}.`,
      fixes: [],
    };
  },
};
