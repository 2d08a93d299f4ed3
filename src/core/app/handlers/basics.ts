// Use cases that are one line each: what the app is, the environment check, stack status, the vault, wizard progress,
// the wizard's location check and the dashboard's next-steps checklist.
import { UpsFailure } from '../../contract';
import { readDockerFacts, engineUnreachable } from '../../engine/docker-facts';
import { readStackStatus } from '../../engine/stack-status';
import { runEnvCheck } from '../../probes/env-check';
import { withStackCheck } from '../../probes/stack-check';
import { checkLocation } from '../../probes/location-check';
import { memo } from '../../probes/probe';
import { loadNextSteps, saveNextSteps } from '../../profile/next-steps-file';
import { loadWizardProgress, saveWizardProgress } from '../../profile/wizard-progress';
import { deleteSecret, secretsStatus } from '../../vault/secrets-service';
import { probeVault } from '../../vault/vault-probe';
import type { AppContext, HandlerGroup } from '../app-context';

export function basicHandlers({ deps, mirror }: AppContext): HandlerGroup {
  const platform =
    deps.platform === 'win32' || deps.platform === 'linux' || deps.platform === 'darwin' ? deps.platform : 'other';
  const stackStatus = async () => {
    const mirrored = mirror.current();
    if (mirrored) return mirrored;
    try {
      // One engine call; the endpoint's own list (no dockerode to load) when it has one.
      const list = deps.endpoint.listContainers;
      return await readStackStatus(
        list
          ? { listContainers: list, getContainer: (id) => deps.endpoint.docker.getContainer(id) }
          : deps.endpoint.docker,
        deps.project,
      );
    } catch (err) {
      throw engineUnreachable(deps.endpoint, deps.platform, err);
    }
  };
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
      const env = await runEnvCheck(
        {
          platform: deps.platform,
          docker: memo(() => readDockerFacts(deps.endpoint)),
          compose: memo(deps.detectCompose),
          vault: memo(() => probeVault(deps.vault)),
          host: deps.host,
        },
        deps.probes,
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
    'stack.status': stackStatus,
    'stack.location.check': (input) => checkLocation(input, deps.platform, deps.host),
    'secrets.status': () => secretsStatus(deps.vault, deps.platform),
    'secrets.set': async ({ name, value }) => (await deps.vault.set(name, value), { name }),
    'secrets.delete': async ({ name }) => ({ name, deleted: await deleteSecret(deps.vault, name, deps.platform) }),
    'wizard.load': () => loadWizardProgress(deps.profile.configDir),
    'wizard.save': (progress) => saveWizardProgress(deps.profile.configDir, progress),
    'ui.nextSteps.get': () => loadNextSteps(deps.profile.configDir),
    'ui.nextSteps.set': (steps) => saveNextSteps(deps.profile.configDir, steps),
  };
}
