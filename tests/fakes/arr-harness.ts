// Starts the three Arr fakes plus Debian's real qbittorrent-nox and nzbget, wired through one fake network, so every
// save-time provider test of the fakes runs against a real download client.
import { join } from 'node:path';
import { startArrFake, type ArrFake, type ArrFakeOptions } from './arr-fake';
import type { FakeNetwork } from './arr-fake-checks';
import { startNzbget, startQbittorrent, type RunningClient } from '../helpers/real-download-clients';
import { NZBGET_INITIAL } from '../../src/core/wiring/engine/download-client-wiring';
import { createNzbgetClient } from '../../src/core/wiring/clients/nzbget-client';
import { nzbgetSteps } from '../../src/core/wiring/steps/nzbget-steps';
import { nzbgetCategories, type ArrWiringInput } from '../../src/core/wiring/steps/radarr-sonarr-input';

export const arrKeys = { radarr: 'r'.repeat(32), sonarr: 's'.repeat(32), prowlarr: 'p'.repeat(32) };
export const dlCreds = {
  qb: { username: 'admin', password: 'qb-generated-pw' },
  nzb: { username: 'nzbget', password: 'nzb-generated-pw' },
};

export interface ArrStack {
  fakes: Record<'radarr' | 'sonarr' | 'prowlarr', ArrFake>;
  network: FakeNetwork;
  qbt: RunningClient;
  nzb: RunningClient;
  input(over?: Partial<ArrWiringInput>): ArrWiringInput;
  writes(): { method: string; path: string }[];
  clearCalls(): void;
  violations(): string[];
  stop(): Promise<void>;
}

export interface ArrStackOptions {
  /** Each container's environment (see ArrFakeOptions.env). */
  env?: Partial<Record<'radarr' | 'sonarr' | 'prowlarr', Record<string, string>>>;
  /**
   * NZBGet categories to create before the Arrs are wired, as the product's NZBGet step does (default: the product's
   * own list). A test passes a shorter list to see what the Arrs answer when one is missing.
   */
  nzbgetCategories?: string[];
  /** Real clients started once for a test file (startRealClients in beforeAll); stopped by their owner, not here. */
  clients?: RealClients;
}

export interface RealClients {
  qbt: RunningClient;
  nzb: RunningClient;
  stop(): Promise<void>;
}

/** The real download clients with the generated logins, NZBGet holding `categories` (default: the product's list). */
export async function startRealClients(categories: string[] = nzbgetCategories()): Promise<RealClients> {
  const qbt = await startQbittorrent({ password: dlCreds.qb.password });
  let nzb: RunningClient | null = null;
  try {
    nzb = await startNzbget();
    await configureNzbget(nzb, categories);
  } catch (err) {
    await qbt.stop();
    await nzb?.stop();
    throw err;
  }
  const started = nzb;
  return { qbt, nzb: started, stop: async () => void (await Promise.all([qbt.stop(), started.stop()])) };
}

/** NZBGet as the download-client half of the wiring leaves it: generated login, the Arrs' categories. */
async function configureNzbget(nzb: RunningClient, categories: string[]): Promise<void> {
  const client = createNzbgetClient({ baseUrl: nzb.baseUrl, credential: dlCreds.nzb, initial: NZBGET_INITIAL });
  // The Arr fakes reach NZBGet from 127.0.0.1, which in the stack only the VPN container's own processes have (the
  // app and the Arrs arrive from the bridge): a TEST-NET password-free address keeps the login exercised.
  const [step] = nzbgetSteps(client, {
    mainDir: join(nzb.dir, 'usenet'),
    categories,
    ...dlCreds.nzb,
    authorizedIp: '203.0.113.1',
  });
  await step!.apply(await step!.plan(), () => undefined);
}

export async function startArrStack(opts: ArrStackOptions = {}): Promise<ArrStack> {
  const own = opts.clients ? null : await startRealClients(opts.nzbgetCategories);
  const { qbt, nzb } = opts.clients ?? own!;
  const network: FakeNetwork = { 'vpn:8080': { url: qbt.baseUrl }, 'vpn:6789': { url: nzb.baseUrl } };
  const fake = (app: 'radarr' | 'sonarr' | 'prowlarr'): ArrFakeOptions => ({ env: opts.env?.[app] });
  const fakes = {
    radarr: await startArrFake('radarr', arrKeys.radarr, network, fake('radarr')),
    sonarr: await startArrFake('sonarr', arrKeys.sonarr, network, fake('sonarr')),
    prowlarr: await startArrFake('prowlarr', arrKeys.prowlarr, network, fake('prowlarr')),
  };
  network['radarr:7878'] = { url: fakes.radarr.url };
  network['sonarr:8989'] = { url: fakes.sonarr.url };
  const all = () => Object.values(fakes);
  return {
    fakes,
    network,
    qbt,
    nzb,
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
      await own?.stop();
    },
  };
}
