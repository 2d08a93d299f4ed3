// App services for tests: the production composition (default-deps) with the test's own choices on top, so a test
// names only what it changes (project, install root, vault, engine tuning) and everything else is what ships.
import { createAppService, type AppDeps, type AppService } from '../../src/core/app/app-service';
import { defaultAppDeps } from '../../src/core/app/default-deps';
import type { EngineOptions } from '../../src/core/app/app-deps';
import { createHostContext, type HostContext } from '../../src/core/probes/host-context';
import { createKeytarVault } from '../../src/core/vault/keytar-vault';
import { productionChain, productionWiring } from '../../src/core/app/production-wiring';

export type TestAppOverrides = Partial<Omit<AppDeps, 'engine' | 'host'>> & {
  engine?: Partial<EngineOptions>;
  /** The machine the checks see: AppDeps' loader, or the object itself. */
  host?: HostContext | AppDeps['host'];
  configDir?: string;
};

/** Full AppDeps: production defaults (read from process.env now), then the overrides; the host context and the wiring
 *  follow an overridden install root and vault. */
export function testAppDeps(over: TestAppOverrides = {}): AppDeps {
  const { engine, configDir, host: givenHost, ...rest } = over;
  const env = configDir ? { ...process.env, UPS_CONFIG_DIR: configDir } : process.env;
  const base = defaultAppDeps({ version: 'test', door: over.door ?? 'cli', env });
  const installRoot = over.installRoot ?? base.installRoot;
  const vault = over.vault ?? base.vault;
  const plex = over.plex ?? base.plex;
  const profile = over.profile ?? base.profile;
  const hostContext = createHostContext(process.env, { installRoot });
  return {
    ...base,
    host: typeof givenHost === 'function' ? givenHost : async () => givenHost ?? hostContext,
    // The engine's host is read when the wiring is built, as in production: a damaged engine choice fails that call.
    wiring: (build) =>
      productionWiring({
        installRoot,
        vault,
        plex,
        profile,
        serviceHost: (over.endpoint ?? base.endpoint).serviceHost,
      })(build),
    chain: productionChain({ installRoot, vault, profile, docker: () => (over.endpoint ?? base.endpoint).docker }),
    ...rest,
    installRoot,
    vault,
    plex,
    profile,
    engine: { ...base.engine, ...engine },
  };
}

export function createTestApp(opts: {
  project: string;
  installRoot?: string | null;
  door?: 'cli' | 'browser' | 'electron';
}): AppService {
  return createAppService(
    testAppDeps({
      door: opts.door ?? 'browser',
      project: opts.project,
      installRoot: async () => opts.installRoot ?? null,
      vault: createKeytarVault('UPS test vault'),
    }),
  );
}
