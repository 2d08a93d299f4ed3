// Issue 7's whole sequence for a full stack, through the App service: stack.yml written by the real stack writer
// (secrets generated into the real Secret Service), real qbittorrent-nox and nzbget, spec-validating fakes for Radarr,
// Sonarr, Prowlarr and Seerr, recorded fakes for plex.tv, Plex, Bazarr and NPM. Plex sign-in (plex.signin.*) → plan →
// apply → every link green → a second apply writes nothing anywhere → drift made by hand is planned and repaired.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAppDeps } from '../helpers/test-app';
import { runCli } from '../../src/cli/program';
import { createAppService, type AppService } from '../../src/core/app/app-service';
import type { PushEvent } from '../../src/core/contract';
import type { DockerEndpoint } from '../../src/core/engine/docker-endpoint';
import { PLEXTV_URL_ENV } from '../../src/core/app/default-deps';
import { createKeytarStore } from '../../src/core/vault/keytar-store';
import { createSecretVault, type SecretVault } from '../../src/core/vault/secret-vault';
import { secretNames, type SecretName } from '../../src/core/contract/secret-names';
import { requireSecretService } from '../helpers/require-env';
import type { RecordedRequest } from '../helpers/real-download-clients';
import { FULL_STACK_LAN_ADDRESS, startFullStack, type FullStack } from '../fakes/full-stack-harness';

let vault: SecretVault;
let stack: FullStack;
let app: AppService;
const pushes: PushEvent[] = [];
const savedEnv = process.env[PLEXTV_URL_ENV];
const secret = async (name: SecretName) => (await vault.get(name)) ?? `(vault has no ${name})`;

beforeAll(async () => {
  requireSecretService();
  vault = createSecretVault(createKeytarStore(`Ultimate Plex Stack test full-${Math.random().toString(36).slice(2)}`));
  await vault.set('vpn.openvpn.user', 'ovpn-user-full');
  await vault.set('vpn.openvpn.password', 'ovpn-pass-full');
  stack = await startFullStack(vault);
  process.env[PLEXTV_URL_ENV] = stack.plexTv.server.url;
  app = createAppService(
    testAppDeps({
      version: 'test',
      platform: 'linux',
      arch: 'x64',
      door: 'cli',
      project: 'ups-t-wiring-full',
      installRoot: async () => stack.installRoot,
      endpoint: { label: 'unused', docker: { listContainers: async () => [] } } as unknown as DockerEndpoint,
      detectCompose: async () => ({ available: false }) as never,
      vault,
      // The production composition (plex.tv through the UPS_PLEXTV_URL test seam) but for the download folders.
      wiring: stack.wiring(),
    }),
  );
  app.subscribe((e) => pushes.push(e));
}, 120_000);

afterAll(async () => {
  const violations = stack?.violations() ?? [];
  await stack?.stop();
  if (vault) for (const name of secretNames) await vault.delete(name);
  if (savedEnv === undefined) delete process.env[PLEXTV_URL_ENV];
  else process.env[PLEXTV_URL_ENV] = savedEnv;
  expect(violations, 'requests/responses outside the specs or recordings').toEqual([]);
});

const qbtWrites = (rs: RecordedRequest[]) => rs.filter((r) => r.method !== 'GET' && r.path !== '/api/v2/auth/login');
const nzbWrites = (rs: RecordedRequest[]) =>
  rs
    .map((r) => (JSON.parse(r.body) as { method: string }).method)
    .filter((m) => !['version', 'loadconfig', 'config'].includes(m));

async function value<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const env = await p;
  if (!env.ok) throw new Error(env.error.message);
  return env.value;
}

/** Drift by hand, straight through qBittorrent's own API (not our client): the user deletes the tv-sonarr category. */
async function removeQbtCategory(name: string): Promise<void> {
  const login = await fetch(`${stack.qbt.baseUrl}/api/v2/auth/login`, {
    method: 'POST',
    body: new URLSearchParams({ username: 'admin', password: await secret('qbittorrent.password') }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const res = await fetch(`${stack.qbt.baseUrl}/api/v2/torrents/removeCategories`, {
    method: 'POST',
    headers: { cookie },
    body: new URLSearchParams({ categories: name }),
  });
  expect(res.status).toBe(200);
}

describe('full stack wiring through the App service', () => {
  it('sign in → plan → apply → links green → no-op apply → drift planned and repaired', async () => {
    // Plex sign-in as the wizard does it: the token goes to the vault and the server is claimed.
    const { plexTv, seerr, arr, plex, npm, proxies } = stack;
    const start = await value(app.call('plex.signin.start'));
    plexTv.approve(start.pinId, 'admin-plex-token-full');
    expect(await value(app.call('plex.signin.poll', { pinId: start.pinId }))).toMatchObject({
      status: 'signed-in',
      claim: { ok: true },
    });

    const plan = await value(app.call('wiring.plan'));
    expect(plan.failed).toBe(0);
    const services = new Set(plan.steps.map((s) => s.service));
    expect([...services].sort()).toEqual([
      'bazarr',
      'nzbget',
      'plex',
      'prowlarr',
      'proxy',
      'qbittorrent',
      'radarr',
      'seerr',
      'sonarr',
    ]);
    const pending = plan.steps.flatMap((s) => s.changes).filter((c) => c.action !== 'nothing');
    expect(pending.length).toBe(plan.pending);
    for (const svc of ['qbittorrent', 'nzbget', 'radarr', 'sonarr', 'prowlarr', 'seerr', 'bazarr', 'proxy'])
      expect(
        pending.some((c) => c.service === svc),
        `${svc} has work`,
      ).toBe(true);
    expect(pending.every((c) => c.reason.length > 0)).toBe(true);
    // Claimed by the sign-in already: the plan has nothing to do for the owner.
    expect(plan.steps.find((s) => s.id === 'plex.claim')!.changes.map((c) => c.action)).toEqual(['nothing']);

    pushes.length = 0;
    const applied = await value(app.call('wiring.apply'));
    expect(
      applied.steps
        .filter((s) => s.status !== 'applied' && s.status !== 'unchanged')
        .map((s) => `${s.id}:${s.status}:${s.error?.message}`),
    ).toEqual([]);
    expect(applied.ok).toBe(true);
    const progressed = new Set(pushes.flatMap((e) => (e.type === 'progress' ? [e.progress.step] : [])));
    for (const s of applied.steps.filter((x) => x.status === 'applied'))
      expect(progressed.has(s.id), `progress for ${s.id}`).toBe(true);
    // What the services now hold, read from their side.
    expect(seerr.state.users.map((u) => u.plexToken)).toEqual(['admin-plex-token-full']);
    expect(await vault.get('seerr.api_key')).toBe(seerr.state.apiKey);
    expect(arr.sonarr.state.downloadclient.map((p) => p.name).sort()).toEqual(['NZBGet', 'qBittorrent']);
    expect(plex.state.owner).toBe('admin-plex-token-full');
    // LAN TVs get the host's LAN address with the published port, and the LAN counts as local.
    expect([plex.state.prefs.customConnections, plex.state.prefs.LanNetworksBandwidth]).toEqual([
      `http://${FULL_STACK_LAN_ADDRESS}:${new URL(plex.server.url).port}`,
      '192.168.0.0/16',
    ]);
    // NPM started in setup mode; wiring made the ACME e-mail its admin with the generated password.
    expect(npm.users.map((u) => [u.email, u.roles, u.password])).toEqual([
      ['me@example.com', ['admin'], await secret('proxy.admin_password')],
    ]);
    expect(npm.hosts.map((h) => [(h.domain_names as string[])[0], h.forward_host, h.ssl_forced]).sort()).toEqual([
      ['plex.media.example.com', 'plex', true],
      ['requests.media.example.com', 'seerr', true],
    ]);

    const links = await value(app.call('links.test'));
    expect(links.links.filter((l) => !l.ok).map((l) => `${l.from} → ${l.to}: ${l.detail}`)).toEqual([]);
    expect(links.ok).toBe(true);
    // Every link of the issue, each tested through the service's own test endpoint or a round trip.
    expect(links.links.map((l) => l.id).sort()).toEqual(
      ['ups->qbittorrent', 'ups->nzbget', 'app->plex']
        .concat(['radarr', 'sonarr', 'prowlarr'].flatMap((a) => [`${a}->qbittorrent`, `${a}->nzbget`]))
        .concat([
          'prowlarr->radarr',
          'prowlarr->sonarr',
          'seerr->radarr',
          'seerr->sonarr',
          'seerr->plex',
          'bazarr->sonarr',
          'bazarr->radarr',
          'proxy->plex',
          'proxy->seerr',
        ])
        .sort(),
    );

    // A second apply reads only, on the fakes and on the real clients (counted at the recording proxies).
    stack.clearCalls();
    for (const p of proxies) p.requests.length = 0;
    const again = await value(app.call('wiring.apply'));
    expect(again.steps.filter((s) => s.status !== 'unchanged').map((s) => s.id)).toEqual([]);
    expect(stack.fakeWrites()).toEqual([]);
    expect(qbtWrites(proxies[0]!.requests)).toEqual([]);
    expect(proxies[0]!.requests.length).toBeGreaterThan(0);
    expect(nzbWrites(proxies[1]!.requests)).toEqual([]);
    expect(proxies[1]!.requests.length).toBeGreaterThan(0);

    // Drift by hand in a real client and in the fakes.
    await removeQbtCategory('tv-sonarr');
    seerr.state.plex.libraries[1]!.enabled = false;
    arr.radarr.state.rootfolder = [];
    const drift = await value(app.call('wiring.plan'));
    const found = drift.steps
      .flatMap((s) => s.changes)
      .filter((c) => c.action !== 'nothing')
      .map((c) => `${c.service}:${c.action}:${c.resource}`);
    expect(
      found.some((c) => /^qbittorrent:create:category tv-sonarr/.test(c)),
      found.join('\n'),
    ).toBe(true);
    expect(found).toContain('seerr:update:Plex libraries');
    expect(
      found.some((c) => /^radarr:create:root folder/.test(c)),
      found.join('\n'),
    ).toBe(true);
    expect(drift.pending).toBe(found.length);

    const repaired = await value(app.call('wiring.apply'));
    expect(repaired.ok).toBe(true);
    expect((await value(app.call('wiring.plan'))).pending).toBe(0);
    expect(seerr.state.plex.libraries.every((l) => l.enabled)).toBe(true);
    expect((await value(app.call('links.test'))).ok).toBe(true);

    // The same state through the CLI door (`ups plan`, `ups links`) on this App service.
    const out: string[] = [];
    const cli = (argv: string[]) =>
      runCli(argv, {
        version: 'test',
        app: () => app,
        serve: async () => 0,
        io: { out: (t) => out.push(t), err: (t) => out.push(t) },
      });
    expect(await cli(['plan'])).toBe(0);
    expect(out.join('\n')).toMatch(/^Nothing to change\.$/m);
    expect(await cli(['links'])).toBe(0);
    expect(out.join('\n')).toMatch(/^All 18 links work\.$/m);
  });
});
