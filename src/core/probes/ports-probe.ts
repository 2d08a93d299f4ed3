// The host ports the stack publishes must be bindable; on Windows, Hyper-V/winnat may have reserved them
// (`netsh int ipv4 show excludedportrange`), which no "is anything listening" test reveals.
import type { Fix } from '../contract';
import { fixAction } from '../contract/fix-action';
import { portNameList } from '../contract/port-names';
import { defaultPorts, type PortName } from '../contract/stack-config';
import type { HostContext } from './host-context';
import { hostOf, type Probe } from './probe';
import { nearestFreePort } from './windows/free-port';
import { excludedPortsAmong, type PortRange } from './windows/excluded-ports';
import { windowsFacts } from './windows/windows-facts';

export const portsProbe: Probe = {
  id: 'host.ports',
  title: 'Ports free',
  applies: () => true,
  async check(ctx) {
    const host = hostOf(ctx);
    // Once a stack is installed its own ports are checked (a port moved in the settings is checked where it went).
    const named = (await host.stackPorts?.()) ?? null;
    const ports = named ? named.map((p) => p.port) : host.needs.ports;
    const nameOf = (port: number): PortName | undefined =>
      named ? named.find((p) => p.port === port)?.name : portNameList.find((n) => defaultPorts[n] === port);
    const problems: string[] = [];
    const fixes: Fix[] = [];
    if (ctx.platform === 'win32') {
      const f = await windowsFacts(host);
      if (f.excludedPorts.ok) {
        const hits = excludedPortsAmong(ports, f.excludedPorts.value);
        for (const h of hits)
          problems.push(
            `${h.port} is reserved by Windows (excluded range ${h.range.start}-${h.range.end}${h.range.administered ? ', administered' : ''})`,
          );
        for (const h of hits) {
          const move = await movePortFix(host, h.port, nameOf(h.port), ports, f.excludedPorts.value);
          if (move) fixes.push(move);
        }
        if (hits.length) {
          fixes.push({
            kind: 'steps' as const,
            text: 'Or keep the ports: from an administrator terminal restart the NAT service so Windows picks new ranges (it may pick these again after a reboot).',
            command: 'net stop winnat && net start winnat',
          });
        }
      }
    }
    const states = await Promise.all(ports.map(async (p) => [p, await host.portState(p)] as const));
    const busy = states.filter(([p, s]) => s !== 'free' && !problems.some((x) => x.startsWith(`${p} `)));
    for (const [p, s] of busy)
      problems.push(s === 'in-use' ? `${p} is in use by another program` : `${p} cannot be opened (access denied)`);
    if (busy.length)
      fixes.push({
        kind: 'steps' as const,
        text: 'Stop the program using these ports (or the old stack), or choose other ports for those services.',
      });
    if (!problems.length)
      return { state: 'ok', detail: `All ${ports.length} ports are free: ${ports.join(', ')}.`, fixes: [] };
    return { state: 'fail', detail: `${problems.join('; ')}.`, fixes };
  },
};

/**
 * The fix for one reserved port: the service's own port moved to the nearest port outside every excluded range that
 * no other service uses and nothing listens on (checked by binding, like the check itself), set through the stack
 * settings. None when the port is not one of the stack's named ports (UPS_CHECK_PORTS) or nothing is free nearby.
 */
async function movePortFix(
  host: HostContext,
  port: number,
  name: PortName | undefined,
  stackPorts: readonly number[],
  excluded: readonly PortRange[],
): Promise<Fix | null> {
  if (!name) return null;
  const taken = new Set<number>([...stackPorts, ...Object.values(defaultPorts)]);
  for (let tries = 0; tries < 20; tries++) {
    const to = nearestFreePort({ port, excluded, taken });
    if (to === null) return null;
    if ((await host.portState(to)) === 'free')
      return {
        kind: 'action',
        text: `Windows reserved port ${port} (${name}). Use port ${to} instead: the nearest port outside every excluded range that nothing else uses. The stack settings change and the service is recreated on it.`,
        action: fixAction('stack.port.move', { port: name, to }, `Use port ${to} for ${name}`),
      };
    taken.add(to);
  }
  return null;
}
