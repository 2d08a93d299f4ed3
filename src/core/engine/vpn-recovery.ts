// VPN recovery (docs/decisions.md D6): when `vpn` starts again (restart, recreate, back after being down), the services that
// use its network namespace still hold the old one — alive, "healthy", and offline. Compose does not fix that, so we
// recreate them, in order, and verify they now share the new namespace.
import type Docker from 'dockerode';
import type { PushEvent } from '../contract';
import type { ComposeTarget } from './compose/compose-runner';
import { composeUp } from './compose/up';
import type { EngineEvent } from './status-mirror-events';
import { inspectNamespaces, projectContainers } from './vpn-dependents';

export interface VpnRecoveryDeps {
  docker: Docker;
  project: string;
  vpnService?: string;
  target(): Promise<ComposeTarget>;
  publish(e: PushEvent): void;
  /** How long to wait for `vpn` to be healthy before recreating its dependents. */
  healthTimeoutMs?: number;
  onResult?(r: RecoveryResult): void;
}

export interface RecoveryResult {
  recreated: string[];
  verified: boolean;
  detail: string;
}

/** Events that mean the VPN container (re)started: a new namespace exists from now on. */
export function isVpnStart(e: EngineEvent, vpnService: string): boolean {
  return e.service === vpnService && (e.action === 'start' || e.action === 'health_status: healthy');
}

export function createVpnRecovery(deps: VpnRecoveryDeps) {
  const vpnService = deps.vpnService ?? 'vpn';
  let busy: Promise<RecoveryResult> | null = null;
  let again = false;
  let seq = 0;

  const progress = (operationId: string, current: number, total: number, message: string) =>
    deps.publish({ type: 'progress', progress: { operationId, step: 'vpn-recovery', current, total, message } });

  async function waitVpnReady(): Promise<boolean> {
    const until = Date.now() + (deps.healthTimeoutMs ?? 90_000);
    while (Date.now() < until) {
      const vpn = (await projectContainers(deps.docker, deps.project)).find((c) => c.service === vpnService);
      if (vpn?.running && (vpn.health === undefined || vpn.health === 'healthy')) return true;
      await new Promise((r) => setTimeout(r, 250));
    }
    return false;
  }

  async function recoverOnce(): Promise<RecoveryResult> {
    const op = `vpn-recovery-${Date.now().toString(36)}-${++seq}`;
    if (!(await waitVpnReady()))
      return {
        recreated: [],
        verified: false,
        detail: `${vpnService} did not become healthy; dependents left as they are`,
      };
    const before = await inspectNamespaces(deps.docker, deps.project, vpnService);
    if (!before) return { recreated: [], verified: false, detail: `${vpnService} is not running` };
    if (before.stale.length === 0)
      return { recreated: [], verified: true, detail: 'every dependent already shares the VPN namespace' };
    const services = [...new Set(before.stale.map((c) => c.service))].sort();
    progress(op, 0, services.length, `recreating ${services.join(', ')} on the new VPN namespace`);
    await composeUp(await deps.target(), services, { forceRecreate: true, noDeps: true });
    const after = await inspectNamespaces(deps.docker, deps.project, vpnService);
    const ok = !!after && services.every((s) => after.shared.some((c) => c.service === s));
    progress(
      op,
      services.length,
      services.length,
      ok ? `${services.join(', ')} share ${after?.vpnNamespace}` : 'recreated, but the namespaces still differ',
    );
    return {
      recreated: services,
      verified: ok,
      detail: ok ? `recreated ${services.join(', ')}` : 'dependents recreated but not on the VPN namespace',
    };
  }

  /** Serialised: a start during a recovery schedules exactly one more pass. */
  function recover(): Promise<RecoveryResult> {
    if (busy) {
      again = true;
      return busy;
    }
    busy = (async () => {
      let r: RecoveryResult;
      do {
        again = false;
        r = await recoverOnce().catch((err: unknown) => ({
          recreated: [],
          verified: false,
          detail: `recovery failed: ${err instanceof Error ? err.message : String(err)}`,
        }));
        deps.onResult?.(r);
      } while (again);
      return r;
    })().finally(() => (busy = null));
    return busy;
  }

  return {
    recover,
    onEvent(e: EngineEvent): void {
      if (isVpnStart(e, vpnService)) void recover();
    },
  };
}
