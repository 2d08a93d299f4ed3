// stack.webPorts: the host ports the installed stack publishes for its enabled services' web pages. The desktop
// window opens http://<localhost or the engine's host>:<port> in the user's browser only for these
// (src/main/external-links.ts).
import { enabledPorts, portExposure, type StackConfig, type WebPorts } from '../../contract';
import { installedStackOf } from '../../wiring/wiring-source';
import type { AppContext, HandlerGroup } from '../app-context';

/** Every published port of a selected service except the app's own control channel (gluetun's, docs/decisions.md D17). */
export function webPortsOf(cfg: StackConfig | null, host?: string): WebPorts {
  if (!cfg) return { ports: [], ...(host ? { host } : {}) };
  return {
    ...(host ? { host } : {}),
    ports: enabledPorts(cfg)
      .filter((name) => portExposure[name] !== 'app')
      .map((name) => ({ name, port: cfg.ports[name] })),
  };
}

export function webPortHandlers({ deps }: AppContext): HandlerGroup {
  return {
    'stack.webPorts': async () => webPortsOf(await installedStackOf(deps.installRoot), deps.endpoint.serviceHost),
  };
}
