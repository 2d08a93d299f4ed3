// A full stack for the full wiring end-to-end test and bench: stack.yml and secrets from the real stack writer, real
// qbittorrent-nox (seeded password hash) and nzbget behind recording proxies, spec-validating fakes for Radarr/Sonarr/
// Prowlarr/Seerr and recorded fakes for plex.tv/Plex/Bazarr/NPM, all on loopback ports that stack.yml publishes.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadCatalog } from '../../src/core/stack/catalog';
import { sampleConfigInput } from '../../src/core/stack/sample-config';
import type { StackVault } from '../../src/core/stack/stack-secrets';
import { writeStack } from '../../src/core/stack/write-stack';
import { envVarFor, secretNames, type SecretName } from '../../src/core/contract/secret-names';
import type { HttpCall } from '../../src/core/http/http-json';
import type { WiringSource } from '../../src/core/wiring/wiring-source';
import { stackWiringSource } from '../../src/core/wiring/wiring-source';
import { arrSideWiring } from '../../src/core/wiring/steps/radarr-sonarr-stack-wiring';
import {
  startNzbget,
  startQbittorrent,
  startRecordingProxy,
  type RunningClient,
} from '../helpers/real-download-clients';
import type { FakeNetwork } from './arr-fake-checks';
import { startArrFake, type ArrFake } from './arr-fake';
import { startBazarrFake, type BazarrFake } from './bazarr-fake';
import { startNpmFake, type NpmFake } from './npm-fake';
import { startPlexFake, startPlexTvFake, type PlexFake, type PlexTvFake } from './plex-fakes';
import { startSeerrFake, type SeerrFake } from './seerr-fake';

export interface FullStack {
  installRoot: string;
  qbt: RunningClient;
  nzb: RunningClient;
  /** [qBittorrent, NZBGet]: every request as the real client received it. */
  proxies: Awaited<ReturnType<typeof startRecordingProxy>>[];
  arr: Record<'radarr' | 'sonarr' | 'prowlarr', ArrFake>;
  plexTv: PlexTvFake;
  plex: PlexFake;
  seerr: SeerrFake;
  bazarr: BazarrFake;
  npm: NpmFake;
  /** The production composition (app-service.ts) but for the download folders, which are the real clients' temp dirs. */
  wiring(onCall?: (c: HttpCall) => void): WiringSource;
  /** Fake writes (NPM logins excluded: every call builds fresh clients, so each apply logs in again). */
  fakeWrites(): { method: string; path: string }[];
  clearCalls(): void;
  violations(): string[];
  stop(): Promise<void>;
}

const portOf = (url: string) => Number(new URL(url).port);

/** `vault` must already hold the VPN credentials (user secrets); the writer generates everything else into it. */
export async function startFullStack(vault: StackVault): Promise<FullStack> {
  const root = await mkdtemp(join(process.env.UPS_CI_TMP ?? tmpdir(), 'ups-t-wiring-full-'));
  // Whatever started is stopped again when a later start fails, so no client process outlives a broken setup.
  const started: (() => Promise<unknown>)[] = [() => rm(root, { recursive: true, force: true })];
  const track = <T extends object>(x: T, stop: (x: T) => Promise<unknown>): T => (started.unshift(() => stop(x)), x);
  try {
    return await build(vault, root, track);
  } catch (err) {
    for (const stop of started) await stop().catch(() => undefined);
    throw err;
  }
}

/** The host's LAN address the harness's wiring advertises to Plex (in sampleConfig's default 192.168.0.0/16). */
export const FULL_STACK_LAN_ADDRESS = '192.168.1.23';

type Track = <T extends object>(x: T, stop: (x: T) => Promise<unknown>) => T;

async function build(vault: StackVault, root: string, track: Track): Promise<FullStack> {
  await mkdir(join(root, 'data'));
  const installRoot = join(root, 'install');
  const secret = async (name: SecretName) => (await vault.get(name)) ?? `(vault has no ${name})`;
  const catalog = await loadCatalog();
  // The full stack: both download clients and the reverse proxy with a domain.
  const services = {
    qbittorrent: true,
    nzbget: true,
    proxy: { enabled: true, domain: 'media.example.com', acmeEmail: 'me@example.com' },
  };
  const input = (ports: Record<string, number> = {}) =>
    sampleConfigInput({ installRoot, dataRoot: join(root, 'data'), services, ports } as never);
  // Install: the writer generates every key/password into the vault (as `ups init` and the wizard do).
  const first = await writeStack(input(), { catalog, vault });
  if (!first.ok) throw new Error(`stack writer refused the config: ${JSON.stringify(first)}`);

  // The services start with what install gave them: qBittorrent's seeded password hash, the Arrs' keys from the
  // environment, Bazarr's key from its seeded config.yaml. NPM starts with no user (setup mode; wiring creates the
  // admin). NZBGet starts with its stock login (wiring replaces it).
  const qbt = track(await startQbittorrent({ password: await secret('qbittorrent.password') }), (c) => c.stop());
  const nzb = track(await startNzbget(), (c) => c.stop());
  const proxies = [
    track(await startRecordingProxy(qbt.baseUrl), (p) => p.close()),
    track(await startRecordingProxy(nzb.baseUrl), (p) => p.close()),
  ];
  // What each container reaches by name on the stack's network; the Arrs test download clients against the real ones.
  const network: FakeNetwork = {
    'vpn:8080': { url: qbt.baseUrl },
    'vpn:6789': { url: nzb.baseUrl },
  };
  // Each Arr fake gets its container's environment from the generated compose.yaml: env-set settings win on read.
  const composed = parse(await readFile(join(installRoot, 'compose.yaml'), 'utf8')) as {
    services: Record<string, { environment?: Record<string, string> }>;
  };
  // `${UPS_…}` references get the vault's value, as compose fills them at `up` (the API key variable included).
  const byVar = new Map(secretNames.map((n) => [envVarFor(n), n]));
  const resolve = async (v: string) => {
    const m = /^\$\{(UPS_[A-Z0-9_]+)(?::[?-][^}]*)?\}$/.exec(v);
    const name = m ? byVar.get(m[1]!) : undefined;
    return name ? secret(name) : v;
  };
  const envs: Record<string, Record<string, string>> = {};
  for (const app of ['radarr', 'sonarr', 'prowlarr']) {
    envs[app] = {};
    for (const [k, v] of Object.entries(composed.services[app]?.environment ?? {}))
      envs[app][k] = await resolve(String(v));
  }
  const env = (app: string) => ({ env: envs[app] });
  const arr = {
    radarr: track(await startArrFake('radarr', await secret('radarr.api_key'), network, env('radarr')), (f) =>
      f.stop(),
    ),
    sonarr: track(await startArrFake('sonarr', await secret('sonarr.api_key'), network, env('sonarr')), (f) =>
      f.stop(),
    ),
    prowlarr: track(await startArrFake('prowlarr', await secret('prowlarr.api_key'), network, env('prowlarr')), (f) =>
      f.stop(),
    ),
  };
  network['radarr:7878'] = { url: arr.radarr.url };
  network['sonarr:8989'] = { url: arr.sonarr.url };
  const plexTv = track(await startPlexTvFake(), (f) => f.server.stop());
  const plex = track(await startPlexFake(plexTv), (f) => f.server.stop());
  network['plex:32400'] = { url: plex.server.url };
  const seerr = track(await startSeerrFake(network), (f) => f.stop());
  const bazarr = track(await startBazarrFake(network, await secret('bazarr.api_key')), (f) => f.server.stop());
  const npm = track(await startNpmFake(), (f) => f.server.stop());
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
  if (second.createdSecrets.length > 0)
    throw new Error(`the second write rotated secrets: ${second.createdSecrets.join(', ')}`);

  const servers = () => [
    arr.radarr.server,
    arr.sonarr.server,
    arr.prowlarr.server,
    seerr.server,
    plexTv.server,
    plex.server,
    bazarr.server,
    npm.server,
  ];
  return {
    installRoot,
    qbt,
    nzb,
    proxies,
    arr,
    plexTv,
    plex,
    seerr,
    bazarr,
    npm,
    wiring: (onCall) =>
      stackWiringSource({
        installRoot: async () => installRoot,
        vault,
        // The harness reaches nzbget from 127.0.0.1, which in the stack only the VPN namespace has: a TEST-NET
        // password-free address keeps NZBGet's login in play.
        options: {
          torrentsPath: join(qbt.dir, 'torrents'),
          usenetPath: join(nzb.dir, 'usenet'),
          nzbgetAuthorizedIp: '203.0.113.1',
          onCall,
        },
        // This machine's own interfaces vary; a LAN address as a home PC would have one.
        more: [arrSideWiring(vault, { onCall, lanAddresses: () => [FULL_STACK_LAN_ADDRESS] })],
      }),
    fakeWrites: () =>
      [arr.radarr, arr.sonarr, arr.prowlarr]
        .flatMap((f) => f.server.writes())
        .concat(
          seerr.server.writes(),
          plex.server.writes(),
          plexTv.server.writes(),
          bazarr.server.writes(),
          npm.server.writes().filter((c) => c.path !== '/api/tokens'),
        ),
    clearCalls: () => servers().forEach((s) => s.calls.splice(0)),
    violations: () => servers().flatMap((s) => s.violations),
    async stop() {
      await Promise.all([
        ...Object.values(arr).map((f) => f.stop()),
        seerr.stop(),
        plexTv.server.stop(),
        plex.server.stop(),
        bazarr.server.stop(),
        npm.server.stop(),
        ...proxies.map((p) => p.close()),
      ]);
      await qbt.stop();
      await nzb.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}
