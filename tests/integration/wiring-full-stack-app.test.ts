// Issue 7's whole sequence for a full stack, through the App service: stack.yml written by the real stack writer
// (secrets generated into the real Secret Service), real qbittorrent-nox and nzbget, spec-validating fakes for Radarr,
// Sonarr, Prowlarr and Seerr, recorded fakes for plex.tv, Plex and Bazarr. Plex sign-in (plex.signin.*) → plan →
// apply → every link green → a second apply writes nothing anywhere → drift made by hand is planned and repaired.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program';
import { createAppService, type AppService } from '../../src/core/app/app-service';
import type { PushEvent } from '../../src/core/contract';
import type { DockerEndpoint } from '../../src/core/engine/docker-endpoint';
import { PLEXTV_URL_ENV } from '../../src/core/plex/plex-signin-handlers';
import { loadCatalog } from '../../src/core/stack/catalog';
import { sampleConfigInput } from '../../src/core/stack/sample-config';
import { writeStack } from '../../src/core/stack/write-stack';
import { createKeytarStore } from '../../src/core/vault/keytar-store';
import { createSecretVault, type SecretVault } from '../../src/core/vault/secret-vault';
import { secretNames, type SecretName } from '../../src/core/vault/secret-names';
import { stackWiringSource } from '../../src/core/wiring/engine/stack-wiring-source';
import { arrSideWiring } from '../../src/core/wiring/steps/radarr-sonarr-stack-wiring';
import { requireSecretService } from '../helpers/require-env';
import { startNzbget, startQbittorrent, startRecordingProxy, type RecordedRequest, type RunningClient } from '../helpers/real-download-clients';
import type { FakeNetwork } from '../fakes/arr-fake-checks';
import { startArrFake, type ArrFake } from '../fakes/arr-fake';
import { startBazarrFake, type BazarrFake } from '../fakes/bazarr-fake';
import { startPlexFake, startPlexTvFake, type PlexFake, type PlexTvFake } from '../fakes/plex-fakes';
import { startSeerrFake, type SeerrFake } from '../fakes/seerr-fake';
import { startNpmFake, type NpmFake } from '../fakes/npm-fake';
import { NPM_ADMIN_EMAIL } from '../../src/core/wiring/clients/npm';

let root: string;
let vault: SecretVault;
let qbt: RunningClient;
let nzb: RunningClient;
let proxies: Awaited<ReturnType<typeof startRecordingProxy>>[];
let arr: Record<'radarr' | 'sonarr' | 'prowlarr', ArrFake>;
let plexTv: PlexTvFake;
let plex: PlexFake;
let seerr: SeerrFake;
let bazarr: BazarrFake;
let npm: NpmFake;
let app: AppService;
const pushes: PushEvent[] = [];
const savedEnv = process.env[PLEXTV_URL_ENV];
const portOf = (url: string) => Number(new URL(url).port);
const secret = async (name: SecretName) => (await vault.get(name)) ?? `(vault has no ${name})`;

beforeAll(async () => {
  requireSecretService();
  vault = createSecretVault(createKeytarStore(`Ultimate Plex Stack test full-${Math.random().toString(36).slice(2)}`));
  root = await mkdtemp(join(process.env.UPS_CI_TMP ?? tmpdir(), 'ups-t-wiring-full-'));
  await mkdir(join(root, 'data'));
  await vault.set('vpn.openvpn.user', 'ovpn-user-full');
  await vault.set('vpn.openvpn.password', 'ovpn-pass-full');
  const catalog = await loadCatalog();
  // The full stack: both download clients and the reverse proxy with a domain.
  const services = { qbittorrent: true, nzbget: true, proxy: { enabled: true, domain: 'media.example.com', acmeEmail: 'me@example.com' } };
  const input = (ports: Record<string, number> = {}) => sampleConfigInput({ installRoot: join(root, 'install'), dataRoot: join(root, 'data'), services, ports } as never);
  // Install: the writer generates every key/password into the vault (as `ups init` and the wizard do).
  const first = await writeStack(input(), { catalog, vault });
  if (!first.ok) throw new Error(`stack writer refused the config: ${JSON.stringify(first)}`);

  // The services start with what install gave them: qBittorrent's seeded password hash, the Arrs' keys from the
  // environment, Bazarr's key from its seeded config.yaml. NZBGet starts with its stock login (wiring replaces it).
  qbt = await startQbittorrent({ password: await secret('qbittorrent.password') });
  nzb = await startNzbget();
  proxies = [await startRecordingProxy(qbt.baseUrl), await startRecordingProxy(nzb.baseUrl)];
  // What each container reaches by name on the stack's network; the Arrs test download clients against the real ones.
  const network: FakeNetwork = {
    'vpn:8080': { url: qbt.baseUrl, username: 'admin', password: await secret('qbittorrent.password') },
    'vpn:6789': { url: nzb.baseUrl, username: 'nzbget', password: await secret('nzbget.password') },
  };
  arr = {
    radarr: await startArrFake('radarr', await secret('radarr.api_key'), network),
    sonarr: await startArrFake('sonarr', await secret('sonarr.api_key'), network),
    prowlarr: await startArrFake('prowlarr', await secret('prowlarr.api_key'), network),
  };
  network['radarr:7878'] = { url: arr.radarr.url };
  network['sonarr:8989'] = { url: arr.sonarr.url };
  plexTv = await startPlexTvFake();
  plex = await startPlexFake(plexTv);
  network['plex:32400'] = { url: plex.server.url };
  seerr = await startSeerrFake(network);
  bazarr = await startBazarrFake(network, await secret('bazarr.api_key'));
  // NPM's first start created the admin from INITIAL_ADMIN_EMAIL/INITIAL_ADMIN_PASSWORD (compose/proxy.yml).
  npm = await startNpmFake(NPM_ADMIN_EMAIL, await secret('proxy.admin_password'));
  npm.reachableDomains.add('plex.media.example.com').add('requests.media.example.com');

  // The user moves the published ports (here: to where the stand-ins listen); the writer keeps every secret.
  const ports = {
    qbittorrent: portOf(proxies[0]!.url),
    nzbget: portOf(proxies[1]!.url),
    radarr: portOf(arr.radarr.url),
    sonarr: portOf(arr.sonarr.url),
    prowlarr: portOf(arr.prowlarr.url),
    plex: portOf(plex.server.url),
    seerr: portOf(seerr.url),
    bazarr: portOf(bazarr.server.url),
    proxyAdmin: portOf(npm.server.url),
    // Not listened on here (the proxy's own traffic ports); below the ephemeral range the stand-ins use.
    proxyHttp: 18080,
    proxyHttps: 18443,
  };
  const second = await writeStack(input(ports), { catalog, vault });
  if (!second.ok) throw new Error(`stack writer refused the config: ${JSON.stringify(second)}`);
  expect(second.createdSecrets).toEqual([]);

  process.env[PLEXTV_URL_ENV] = plexTv.server.url;
  const installRoot = async () => join(root, 'install');
  app = createAppService({
    version: 'test',
    platform: 'linux',
    arch: 'x64',
    door: 'cli',
    project: 'ups-t-wiring-full',
    installRoot,
    endpoint: { label: 'unused', docker: { listContainers: async () => [] } } as unknown as DockerEndpoint,
    detectCompose: async () => ({ available: false }) as never,
    vault,
    // The production composition (app-service.ts; plex.tv through the UPS_PLEXTV_URL test seam) except the download folders: the real clients run on this host,
    // so /data/torrents and /data/usenet become folders of their own temp dirs.
    wiring: stackWiringSource({
      installRoot,
      vault,
      options: { torrentsPath: join(qbt.dir, 'torrents'), usenetPath: join(nzb.dir, 'usenet') },
      more: [arrSideWiring(vault)],
    }),
  });
  app.subscribe((e) => pushes.push(e));
}, 120_000);

afterAll(async () => {
  const fakes = [arr?.radarr.server, arr?.sonarr.server, arr?.prowlarr.server, seerr?.server, plexTv?.server, plex?.server, bazarr?.server, npm?.server];
  const violations = fakes.flatMap((f) => f?.violations ?? []);
  await Promise.all([...Object.values(arr ?? {}).map((f) => f.stop()), seerr?.stop(), plexTv?.server.stop(), plex?.server.stop(), bazarr?.server.stop(), npm?.server.stop(), ...(proxies ?? []).map((p) => p.close())]);
  await qbt?.stop();
  await nzb?.stop();
  if (vault) for (const name of secretNames) await vault.delete(name);
  if (root) await rm(root, { recursive: true, force: true });
  if (savedEnv === undefined) delete process.env[PLEXTV_URL_ENV];
  else process.env[PLEXTV_URL_ENV] = savedEnv;
  expect(violations, 'requests/responses outside the specs or recordings').toEqual([]);
});

const fakeWrites = () => [arr.radarr, arr.sonarr, arr.prowlarr].map((f) => f.server.writes()).flat().concat(seerr.server.writes(), plex.server.writes(), plexTv.server.writes(), bazarr.server.writes(),
  // Every call builds fresh clients, so NPM is logged in again (POST /api/tokens): a login, not a change, like qBittorrent's.
  npm.server.writes().filter((c) => c.path !== '/api/tokens'));
const clearFakeCalls = () => [arr.radarr.server, arr.sonarr.server, arr.prowlarr.server, seerr.server, plex.server, plexTv.server, bazarr.server, npm.server].forEach((s) => s.calls.splice(0));
const qbtWrites = (rs: RecordedRequest[]) => rs.filter((r) => r.method !== 'GET' && r.path !== '/api/v2/auth/login');
const nzbWrites = (rs: RecordedRequest[]) => rs.map((r) => (JSON.parse(r.body) as { method: string }).method).filter((m) => !['version', 'loadconfig', 'config'].includes(m));

async function value<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const env = await p;
  if (!env.ok) throw new Error(env.error.message);
  return env.value;
}

/** Drift by hand, straight through qBittorrent's own API (not our client): the user deletes the tv-sonarr category. */
async function removeQbtCategory(name: string): Promise<void> {
  const login = await fetch(`${qbt.baseUrl}/api/v2/auth/login`, { method: 'POST', body: new URLSearchParams({ username: 'admin', password: await secret('qbittorrent.password') }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const res = await fetch(`${qbt.baseUrl}/api/v2/torrents/removeCategories`, { method: 'POST', headers: { cookie }, body: new URLSearchParams({ categories: name }) });
  expect(res.status).toBe(200);
}

describe('full stack wiring through the App service', () => {
  it('sign in → plan → apply → links green → no-op apply → drift planned and repaired', async () => {
    // Plex sign-in as the wizard does it: the token goes to the vault and the server is claimed.
    const start = await value(app.call('plex.signin.start'));
    plexTv.approve(start.pinId, 'admin-plex-token-full');
    expect(await value(app.call('plex.signin.poll', { pinId: start.pinId }))).toMatchObject({ status: 'signed-in', claim: { ok: true } });

    const plan = await value(app.call('wiring.plan'));
    expect(plan.failed).toBe(0);
    const services = new Set(plan.steps.map((s) => s.service));
    expect([...services].sort()).toEqual(['bazarr', 'nzbget', 'plex', 'prowlarr', 'proxy', 'qbittorrent', 'radarr', 'seerr', 'sonarr']);
    const pending = plan.steps.flatMap((s) => s.changes).filter((c) => c.action !== 'nothing');
    expect(pending.length).toBe(plan.pending);
    for (const svc of ['qbittorrent', 'nzbget', 'radarr', 'sonarr', 'prowlarr', 'seerr', 'bazarr', 'proxy']) expect(pending.some((c) => c.service === svc), `${svc} has work`).toBe(true);
    expect(pending.every((c) => c.reason.length > 0)).toBe(true);
    // Claimed by the sign-in already: the plan has nothing to do for the owner.
    expect(plan.steps.find((s) => s.id === 'plex.claim')!.changes.map((c) => c.action)).toEqual(['nothing']);

    pushes.length = 0;
    const applied = await value(app.call('wiring.apply'));
    expect(applied.steps.filter((s) => s.status !== 'applied' && s.status !== 'unchanged').map((s) => `${s.id}:${s.status}:${s.error?.message}`)).toEqual([]);
    expect(applied.ok).toBe(true);
    const progressed = new Set(pushes.flatMap((e) => (e.type === 'progress' ? [e.progress.step] : [])));
    for (const s of applied.steps.filter((x) => x.status === 'applied')) expect(progressed.has(s.id), `progress for ${s.id}`).toBe(true);
    // What the services now hold, read from their side.
    expect(seerr.state.users.map((u) => u.plexToken)).toEqual(['admin-plex-token-full']);
    expect(await vault.get('seerr.api_key')).toBe(seerr.state.apiKey);
    expect(arr.sonarr.state.downloadclient.map((p) => p.name).sort()).toEqual(['NZBGet', 'qBittorrent']);
    expect(plex.state.owner).toBe('admin-plex-token-full');
    expect(npm.hosts.map((h) => [(h.domain_names as string[])[0], h.forward_host, h.ssl_forced]).sort()).toEqual([['plex.media.example.com', 'plex', true], ['requests.media.example.com', 'seerr', true]]);

    const links = await value(app.call('links.test'));
    expect(links.links.filter((l) => !l.ok).map((l) => `${l.from} → ${l.to}: ${l.detail}`)).toEqual([]);
    expect(links.ok).toBe(true);
    // Every link of the issue, each tested through the service's own test endpoint or a round trip.
    expect(links.links.map((l) => l.id).sort()).toEqual(
      ['ups->qbittorrent', 'ups->nzbget', 'app->plex']
        .concat(['radarr', 'sonarr', 'prowlarr'].flatMap((a) => [`${a}->qbittorrent`, `${a}->nzbget`]))
        .concat(['prowlarr->radarr', 'prowlarr->sonarr', 'seerr->radarr', 'seerr->sonarr', 'seerr->plex', 'bazarr->sonarr', 'bazarr->radarr', 'proxy->plex', 'proxy->seerr'])
        .sort(),
    );

    // A second apply reads only, on the fakes and on the real clients (counted at the recording proxies).
    clearFakeCalls();
    for (const p of proxies) p.requests.length = 0;
    const again = await value(app.call('wiring.apply'));
    expect(again.steps.filter((s) => s.status !== 'unchanged').map((s) => s.id)).toEqual([]);
    expect(fakeWrites()).toEqual([]);
    expect(qbtWrites(proxies[0]!.requests)).toEqual([]);
    expect(proxies[0]!.requests.length).toBeGreaterThan(0);
    expect(nzbWrites(proxies[1]!.requests)).toEqual([]);
    expect(proxies[1]!.requests.length).toBeGreaterThan(0);

    // Drift by hand in a real client and in the fakes.
    await removeQbtCategory('tv-sonarr');
    seerr.state.plex.libraries[1]!.enabled = false;
    arr.radarr.state.rootfolder = [];
    const drift = await value(app.call('wiring.plan'));
    const found = drift.steps.flatMap((s) => s.changes).filter((c) => c.action !== 'nothing').map((c) => `${c.service}:${c.action}:${c.resource}`);
    expect(found.some((c) => /^qbittorrent:create:category tv-sonarr/.test(c)), found.join('\n')).toBe(true);
    expect(found).toContain('seerr:update:Plex libraries');
    expect(found.some((c) => /^radarr:create:root folder/.test(c)), found.join('\n')).toBe(true);
    expect(drift.pending).toBe(found.length);

    const repaired = await value(app.call('wiring.apply'));
    expect(repaired.ok).toBe(true);
    expect((await value(app.call('wiring.plan'))).pending).toBe(0);
    expect(seerr.state.plex.libraries.every((l) => l.enabled)).toBe(true);
    expect((await value(app.call('links.test'))).ok).toBe(true);

    // The same state through the CLI door (`ups plan`, `ups links`) on this App service.
    const out: string[] = [];
    const cli = (argv: string[]) => runCli(argv, { version: 'test', app: () => app, serve: async () => 0, io: { out: (t) => out.push(t), err: (t) => out.push(t) } });
    expect(await cli(['plan'])).toBe(0);
    expect(out.join('\n')).toMatch(/^Nothing to change\.$/m);
    expect(await cli(['links'])).toBe(0);
    expect(out.join('\n')).toMatch(/^All 18 links work\.$/m);
  });
});
