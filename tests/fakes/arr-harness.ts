// Starts the three Arr fakes plus stand-ins for the download clients' web ports, wired through one fake network.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startArrFake, type ArrFake } from './arr-fake';
import type { FakeNetwork } from './arr-fake-checks';
import type { ArrWiringInput } from '../../src/core/wiring/steps/radarr-sonarr-input';

export const arrKeys = { radarr: 'r'.repeat(32), sonarr: 's'.repeat(32), prowlarr: 'p'.repeat(32) };
export const dlCreds = { qb: { username: 'admin', password: 'qb-generated-pw' }, nzb: { username: 'nzbget', password: 'nzb-generated-pw' } };

/** Only reached by the fakes' provider tests (reachability); the real clients are exercised by the qBittorrent/NZBGet suite. */
async function listener(): Promise<Server> {
  const s = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return s;
}
const urlOf = (s: Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;

export interface ArrStack {
  fakes: Record<'radarr' | 'sonarr' | 'prowlarr', ArrFake>;
  network: FakeNetwork;
  input(over?: Partial<ArrWiringInput>): ArrWiringInput;
  writes(): { method: string; path: string }[];
  clearCalls(): void;
  violations(): string[];
  stop(): Promise<void>;
}

export async function startArrStack(): Promise<ArrStack> {
  const stubs = [await listener(), await listener()];
  const network: FakeNetwork = {
    'vpn:8080': { url: urlOf(stubs[0]!), ...dlCreds.qb },
    'vpn:6789': { url: urlOf(stubs[1]!), ...dlCreds.nzb },
  };
  const fakes = {
    radarr: await startArrFake('radarr', arrKeys.radarr, network),
    sonarr: await startArrFake('sonarr', arrKeys.sonarr, network),
    prowlarr: await startArrFake('prowlarr', arrKeys.prowlarr, network),
  };
  network['radarr:7878'] = { url: fakes.radarr.url };
  network['sonarr:8989'] = { url: fakes.sonarr.url };
  const all = () => Object.values(fakes);
  return {
    fakes,
    network,
    input: (over = {}) => ({
      radarr: { url: fakes.radarr.url, internalUrl: 'http://radarr:7878', apiKey: arrKeys.radarr },
      sonarr: { url: fakes.sonarr.url, internalUrl: 'http://sonarr:8989', apiKey: arrKeys.sonarr },
      prowlarr: { url: fakes.prowlarr.url, internalUrl: 'http://prowlarr:9696', apiKey: arrKeys.prowlarr },
      qbittorrent: { host: 'vpn', port: 8080, ...dlCreds.qb },
      nzbget: { host: 'vpn', port: 6789, ...dlCreds.nzb },
      ui: { username: 'ups-admin', password: 'generated-ui-password' },
      paths: { movies: '/data/media/movies', tv: '/data/media/tv' },
      ...over,
    }),
    writes: () => all().flatMap((f) => f.server.writes()),
    clearCalls: () => all().forEach((f) => f.server.calls.splice(0)),
    violations: () => all().flatMap((f) => f.server.violations),
    async stop() {
      await Promise.all(all().map((f) => f.stop()));
      await Promise.all(stubs.map((s) => new Promise((r) => s.close(r))));
    },
  };
}
