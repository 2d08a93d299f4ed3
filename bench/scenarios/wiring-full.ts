// Wiring metrics for the whole stack through the App service: first `apply` against real qbittorrent-nox
// and nzbget plus the Arr/Plex/Seerr/Bazarr/NPM fakes, the HTTP calls and writes of a no-change apply (goal: reads
// only), and the link tests. Same harness as tests/integration/wiring-full-stack-app.test.ts.
import { createAppService } from '../../src/core/app/app-service';
import { testAppDeps } from '../../tests/helpers/test-app';
import type { DockerEndpoint } from '../../src/core/engine/docker-endpoint';
import { PLEXTV_URL_ENV } from '../../src/core/app/default-deps';
import type { SecretVault } from '../../src/core/vault/secret-vault';
import type { SecretName } from '../../src/core/contract/secret-names';
import type { HttpCall } from '../../src/core/http/http-json';
import { startFullStack } from '../../tests/fakes/full-stack-harness';
import { median, round, type Metric } from '../metric';

const RUNS = 3;

async function oneRun(): Promise<{
  applyMs: number;
  noopCalls: HttpCall[];
  linksMs: number;
  linksOk: boolean;
  links: number;
}> {
  // An in-memory vault: the bench measures the wiring, not the keyring.
  const secrets = new Map<SecretName, string>([
    ['vpn.openvpn.user', 'bench'],
    ['vpn.openvpn.password', 'bench'],
  ]);
  const vault = {
    backend: 'memory',
    get: async (n: SecretName) => secrets.get(n) ?? null,
    set: async (n: SecretName, v: string) => void secrets.set(n, v),
    delete: async (n: SecretName) => secrets.delete(n),
  };
  const stack = await startFullStack(vault);
  const saved = process.env[PLEXTV_URL_ENV];
  process.env[PLEXTV_URL_ENV] = stack.plexTv.server.url;
  let calls: HttpCall[] = [];
  try {
    const app = createAppService(
      testAppDeps({
        version: 'bench',
        platform: 'linux',
        arch: 'x64',
        door: 'cli',
        project: 'ups-bench-wiring-full',
        installRoot: async () => stack.installRoot,
        endpoint: { label: 'unused', docker: { listContainers: async () => [] } } as unknown as DockerEndpoint,
        detectCompose: async () => ({ available: false }) as never,
        vault: vault as unknown as SecretVault,
        wiring: stack.wiring((c) => void calls.push(c)),
      }),
    );
    const start = await app.call('plex.signin.start');
    if (!start.ok) throw new Error(start.error.message);
    stack.plexTv.approve(start.value.pinId, 'bench-plex-token');
    const poll = await app.call('plex.signin.poll', { pinId: start.value.pinId });
    if (!poll.ok || poll.value.status !== 'signed-in') throw new Error('Plex sign-in did not complete');

    let t0 = performance.now();
    const first = await app.call('wiring.apply');
    const applyMs = performance.now() - t0;
    if (!first.ok || !first.value.ok) throw new Error(`apply failed: ${JSON.stringify(first).slice(0, 400)}`);

    calls = [];
    const second = await app.call('wiring.apply');
    if (!second.ok || !second.value.ok) throw new Error('no-change apply failed');
    const noopCalls = calls;
    calls = []; // the link tests below are not part of the no-change apply

    t0 = performance.now();
    const links = await app.call('links.test');
    const linksMs = performance.now() - t0;
    if (!links.ok) throw new Error(links.error.message);
    return { applyMs, noopCalls, linksMs, linksOk: links.value.ok, links: links.value.links.length };
  } finally {
    if (saved === undefined) delete process.env[PLEXTV_URL_ENV];
    else process.env[PLEXTV_URL_ENV] = saved;
    await stack.stop();
  }
}

export async function wiringFullScenario(): Promise<Metric[]> {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await oneRun());
  const last = runs.at(-1)!;
  return [
    {
      name: 'wiring.full.apply.first',
      value: round(median(runs.map((r) => r.applyMs))),
      unit: 'ms',
      note: `median of ${RUNS}; App service, real qbittorrent-nox + nzbget, Arr/Plex/Seerr/Bazarr/NPM fakes on loopback`,
    },
    {
      name: 'wiring.full.apply.noop.calls',
      value: last.noopCalls.length,
      unit: 'http calls',
      note: 'every request of a second apply with nothing to change (logins included)',
    },
    {
      name: 'wiring.full.apply.noop.writes',
      value: last.noopCalls.filter((c) => c.write).length,
      unit: 'http calls',
      goal: '0 (reads only)',
    },
    {
      name: 'wiring.full.links',
      value: round(median(runs.map((r) => r.linksMs))),
      unit: 'ms',
      note: `${last.linksOk ? 'all green' : 'SOME RED'}; ${last.links} links, median of ${RUNS}`,
    },
  ];
}
