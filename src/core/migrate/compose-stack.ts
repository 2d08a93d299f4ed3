// A StackPort over the compose CLI (v2 `docker compose` or v1 `docker-compose`) and the engine's container list,
// used by the switch until the engine issue's runner is wired in (same verbs: stop, up -d, wait healthy).
import type Docker from 'dockerode';
import { execa } from 'execa';
import { readStackStatus } from '../engine/stack-status';
import type { StackPort } from './switch';

export interface ComposeStackOptions {
  /** e.g. ['docker', 'compose'] or ['docker-compose'] (ComposeFacts.command). */
  command: string[];
  project: string;
  composeFile: string;
  docker: Docker;
  /** Child environment for compose (the vault's secrets are added here by the caller, never written to a file). */
  env?: NodeJS.ProcessEnv;
  healthTimeoutMs?: number;
}

export function composeStack(o: ComposeStackOptions): StackPort {
  const [file, ...pre] = o.command as [string, ...string[]];
  const run = async (...args: string[]) => {
    const r = await execa(file, [...pre, '-p', o.project, '-f', o.composeFile, ...args], { reject: false, stdin: 'ignore', env: o.env ?? process.env, all: true });
    if (r.exitCode !== 0) throw new Error(`compose ${args[0]} failed (exit ${r.exitCode}): ${String(r.all ?? '').trim().split('\n').slice(-3).join(' | ')}`);
  };
  return {
    stop: () => run('stop'),
    start: () => run('up', '-d'),
    async waitHealthy() {
      const deadline = Date.now() + (o.healthTimeoutMs ?? 120_000);
      let last = '';
      while (Date.now() < deadline) {
        const s = await readStackStatus(o.docker, o.project);
        const bad = s.services.filter((x) => x.state !== 'running' || (x.health !== 'healthy' && x.health !== 'none'));
        if (s.services.length > 0 && bad.length === 0) return;
        const dead = bad.filter((x) => x.state === 'exited' || x.state === 'dead' || x.health === 'unhealthy');
        if (dead.length > 0) throw new Error(`not healthy: ${dead.map((x) => `${x.service} (${x.health === 'unhealthy' ? 'unhealthy' : x.state})`).join(', ')}`);
        last = bad.map((x) => `${x.service} (${x.state}/${x.health})`).join(', ');
        await new Promise((r) => setTimeout(r, 500));
      }
      throw new Error(`still not healthy after ${Math.round((o.healthTimeoutMs ?? 120_000) / 1000)} s: ${last}`);
    },
  };
}
