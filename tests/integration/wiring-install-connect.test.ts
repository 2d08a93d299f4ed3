// Install = connected (docs/decisions.md D15): stack.install on the stand-in engine goes on, once healthy, to
// plan → apply → test every link on its own operation. The App service gets the wiring through AppDeps.wiring: the
// full-stack harness (real qbittorrent-nox and nzbget, spec-validating and recorded fakes for the rest). Installing
// again repairs instead of duplicating; drift made by hand shows in the plan, Repair (wiring.apply) empties it.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppService, type AppService } from '../../src/core/app/app-service';
import {
  defaultImages,
  defaultPorts,
  type ProgressEvent,
  type PushEvent,
  type StackInstallResult,
} from '../../src/core/contract';
import { secretNames } from '../../src/core/contract/secret-names';
import { commandRunner, detectCompose } from '../../src/core/engine/compose-detect';
import { createDockerEndpoint } from '../../src/core/engine/docker-endpoint';
import { sampleConfigInput } from '../../src/core/stack/sample-config';
import { createKeytarStore } from '../../src/core/vault/keytar-store';
import { createSecretVault, type SecretVault } from '../../src/core/vault/secret-vault';
import { startFullStack, type FullStack } from '../fakes/full-stack-harness';
import { requireDocker, requireSecretService, tagStandInAs, uniqueProject } from '../helpers/require-env';
import { testAppDeps } from '../helpers/test-app';
import { composeDownTestStack, freePort, removeTempDirs, tempDir } from './stack-helpers';

let vault: SecretVault;
let stack: FullStack;
let app: AppService;
let dir: string;
let config: ReturnType<typeof sampleConfigInput>;
const project = uniqueProject('install-wire');
const pushes: PushEvent[] = [];

beforeAll(async () => {
  requireSecretService();
  const docker = await requireDocker();
  await tagStandInAs(docker, Object.values(defaultImages));
  dir = await tempDir('install-wire');
  // This file runs in its own worker process, so the variable cannot leak into other suites.
  process.env.UPS_CONFIG_DIR = join(dir, 'cfg');
  vault = createSecretVault(createKeytarStore(`Ultimate Plex Stack test iw-${Math.random().toString(36).slice(2)}`));
  await vault.set('vpn.openvpn.user', 'ovpn-user-iw');
  await vault.set('vpn.openvpn.password', 'ovpn-pass-iw');
  // The harness writes its stack with this vault first: the install below finds every secret and generates none.
  stack = await startFullStack(vault);
  const compose = await detectCompose(commandRunner(process.env));
  app = createAppService(
    testAppDeps({
      door: 'browser',
      project,
      installRoot: async () => stack.installRoot,
      endpoint: createDockerEndpoint(process.env),
      // Detected once: the facts do not change, and a busy machine can time a later probe out.
      detectCompose: async () => compose,
      vault,
      plex: { plexTvUrl: stack.plexTv.server.url, plexUrl: stack.plex.server.url },
      wiring: stack.wiring(),
    }),
  );
  app.subscribe((e) => pushes.push(e));
  const ports: Record<string, number> = {};
  for (const p of Object.keys(defaultPorts)) ports[p] = await freePort();
  config = sampleConfigInput({
    installRoot: join(dir, 'install'),
    dataRoot: join(dir, 'data'),
    services: { qbittorrent: true, nzbget: false },
    ports,
  });
}, 180_000);

afterAll(async () => {
  const violations = stack?.violations() ?? [];
  if (dir) await composeDownTestStack(project, join(dir, 'install'));
  await stack?.stop();
  if (vault) for (const name of secretNames) await vault.delete(name);
  delete process.env.UPS_CONFIG_DIR;
  await removeTempDirs();
  expect(violations, 'requests/responses outside the specs or recordings').toEqual([]);
}, 180_000);

async function value<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const env = await p;
  if (!env.ok) throw new Error(env.error.message);
  return env.value;
}

const progressOf = (operationId: string): ProgressEvent[] =>
  pushes.flatMap((e) => (e.type === 'progress' && e.progress.operationId === operationId ? [e.progress] : []));

describe('stack.install connects the apps', () => {
  it('install → healthy → plan, wiring, links on the install operation → every link listed and working', async () => {
    // Signed in before install, as the wizard does.
    const start = await value(app.call('plex.signin.start'));
    stack.plexTv.approve(start.pinId, 'admin-plex-token-iw');
    expect((await value(app.call('plex.signin.poll', { pinId: start.pinId }))).status).toBe('signed-in');

    const r: StackInstallResult = await value(
      app.call('stack.install', { config, start: true, operationId: 'install-wire-1' }),
    );
    expect(r.started).toBe(true);
    const steps = [...new Set(progressOf('install-wire-1').map((p) => p.step))];
    // The wiring rows follow the install's own, on the same operation.
    expect(steps.slice(0, 3)).toEqual(['data', 'seed', 'up']);
    expect(steps.slice(-3)).toEqual(['plan', 'wiring', 'links']);
    const w = r.wiring!;
    expect(w.problems).toEqual([]);
    expect(w.links.filter((l) => l.state !== 'ok').map((l) => `${l.name}: ${l.why}`)).toEqual([]);
    expect(w).toMatchObject({ operationId: 'install-wire-1', ok: true });
    expect(w.planned).toBeGreaterThan(0);
    expect(w.applied).toBeGreaterThan(0);
    expect(w.links.map((l) => l.name)).toEqual(
      expect.arrayContaining([
        'Radarr → qBittorrent',
        'Prowlarr → Sonarr',
        'Seerr → Plex',
        'Nginx Proxy Manager → Plex',
      ]),
    );
    expect(w.links).toHaveLength(18);
    expect(stack.arr.sonarr.state.downloadclient.map((p) => p.name).sort()).toEqual(['NZBGet', 'qBittorrent']);
    expect(JSON.stringify(pushes)).not.toContain('ovpn-pass-iw');
  }, 300_000);

  it('installing again repairs instead of duplicating: nothing to plan, nothing written', async () => {
    // The link tests send their own POSTs (test endpoints, Seerr's Plex re-save): what they send alone is the baseline.
    const sorted = (ws: { method: string; path: string }[]) => ws.map((w) => `${w.method} ${w.path}`).sort();
    stack.clearCalls();
    expect((await value(app.call('links.test'))).ok).toBe(true);
    const testsOnly = sorted(stack.fakeWrites());
    stack.clearCalls();
    const r = await value(app.call('stack.install', { config, start: true, operationId: 'install-wire-2' }));
    expect(r.wiring).toMatchObject({ ok: true, planned: 0, applied: 0, problems: [] });
    expect(sorted(stack.fakeWrites())).toEqual(testsOnly);
    expect(stack.arr.sonarr.state.downloadclient).toHaveLength(2);
    expect(stack.arr.radarr.state.rootfolder).toHaveLength(1);
  }, 300_000);

  it('drift made by hand shows in the plan; Repair applies it and the next plan is empty', async () => {
    stack.arr.radarr.state.rootfolder = [];
    stack.seerr.state.plex.libraries[1]!.enabled = false;
    const drift = await value(app.call('wiring.plan'));
    const found = drift.steps
      .flatMap((s) => s.changes)
      .filter((c) => c.action !== 'nothing')
      .map((c) => `${c.service}:${c.action}:${c.resource}`);
    expect(found).toContain('seerr:update:Plex libraries');
    expect(
      found.some((c) => c.startsWith('radarr:create:root folder')),
      found.join('\n'),
    ).toBe(true);
    expect(drift.pending).toBe(found.length);

    const repaired = await value(app.call('wiring.apply', { operationId: 'wiring-repair-1' }));
    expect(repaired.ok).toBe(true);
    expect(progressOf('wiring-repair-1').length).toBeGreaterThan(0);
    expect((await value(app.call('wiring.plan'))).pending).toBe(0);
    expect((await value(app.call('links.test'))).ok).toBe(true);
  }, 120_000);
});
