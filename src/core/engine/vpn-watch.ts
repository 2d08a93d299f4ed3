// VPN watch: observe the tunnel (gluetun control server) and the download clients' egress compared with
// the host's; on a leak or a dead tunnel stop the download clients, record why, and tell every door.
import type Docker from 'dockerode';
import { UpsFailure, type UpsError, type VpnAlert, type VpnCheck } from '../contract';
import { readTunnelStatus, readVpnPublicIp } from './vpn-control';
import { dependentsOf, projectContainers } from './vpn-dependents';
import { execIn } from './vpn-exec';
import { decideVerdict, type VpnObservation } from './vpn-verdict';

export interface VpnWatchDeps {
  docker: Docker;
  project: string;
  vpnService?: string;
  /** gluetun's control API key (vault `vpn.control.api_key`); null when none is set. */
  controlKey(): Promise<string | null>;
  /** A URL answering the caller's public address as plain text, e.g. https://ipinfo.io/ip. */
  egressUrl: string;
  /** The host's view of the same URL. */
  hostEgress?(url: string): Promise<string>;
  stopClients(services: string[]): Promise<void>;
  /** Called with every check: persist it (no secrets in it). */
  record?(check: VpnCheck): Promise<void>;
  /** Called with every verdict; the hub pushes it when it changed. */
  onVerdict(alert: VpnAlert): void;
  now?(): Date;
}

export async function fetchText(url: string): Promise<string> {
  const r = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!r.ok) throw new Error(`${url} answered ${r.status}`);
  return (await r.text()).trim();
}

export async function observe(deps: VpnWatchDeps): Promise<VpnObservation> {
  const vpnService = deps.vpnService ?? 'vpn';
  const all = await projectContainers(deps.docker, deps.project);
  const vpn = all.find((c) => c.service === vpnService);
  const clients = dependentsOf(all, vpnService).filter((c) => c.running);
  const o: VpnObservation = { vpnRunning: !!vpn?.running, clientsRunning: clients.map((c) => c.service).sort() };
  if (!vpn?.running || clients.length === 0) return o;
  const key = await deps.controlKey().catch(() => null);
  const status = await readTunnelStatus(deps.docker, vpn.id, key);
  if (status.ok) o.tunnelStatus = status.value;
  else o.error ??= status.error;
  const pub = await readVpnPublicIp(deps.docker, vpn.id, key);
  if (pub.ok) o.vpnPublicIp = pub.value;
  // Egress from inside the namespace the clients actually use (one client is enough: they share it).
  const client = clients[0]!;
  try {
    const r = await execIn(deps.docker, client.id, ['wget', '-q', '-O', '-', deps.egressUrl], { timeoutMs: 15_000 });
    if (r.exitCode === 0) o.clientEgressIp = r.stdout.trim();
    else o.error ??= `egress check from ${client.service} failed (exit ${r.exitCode})`;
  } catch (err) {
    o.error ??= `egress check from ${client.service} failed: ${err instanceof Error ? err.message : String(err)}`;
  }
  try {
    o.hostEgressIp = await (deps.hostEgress ?? fetchText)(deps.egressUrl);
  } catch (err) {
    o.error ??= `host egress check failed: ${err instanceof Error ? err.message : String(err)}`;
  }
  return o;
}

export async function checkVpn(deps: VpnWatchDeps): Promise<VpnCheck> {
  let o: VpnObservation;
  try {
    o = await observe(deps);
  } catch (err) {
    // The engine itself could not be asked: that is "unknown", never "down" (we saw nothing) and never "safe".
    o = {
      vpnRunning: true,
      clientsRunning: ['(not known)'],
      error: `the engine did not answer: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
  const { verdict, reason } = decideVerdict(o);
  let stopped: string[] = [];
  let why = reason;
  if (verdict === 'leak' || verdict === 'tunnel-down') {
    try {
      await deps.stopClients(o.clientsRunning);
      stopped = o.clientsRunning;
    } catch (err) {
      why = `${reason}; stopping the download clients FAILED: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
  const at = (deps.now?.() ?? new Date()).toISOString();
  const check: VpnCheck = {
    verdict,
    reason: why,
    tunnelStatus: o.tunnelStatus,
    vpnPublicIp: o.vpnPublicIp,
    clientEgressIp: o.clientEgressIp,
    hostEgressIp: o.hostEgressIp,
    stopped,
    checkedAt: at,
  };
  // A record that cannot be saved (damaged: never overwritten, it may hold the last alert) does not stop the watch
  // from acting, but it is not a silent loss either: it travels with the verdict, with its fix.
  const recordError = await Promise.resolve(deps.record?.(check)).then(
    () => undefined,
    (err: unknown): UpsError =>
      err instanceof UpsFailure
        ? err.error
        : {
            code: 'INTERNAL',
            message: `The VPN watch could not save its record: ${err instanceof Error ? err.message : String(err)}.`,
          },
  );
  deps.onVerdict({ verdict, reason: why, stopped, at, ...(recordError ? { recordError } : {}) });
  return recordError ? { ...check, recordError } : check;
}

/** Runs checkVpn every intervalMs while started; one check at a time. */
export function createVpnWatch(deps: VpnWatchDeps, intervalMs: number) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<VpnCheck> | null = null;
  const tick = () => {
    if (!running) running = checkVpn(deps).finally(() => (running = null));
    return running;
  };
  return {
    start() {
      if (timer) return;
      // First check after one interval, not at once: a short-lived door (a CLI command showing progress) subscribes
      // too, and must not act on the stack as a side effect. `vpn.check` runs one on demand.
      timer = setInterval(() => void tick(), intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
    checkNow: tick,
  };
}
