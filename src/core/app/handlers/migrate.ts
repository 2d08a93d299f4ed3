// Use cases of the NAS migration: `migrate.*` wired from the App's deps (install root, engine, compose, vault), with
// progress pushed to every door as the contract's ProgressEvent.
import { access, readFile } from 'node:fs/promises';
import { progressMessage } from '../../contract/migrate-format';
import type { AppContext, HandlerGroup } from '../app-context';
import { installedStackOf } from '../../wiring/wiring-source';
import path from 'node:path';
import { parse } from 'yaml';
import type { PushEvent } from '../../contract';
import type { MigrateFinishInput, MigratePlanInput } from '../../contract/migrate';
import { resolveTarget, type TargetDeps } from '../../engine/compose/compose-target';
import { COMPOSE_FILE } from '../../install/install-layout';
import { installedPlexClientId } from '../../plex/plex-client-id';
import { PlexServerClient } from '../../plex/plex-server-client';
import { arrLibraryHook } from '../../migrate/arr-hooks';
import { composeStack } from '../../migrate/compose-stack';
import { containerFileCountHook } from '../../migrate/container-count-hook';
import { splitVolumeSpec } from '../../stack/compose-rewrite';
import { createMigrateService, type MigrateDeps } from '../../migrate/migrate-service';
import { PLEX_HOOK, plexLibraryHooks } from '../../migrate/plex-hook';
import { clearMigrationStop, migrationStopRequested, requestMigrationStop } from '../../migrate/stop-signal';
import type { LibraryHook } from '../../migrate/switch';

/** The compose target's deps (project, engine, install root, vault, host variables) plus the migration's own. */
export interface MigrateHandlerDeps extends TargetDeps {
  /** Per-user config dir (the plex.tv client id). */
  configDir: string;
  /** Where the migration keeps its state. */
  stateDir: string;
  /** Overrides (library hooks in tests). */
  migrate: Partial<MigrateDeps>;
}

export function migrateDepsFor(deps: MigrateHandlerDeps, publish: (e: PushEvent) => void): MigrateDeps {
  const composeFile = async () => {
    const root = await deps.installRoot();
    const file = root ? path.join(root, COMPOSE_FILE) : null;
    return file &&
      (await access(file).then(
        () => true,
        () => false,
      ))
      ? file
      : null;
  };
  // A damaged stack.yml is reported by the one reader (with its path and fix), never taken for "no data root".
  const stackConfig = () => installedStackOf(deps.installRoot);
  return {
    stateDir: deps.stateDir,
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
        if (cfg && apiKey)
          hooks.push(arrLibraryHook({ app, url: `http://${deps.endpoint.serviceHost}:${cfg.ports[app]}`, apiKey }));
      }
      // Plex library scans and counts per section; without a sign-in or a library the switch reports why it did not.
      if ('plex' in services) {
        if (!cfg)
          hooks.push({
            name: PLEX_HOOK,
            skipped: 'no stack.yml, so the Plex port is unknown and Plex libraries were not compared',
            count: () => Promise.reject(new Error('skipped')),
          });
        else {
          const token = () => deps.vault.get('plex.token').catch(() => null);
          // The same plex.tv client id as the sign-in and the wiring (one device per user profile).
          const clientId = await installedPlexClientId(deps.configDir, cfg);
          const client = new PlexServerClient({
            url: `http://${deps.endpoint.serviceHost}:${cfg.ports.plex}`,
            token,
            clientId,
          });
          hooks.push(...(await plexLibraryHooks({ client, hasToken: async () => Boolean(await token()) })));
        }
      }
      return hooks;
    },
    onProgress: (p) =>
      publish({
        type: 'progress',
        progress: {
          operationId: 'migrate',
          step: 'copy',
          current: p.bytesDone,
          total: p.bytesTotal,
          message: progressMessage(p),
        },
      }),
    stopRequested: migrationStopRequested,
    hasSecret: async (name) => Boolean(await deps.vault.get(name)),
    ...deps.migrate,
  };
}

/** One file-count hook per service that mounts /data or /data/media: the same files must be visible after the switch. */
export function dataMountHooks(
  deps: Pick<MigrateHandlerDeps, 'endpoint' | 'project'>,
  composeText: string,
): LibraryHook[] {
  const doc = parse(composeText) as { services?: Record<string, { volumes?: unknown[] }> } | null;
  const hooks: LibraryHook[] = [];
  for (const [service, def] of Object.entries(doc?.services ?? {})) {
    const targets = (def?.volumes ?? []).map((v) =>
      typeof v === 'string' ? splitVolumeSpec(v)?.target : (v as { target?: string })?.target,
    );
    const t = targets.includes('/data') ? '/data' : targets.includes('/data/media') ? '/data/media' : null;
    if (t) hooks.push(containerFileCountHook(deps.endpoint.docker, deps.project, service, t));
  }
  return hooks;
}

export function migrateHandlers({ deps, publish }: AppContext): HandlerGroup {
  // The copy's pushes carry the id of the call running it: the caller's when given, else 'migrate' as before.
  let copyId = 'migrate';
  const tagged = (e: PushEvent) =>
    publish(e.type === 'progress' ? { ...e, progress: { ...e.progress, operationId: copyId } } : e);
  const service = createMigrateService(
    migrateDepsFor(
      {
        ...deps,
        configDir: deps.profile.configDir,
        stateDir: deps.profile.migrateStateDir,
        hostEnv: deps.engine.hostEnv,
      },
      tagged,
    ),
  );
  const run = <T>(work: () => Promise<T>, operationId = 'migrate') => {
    clearMigrationStop();
    copyId = operationId;
    return work();
  };
  return {
    'migrate.plan': (input: MigratePlanInput) => service.plan(input),
    'migrate.start': (input: { operationId?: string } = {}) => run(service.start, input.operationId),
    'migrate.resume': (input: { operationId?: string } = {}) => run(service.resume, input.operationId),
    'migrate.status': () => service.status(),
    'migrate.pause': async () => (requestMigrationStop(), service.status()),
    'migrate.finish': (input: MigrateFinishInput) => service.finish(input),
  };
}
