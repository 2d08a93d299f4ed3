// The migration's share of the App service: `migrate.*` handlers wired from the App's deps (install root, engine,
// compose, vault), with progress pushed to every door as the contract's ProgressEvent.
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { ComposeFacts, PushEvent } from '../contract';
import type { MigrateFinishInput, MigratePlanInput, MigrateProgress } from '../contract/migrate';
import type { DockerEndpoint } from '../engine/docker-endpoint';
import { COMPOSE_FILE, resolveTarget } from '../engine/compose/compose-target';
import { STACK_FILE, parseStackFile } from '../install/stack-file';
import type { SecretVault } from '../vault/secret-vault';
import { userConfigDir } from '../app/install-pointer';
import { installedPlexClientId } from '../plex/plex-client-id';
import { PlexServerClient } from '../plex/plex-server-client';
import { arrLibraryHook } from './arr-hooks';
import { composeStack } from './compose-stack';
import { containerFileCountHook } from './container-count-hook';
import { splitVolumeSpec } from '../stack/compose-rewrite';
import { createMigrateService, type MigrateDeps } from './migrate-service';
import { PLEX_HOOK, plexLibraryHooks } from './plex-hook';
import { clearMigrationStop, migrationStopRequested, requestMigrationStop } from './stop-signal';
import type { LibraryHook } from './switch';

export interface MigrateHandlerDeps {
  project: string;
  platform: NodeJS.Platform;
  endpoint: DockerEndpoint;
  installRoot(): Promise<string | null>;
  detectCompose(): Promise<ComposeFacts>;
  vault: SecretVault;
  configDir?: string;
  /** Test seams and door-specific hooks (Plex/Arr rescans from the wiring issue go here). */
  migrate?: Partial<MigrateDeps>;
}

export function progressMessage(p: MigrateProgress): string {
  const mib = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`;
  const eta = p.etaSeconds === null ? '' : ` · ETA ${Math.floor(p.etaSeconds / 60)}m${String(p.etaSeconds % 60).padStart(2, '0')}s`;
  return `${p.filesDone}/${p.filesTotal} files · ${mib(p.bytesDone)} of ${mib(p.bytesTotal)} · ${mib(p.rateBps)}/s${eta}`;
}

export function defaultMigrateDeps(deps: MigrateHandlerDeps, publish: (e: PushEvent) => void, env: NodeJS.ProcessEnv = process.env): MigrateDeps {
  const composeFile = async () => {
    const root = await deps.installRoot();
    const file = root ? path.join(root, COMPOSE_FILE) : null;
    return file && (await access(file).then(() => true, () => false)) ? file : null;
  };
  const stackConfig = async () => {
    const root = await deps.installRoot();
    const text = root ? await readFile(path.join(root, STACK_FILE), 'utf8').catch(() => null) : null;
    const cfg = text ? parseStackFile(text) : null;
    return cfg?.ok ? cfg.value : null;
  };
  return {
    stateDir: env.UPS_MIGRATE_STATE_DIR ?? path.join(deps.configDir ?? userConfigDir(env), 'migrate'),
    platform: deps.platform,
    dataRoot: async () => (await stackConfig())?.dataRoot ?? null,
    composeFile,
    async stack(file) {
      const target = await resolveTarget(deps);
      return composeStack({ target: { ...target, file }, docker: deps.endpoint.docker });
    },
    async hooks() {
      const file = await composeFile();
      if (!file) return [];
      const text = await readFile(file, 'utf8');
      const hooks = dataMountHooks(deps, text);
      // Radarr/Sonarr rescans and counts where the stack has them and their API keys are in the vault.
      const cfg = await stackConfig();
      const services = (parse(text) as { services?: Record<string, unknown> } | null)?.services ?? {};
      for (const app of ['radarr', 'sonarr'] as const) {
        const apiKey = cfg && app in services ? await deps.vault.get(`${app}.api_key`).catch(() => null) : null;
        if (cfg && apiKey) hooks.push(arrLibraryHook({ app, url: `http://127.0.0.1:${cfg.ports[app]}`, apiKey }));
      }
      // Plex library scans and counts per section; without a sign-in or a library the switch reports why it did not.
      if ('plex' in services) {
        if (!cfg) hooks.push({ name: PLEX_HOOK, skipped: 'no stack.yml, so the Plex port is unknown and Plex libraries were not compared', count: () => Promise.reject(new Error('skipped')) });
        else {
          const token = () => deps.vault.get('plex.token').catch(() => null);
          // The same plex.tv client id as the sign-in and the wiring (one device per user profile).
          const clientId = await installedPlexClientId(deps.configDir ?? userConfigDir(env), cfg);
          const client = new PlexServerClient({ url: `http://127.0.0.1:${cfg.ports.plex}`, token, clientId });
          hooks.push(...(await plexLibraryHooks({ client, hasToken: async () => Boolean(await token()) })));
        }
      }
      return hooks;
    },
    onProgress: (p) => publish({ type: 'progress', progress: { operationId: 'migrate', step: 'copy', current: p.bytesDone, total: p.bytesTotal, message: progressMessage(p) } }),
    stopRequested: migrationStopRequested,
    hasSecret: async (name) => Boolean(await deps.vault.get(name)),
    ...deps.migrate,
  };
}

/** One file-count hook per service that mounts /data or /data/media: the same files must be visible after the switch. */
export function dataMountHooks(deps: Pick<MigrateHandlerDeps, 'endpoint' | 'project'>, composeText: string): LibraryHook[] {
  const doc = parse(composeText) as { services?: Record<string, { volumes?: unknown[] }> } | null;
  const hooks: LibraryHook[] = [];
  for (const [service, def] of Object.entries(doc?.services ?? {})) {
    const targets = (def?.volumes ?? []).map((v) => (typeof v === 'string' ? splitVolumeSpec(v)?.target : (v as { target?: string })?.target));
    const t = targets.includes('/data') ? '/data' : targets.includes('/data/media') ? '/data/media' : null;
    if (t) hooks.push(containerFileCountHook(deps.endpoint.docker, deps.project, service, t));
  }
  return hooks;
}

export function createMigrateHandlers(deps: MigrateHandlerDeps, publish: (e: PushEvent) => void) {
  const service = createMigrateService(defaultMigrateDeps(deps, publish));
  const run = <T>(work: () => Promise<T>) => {
    clearMigrationStop();
    return work();
  };
  return {
    service,
    handlers: {
      'migrate.plan': (input: MigratePlanInput) => service.plan(input),
      'migrate.start': () => run(service.start),
      'migrate.resume': () => run(service.resume),
      'migrate.status': () => service.status(),
      'migrate.pause': async () => (requestMigrationStop(), service.status()),
      'migrate.finish': (input: MigrateFinishInput) => service.finish(input),
    },
  };
}
