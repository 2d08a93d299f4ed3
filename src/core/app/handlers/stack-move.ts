// Use cases of "Move the stack to another engine" (stack.move.*): the move service wired from the App's deps — the
// current engine as the source, a target endpoint resolved like the Docker CLI, compose runs against either, the stack
// files regenerated for the target, the production wiring at the target's host, and progress pushed to every door.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EngineTarget } from '../../contract/stack-move';
import { resolveTarget } from '../../engine/compose/compose-target';
import { createDockerEndpoint, type DockerEndpoint } from '../../engine/docker-endpoint';
import { arrConfigPath } from '../../install/read-arr-config';
import { readInstalledStack } from '../../install/read-installed-stack';
import { requireInstallRoot } from '../../install/not-installed';
import { createStackMoveService, type LinkReport, type StackMoveDeps } from '../../migrate/stack-move';
import { writeEngineChoice } from '../../profile/engine-choice';
import { prepareData } from '../../stack/bring-up';
import { loadCatalog } from '../../stack/catalog';
import { generateStack } from '../../stack/generate-stack';
import { connectStack } from '../../wiring/engine/connect-stack';
import type { AppContext, HandlerGroup } from '../app-context';
import type { AppDeps } from '../app-deps';
import { productionWiring } from '../production-wiring';

/** How long the target may take to report every service healthy (first start of a NAS pulls the images). */
const HEALTH_TIMEOUT_MS = 15 * 60_000;

export function stackMoveDeps(deps: AppDeps, publish: AppContext['publish']): StackMoveDeps {
  return {
    stateDir: path.join(deps.profile.configDir, 'stack-move'),
    project: deps.project,
    source: deps.endpoint,
    endpointFor: (target: EngineTarget) =>
      createDockerEndpoint(deps.engine.hostEnv, deps.platform, { setting: target }),
    composeTargetFor: (endpoint: DockerEndpoint) =>
      resolveTarget({ ...deps, endpoint, composeEnv: deps.engine.composeEnv, hostEnv: deps.engine.hostEnv }),
    installRoot: deps.installRoot,
    async filesFor(dataRoot, publishHost) {
      const root = await requireInstallRoot(deps.installRoot);
      const cfg = await readInstalledStack(root);
      if (!cfg) throw new Error(`stack.yml is missing in ${root}: the stack files cannot be written for the target.`);
      const arrText = await readFile(arrConfigPath(root), 'utf8').catch(() => undefined);
      const moved = { ...cfg, ...(dataRoot ? { dataRoot } : {}) };
      return generateStack(moved, await loadCatalog(deps.catalogDir), arrText, publishHost).files;
    },
    async prepareData(endpoint) {
      const cfg = await readInstalledStack(await requireInstallRoot(deps.installRoot));
      if (!cfg) throw new Error('stack.yml is missing: the media folder on the target cannot be prepared.');
      const r = await prepareData(endpoint.docker, cfg);
      return { ok: r.ok, detail: r.detail, ...(r.fix ? { fix: r.fix } : {}) };
    },
    async wire(serviceHost, operationId): Promise<LinkReport> {
      const wiring = await productionWiring({
        installRoot: deps.installRoot,
        vault: deps.vault,
        plex: { ...deps.plex, serviceHost },
        profile: deps.profile,
        serviceHost,
      })();
      if (!wiring)
        return {
          ok: false,
          links: [],
          problems: [{ message: 'no stack is configured', fix: 'Install the stack first.' }],
        };
      const r = await connectStack(wiring, {
        operationId,
        progress: (progress) => publish({ type: 'progress', progress }),
      });
      return {
        ok: r.ok,
        links: r.links.map((l) => ({ name: l.name, ok: l.state === 'ok', detail: l.why })),
        problems: [
          ...r.problems.map((p) => ({ message: `${p.service}: ${p.why}`, fix: p.fix })),
          ...r.links
            .filter((l) => l.state !== 'ok')
            .map((l) => ({ message: `${l.name}: ${l.why}`, fix: l.fix ?? 'Test the links again.' })),
        ],
      };
    },
    useEngine: (target) => writeEngineChoice(deps.profile.configDir, target),
    healthTimeoutMs: HEALTH_TIMEOUT_MS,
    onProgress: (progress) => publish({ type: 'progress', progress }),
  };
}

export function stackMoveHandlers({ deps, publish }: AppContext): HandlerGroup {
  const service = createStackMoveService(stackMoveDeps(deps, publish));
  return {
    'stack.move.check': (input) => service.check(input),
    'stack.move.run': (input) => service.run(input),
    'stack.move.resume': (input) => service.resume(input),
    'stack.move.status': () => service.status(),
    'stack.move.removeSource': (input) => service.removeSource(input),
  };
}
