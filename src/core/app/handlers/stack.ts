// Use cases of a StackConfig: validate it, and install it (write files, and with `start` bring the stack up with
// progress pushes, claim Plex for a stored sign-in, then connect the apps and test every link). The doors only pass
// input through.
import type { ProgressEvent, StackConfigValidation, StackInstallResult, UpsError } from '../../contract';
import { UpsFailure } from '../../contract';
import type { QualityPresetName } from '../../contract/arr-config';
import type { AppContext, HandlerGroup } from '../app-context';
import { claimPlexAfterInstall } from '../../plex/plex-install-claim';
import { bringUpStack } from '../../stack/bring-up';
import { loadCatalog } from '../../stack/catalog';
import { composeCommand } from '../../engine/compose/compose-target';
import { validateStackConfig, validateStackConfigText } from '../../install/validate-config';
import { writeStack } from '../../stack/write-stack';
import { connectInstalledStack } from './wiring';

/** A refused config leaves through one envelope: the first error as-is, naming the other fields in its message. */
export function firstOfErrors(errors: UpsError[]): UpsFailure {
  const [first, ...rest] = errors;
  return new UpsFailure({
    ...first!,
    message: rest.length
      ? `${first!.message} (and ${rest.length} more: ${rest.map((e) => e.field).join(', ')})`
      : first!.message,
  });
}

export function stackHandlers({ deps, publish }: AppContext): HandlerGroup {
  return {
    'stack.config.validate': async ({
      config,
      yaml,
      source,
    }: {
      config?: unknown;
      yaml?: string;
      source?: string;
    }): Promise<StackConfigValidation> => {
      const r = yaml === undefined ? validateStackConfig(config) : validateStackConfigText(yaml, source ?? 'config');
      return r.ok ? { valid: true, errors: [], config: r.value } : { valid: false, errors: r.errors };
    },
    'stack.install': async ({
      config,
      start,
      operationId: given,
      qualityPreset,
    }: {
      config?: unknown;
      start: boolean;
      operationId?: string;
      qualityPreset?: QualityPresetName;
    }): Promise<StackInstallResult> => {
      // The install pointer is written in the same generation as the stack files (docs/decisions.md D30).
      const w = await writeStack(config, {
        catalog: await loadCatalog(deps.catalogDir),
        publishHost: deps.endpoint.serviceHost,
        vault: deps.vault,
        configDir: deps.profile.configDir,
        ...(qualityPreset ? { qualityPreset } : {}),
      });
      if (!w.ok) throw firstOfErrors(w.errors);
      const result: StackInstallResult = {
        installRoot: w.config.installRoot,
        written: w.report.written,
        unchanged: w.report.unchanged,
        backup: w.report.backup ?? null,
        createdSecrets: w.createdSecrets,
        services: w.generated.compose.services,
        started: false,
        hardlink: null,
      };
      if (!start) return result;
      const operationId = given ?? `install-${Date.now().toString(36)}`;
      const onProgress = (progress: ProgressEvent) => publish({ type: 'progress', progress });
      let started: StackInstallResult;
      try {
        const up = await bringUpStack(w.config, w.generated.compose, {
          docker: deps.endpoint.docker,
          composeCommand: composeCommand(await deps.detectCompose()),
          hostEnv: deps.engine.hostEnv,
          engineEnv: deps.endpoint.composeEnv,
          project: deps.project,
          vault: deps.vault,
          operationId,
          onProgress,
        });
        // The wizard signs in to Plex before install: now that Plex is up, claim it for that account.
        const plexClaim = await claimPlexAfterInstall(w.config, {
          vault: deps.vault,
          configDir: deps.profile.configDir,
          endpoints: deps.plex,
          operationId,
          onProgress,
        });
        started = { ...result, started: true, hardlink: { ok: up.hardlink.ok, detail: up.hardlink.detail }, plexClaim };
      } catch (err) {
        if (err instanceof UpsFailure) throw err;
        const hl = (err as { hardlink?: { fix?: string } }).hardlink;
        throw new UpsFailure({
          code: 'INTERNAL',
          message: `The stack files were written, but starting it failed: ${(err as Error).message}`,
          fix: hl?.fix ?? 'Fix the cause, then install again: it is idempotent.',
        });
      }
      // Healthy: connect the apps on the same operation. A link that fails is reported with why and the fix, and the
      // install stays; the wiring is plan/apply, so installing again (or Retry) repairs instead of duplicating.
      const wiring = await connectInstalledStack(deps.wiring, operationId, onProgress);
      return { ...started, wiring };
    },
  };
}
