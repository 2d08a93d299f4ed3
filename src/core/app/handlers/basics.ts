// Use cases that are one line each: what the app is, the environment check, wizard progress, the wizard's location
// check and the dashboard's next-steps checklist.
import { UpsFailure } from '../../contract';
import { checksThroughEngine } from '../../engine/docker-endpoint';
import { engineUnreachable, readDockerFacts } from '../../engine/docker-facts';
import { runEnvCheck } from '../../probes/env-check';
import { withStackCheck } from '../../probes/stack-check';
import { checkLocation } from '../../probes/location-check';
import { memo } from '../../probes/probe';
import { loadNextSteps, saveNextSteps } from '../../profile/next-steps-file';
import { loadWizardProgress, saveWizardProgress } from '../../profile/wizard-progress';
import { probeVault } from '../../vault/vault-probe';
import type { AppContext, HandlerGroup } from '../app-context';
import { engineDiskProbe } from '../../stack/engine-disk-probe';
import { checkLocationOnEngine } from '../../stack/engine-location-check';
import { readStatus } from './status';

export function basicHandlers({ deps, mirror }: AppContext): HandlerGroup {
  const platform =
    deps.platform === 'win32' || deps.platform === 'linux' || deps.platform === 'darwin' ? deps.platform : 'other';
  const stackStatus = () => readStatus(deps, mirror);
  return {
    'app.info': async () => ({
      version: deps.version,
      platform,
      arch: deps.arch,
      door: deps.door,
      installRoot: await deps.installRoot(),
    }),
    // `stack: true` (ups doctor) adds the stack's live health as one more check.
    'env.check': async ({ stack }) => {
      const [host, probes] = await Promise.all([deps.host(), deps.probes()]);
      const env = await runEnvCheck(
        {
          platform: deps.platform,
          docker: memo(() => readDockerFacts(deps.endpoint)),
          compose: memo(deps.detectCompose),
          vault: memo(() => probeVault(deps.vault)),
          host,
        },
        // With Docker elsewhere, the disk that matters is the engine's host's (docs/decisions.md D14). While which
        // engine is not known (a damaged engine choice, failed by the engine check with its fix), the disk waits.
        deps.endpoint.problem?.()
          ? probes.map((p) => (p.id === 'host.disk' ? { ...p, after: [...(p.after ?? []), 'docker.engine'] } : p))
          : checksThroughEngine(deps.endpoint)
            ? probes.map((p) => (p.id === 'host.disk' ? engineDiskProbe(deps.endpoint.docker, deps.endpoint.name) : p))
            : probes,
      );
      if (!stack) return env;
      const status = await stackStatus().then(
        (value) => ({ ok: true as const, value }),
        (err: unknown) => ({
          ok: false as const,
          error:
            err instanceof UpsFailure
              ? err.error
              : { code: 'INTERNAL' as const, message: err instanceof Error ? err.message : String(err) },
        }),
      );
      return withStackCheck(env, status);
    },
    // The data root is a path on the engine's host: measured there when Docker runs elsewhere (docs/decisions.md D14).
    'stack.location.check': async (input) => {
      if (!checksThroughEngine(deps.endpoint))
        return { ...(await checkLocation(input, deps.platform, await deps.host())), engine: deps.endpoint.name };
      try {
        return await checkLocationOnEngine(deps.endpoint.docker, input, deps.endpoint.name);
      } catch (err) {
        if (err instanceof UpsFailure) throw err;
        throw engineUnreachable(deps.endpoint, deps.platform, err);
      }
    },
    'wizard.load': () => loadWizardProgress(deps.profile.configDir),
    'wizard.save': (progress) => saveWizardProgress(deps.profile.configDir, progress),
    'ui.nextSteps.get': () => loadNextSteps(deps.profile.configDir),
    'ui.nextSteps.set': (steps) => saveNextSteps(deps.profile.configDir, steps),
  };
}
