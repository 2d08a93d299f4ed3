// Where the stack's web pages open from this PC: localhost for an engine here, else the engine's host (stack.webPorts
// `host`, docs/decisions.md D14). Until the answer comes, and when it fails, links say localhost as before.
import { useCall } from './use-call';

export function linkHost(host: string | undefined): string {
  return !host || host === '127.0.0.1' ? 'localhost' : host;
}

export function useServiceHost(): string {
  const [web] = useCall('stack.webPorts');
  return linkHost(web.phase === 'ready' ? web.status.host : undefined);
}
