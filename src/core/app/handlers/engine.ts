// Use cases of the engine: one handler per engine channel, plus the background work that rides on the status mirror
// (VPN recovery on engine events, the VPN watch while anyone listens).
import type { Caller } from '../../contract';
import type {
  LifecycleResult,
  LifecycleVerb,
  LogsFollowResult,
  LogsResult,
  UpdateCheck,
  UpdateRecord,
  VpnCheck,
} from '../../contract/engine';
import { createVpnRecovery } from '../../engine/vpn-recovery';
import { createVpnWatch } from '../../engine/vpn-watch';
import { recordVpnCheck } from '../../engine/vpn-watch-record';
import { applyUpdates, type UpdateDeps } from '../../engine/updates/update-apply';
import { checkUpdates } from '../../engine/updates/update-check';
import { readHistory } from '../../engine/updates/update-history';
import { rollbackLast } from '../../engine/updates/update-rollback';
import { ensureDataFolders } from '../../stack/data-folders';
import { moveStackImages } from '../../stack/move-images';
import { asEnvelopeFailure, createLifecycle } from '../../engine/compose/lifecycle';
import { createLogFollows } from '../../engine/compose/log-follows';
import { composeStop } from '../../engine/compose/stop';
import { requireInstallRoot } from '../../install/not-installed';
import type { AppContext, HandlerGroup } from '../app-context';

export function engineHandlers({ deps, publish, mirror: hub, onSubscriberGone }: AppContext): HandlerGroup {
  const lifecycle = createLifecycle({
    ...deps,
    publish,
    composeEnv: deps.engine.composeEnv,
    hostEnv: deps.engine.hostEnv,
  });
  const recovery = createVpnRecovery({
    docker: deps.endpoint.docker,
    project: deps.project,
    target: lifecycle.target,
    publish,
  });
  hub.onEvent((e) => recovery.onEvent(e));
  const watch = createVpnWatch(
    {
      docker: deps.endpoint.docker,
      project: deps.project,
      controlKey: () => deps.vault.get('vpn.control.api_key'),
      egressUrl: deps.engine.egressUrl,
      stopClients: async (services) => composeStop(await lifecycle.target(), services),
      record: async (check) => recordVpnCheck(await deps.installRoot(), check),
      onVerdict: (alert) => hub.setVpn(alert),
    },
    deps.engine.vpnWatchIntervalMs || 60_000,
  );
  if (deps.engine.vpnWatchIntervalMs !== 0) hub.onActiveChange((active) => (active ? watch.start() : watch.stop()));
  const root = () => requireInstallRoot(deps.installRoot);
  const updateDeps = async (healthTimeoutSec: number, operationId?: string): Promise<UpdateDeps> => ({
    docker: deps.endpoint.docker,
    project: deps.project,
    target: await lifecycle.target(),
    root: await root(),
    publish,
    healthTimeoutMs: healthTimeoutSec * 1000,
    operationId,
    // A new vpn means a new namespace: re-attach its dependents now rather than waiting for the event.
    afterRecreate: async (services) => {
      if (services.includes('vpn')) await recovery.recover();
    },
    // Tag moves to a newer known version rewrite stack.yml/.env (docs/decisions.md D9 writer) before the pull; the
    // regenerated compose.yaml may mount a data folder an older install lacks, on the data root or the NAS target
    // (ensureDataFolders, made with an image the engine has now, before the tags move).
    moveImages: (images) =>
      moveStackImages(deps.installRoot, deps.vault, images, (cfg) =>
        ensureDataFolders(deps.endpoint.docker, cfg, deps.vault),
      ),
  });
  // Followed logs: each stream belongs to the door's subscriber, capped, and stopped when that subscriber goes.
  const follows = createLogFollows({ start: lifecycle.follow, publish, ...deps.engine.follows });
  onSubscriberGone(async (subscriber) => void (await follows.release(subscriber)));
  const verb =
    (v: LifecycleVerb) =>
    (input: { services: string[]; operationId?: string }): Promise<LifecycleResult> =>
      lifecycle.run(v, input.services, input.operationId);
  return {
    'stack.up': verb('up'),
    'stack.down': (input: { operationId?: string }) => lifecycle.run('down', [], input.operationId),
    'stack.start': verb('start'),
    'stack.stop': verb('stop'),
    'stack.restart': verb('restart'),
    'stack.pull': verb('pull'),
    'stack.logs': async (input: { service: string; tail: number }): Promise<LogsResult> => ({
      service: input.service,
      text: await lifecycle.logs(input.service, input.tail),
    }),
    'stack.logs.follow': (input: { service: string; tail: number }, caller: Caller): Promise<LogsFollowResult> =>
      follows.follow(caller.subscriber, input.service, input.tail),
    'stack.logs.unfollow': async ({ streamId }: { streamId: string }, caller: Caller) => ({
      stopped: follows.unfollow(caller.subscriber, streamId),
    }),
    'vpn.check': (): Promise<VpnCheck> => watch.checkNow(),
    'update.check': (): Promise<UpdateCheck> =>
      asEnvelopeFailure(async () => (await lifecycle.target(), checkUpdates(deps.endpoint.docker, deps.project))),
    'update.apply': (input: { healthTimeoutSec: number; operationId?: string }): Promise<UpdateRecord> =>
      asEnvelopeFailure(async () => applyUpdates(await updateDeps(input.healthTimeoutSec, input.operationId))),
    'update.rollback': (): Promise<UpdateRecord> => asEnvelopeFailure(async () => rollbackLast(await updateDeps(180))),
    'update.history': async (): Promise<UpdateRecord[]> => readHistory(await root()),
  };
}
