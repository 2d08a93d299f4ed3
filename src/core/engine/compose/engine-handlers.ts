// The engine's share of the App service: one handler per engine channel, built from the App's deps, plus the
// background work that rides on the status mirror (VPN recovery on events, the VPN watch while anyone listens).
import type { Caller, PushEvent } from '../../contract';
import { UpsFailure } from '../../contract';
import type { LifecycleResult, LifecycleVerb, LogsFollowResult, LogsResult, UpdateCheck, UpdateRecord, VpnCheck } from '../../contract/engine';
import type { MirrorHub } from '../status-mirror-hub';
import { createVpnRecovery } from '../vpn-recovery';
import { createVpnWatch } from '../vpn-watch';
import { recordVpnCheck } from '../vpn-watch-record';
import { applyUpdates, type UpdateDeps } from '../updates/update-apply';
import { checkUpdates } from '../updates/update-check';
import { readHistory } from '../updates/update-history';
import { rollbackLast } from '../updates/update-rollback';
import { asEnvelopeFailure, createLifecycle, type LifecycleDeps } from './lifecycle';
import { createLogFollows } from './log-follows';
import { composeStop } from './stop';

export interface EngineOptions {
  /** How often the VPN watch runs while a door listens; 0 = only on demand (`vpn.check`). Default 60 s. */
  vpnWatchIntervalMs?: number;
  /** Answers the caller's public address as plain text; asked from the host and from inside the VPN namespace. */
  egressUrl?: string;
  /** Extra non-secret variables for compose runs (tests). */
  composeEnv?: Record<string, string>;
  /** Caps on followed logs (per subscriber, overall); defaults suit production. */
  follows?: { perSubscriber?: number; total?: number };
}

export const DEFAULT_EGRESS_URL = 'https://ipinfo.io/ip';

export type EngineHandlerDeps = Omit<LifecycleDeps, 'publish'> & { engine?: EngineOptions };

export function createEngineHandlers(deps: EngineHandlerDeps, publish: (e: PushEvent) => void, hub?: Pick<MirrorHub, 'onEvent' | 'onActiveChange' | 'setVpn'>) {
  const lifecycle = createLifecycle({ ...deps, publish, composeEnv: deps.engine?.composeEnv });
  const recovery = createVpnRecovery({ docker: deps.endpoint.docker, project: deps.project, target: lifecycle.target, publish });
  hub?.onEvent((e) => recovery.onEvent(e));
  const watch = createVpnWatch(
    {
      docker: deps.endpoint.docker,
      project: deps.project,
      controlKey: () => deps.vault.get('vpn.control.api_key'),
      egressUrl: deps.engine?.egressUrl ?? DEFAULT_EGRESS_URL,
      stopClients: async (services) => composeStop(await lifecycle.target(), services),
      record: async (check) => recordVpnCheck(await deps.installRoot(), check),
      onVerdict: (alert) => hub?.setVpn(alert),
    },
    deps.engine?.vpnWatchIntervalMs || 60_000,
  );
  if (deps.engine?.vpnWatchIntervalMs !== 0) hub?.onActiveChange((active) => (active ? watch.start() : watch.stop()));
  const root = async (): Promise<string> => {
    const r = await deps.installRoot();
    if (!r) throw new UpsFailure({ code: 'NOT_FOUND', message: 'No stack is installed yet (no install root is recorded).', fix: 'Run the setup wizard (or `ups init`) first.' });
    return r;
  };
  const updateDeps = async (healthTimeoutSec: number): Promise<UpdateDeps> => ({
    docker: deps.endpoint.docker,
    project: deps.project,
    target: await lifecycle.target(),
    root: await root(),
    publish,
    healthTimeoutMs: healthTimeoutSec * 1000,
    // A new vpn means a new namespace: re-attach its dependents now rather than waiting for the event.
    afterRecreate: async (services) => {
      if (services.includes('vpn')) await recovery.recover();
    },
  });
  // Followed logs (issue 17): each stream belongs to the door's subscriber, capped, and stopped when it goes.
  const follows = createLogFollows({ start: lifecycle.follow, publish, ...deps.engine?.follows });
  const verb = (v: LifecycleVerb) => (input: { services: string[] }): Promise<LifecycleResult> => lifecycle.run(v, input.services);
  return {
    lifecycle,
    follows,
    recovery,
    watch,
    handlers: {
      'stack.up': verb('up'),
      'stack.down': () => lifecycle.run('down', []),
      'stack.start': verb('start'),
      'stack.stop': verb('stop'),
      'stack.restart': verb('restart'),
      'stack.pull': verb('pull'),
      'stack.logs': async (input: { service: string; tail: number }): Promise<LogsResult> => ({ service: input.service, text: await lifecycle.logs(input.service, input.tail) }),
      'stack.logs.follow': (input: { service: string; tail: number }, caller?: Caller): Promise<LogsFollowResult> => follows.follow(caller?.subscriber, input.service, input.tail),
      'stack.logs.unfollow': async ({ streamId }: { streamId: string }, caller?: Caller) => ({ stopped: follows.unfollow(caller?.subscriber, streamId) }),
      'vpn.check': (): Promise<VpnCheck> => watch.checkNow(),
      'update.check': (): Promise<UpdateCheck> => asEnvelopeFailure(async () => (await lifecycle.target(), checkUpdates(deps.endpoint.docker, deps.project))),
      'update.apply': (input: { healthTimeoutSec: number }): Promise<UpdateRecord> => asEnvelopeFailure(async () => applyUpdates(await updateDeps(input.healthTimeoutSec))),
      'update.rollback': (): Promise<UpdateRecord> => asEnvelopeFailure(async () => rollbackLast(await updateDeps(180))),
      'update.history': async (): Promise<UpdateRecord[]> => readHistory(await root()),
    },
  };
}
