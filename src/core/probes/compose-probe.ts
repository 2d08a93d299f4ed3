// Is Compose installed, and which one: v2 plugin or v1 standalone?
import type { Probe } from './probe';

export const composeProbe: Probe = {
  id: 'docker.compose',
  title: 'Docker Compose available',
  applies: () => true,
  // On Windows Compose ships inside Docker Desktop.
  after: ['docker-desktop.wsl2'],
  async check(ctx) {
    const c = await ctx.compose();
    if (!c.available) {
      return {
        state: 'fail',
        detail: 'Neither `docker compose` (v2) nor `docker-compose` (v1) answered.',
        fixes:
          ctx.platform === 'win32'
            ? [{ kind: 'steps', text: 'Update Docker Desktop: it ships Compose v2.' }]
            : [
                {
                  kind: 'steps',
                  text: 'Install the Compose plugin or the standalone tool.',
                  command: 'sudo apt-get install docker-compose',
                },
              ],
      };
    }
    if (c.variant === 'v1') {
      return {
        state: 'warn',
        detail: `docker-compose ${c.version} (v1, end of life) will be used.`,
        fixes: [{ kind: 'steps', text: 'Prefer Compose v2 when you can: install the docker-compose-plugin package.' }],
      };
    }
    return { state: 'ok', detail: `docker compose ${c.version} (v2).`, fixes: [] };
  },
};
