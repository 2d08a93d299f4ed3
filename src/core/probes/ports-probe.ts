// The host ports the stack publishes must be bindable; on Windows, Hyper-V/winnat may have reserved them
// (`netsh int ipv4 show excludedportrange`), which no "is anything listening" test reveals.
import { hostOf, type Probe } from './probe';
import { excludedPortsAmong } from './windows/excluded-ports';
import { windowsFacts } from './windows/windows-facts';

export const portsProbe: Probe = {
  id: 'host.ports',
  title: 'Ports free',
  applies: () => true,
  async check(ctx) {
    const host = hostOf(ctx);
    const ports = host.needs.ports;
    const problems: string[] = [];
    const fixes = [];
    if (ctx.platform === 'win32') {
      const f = await windowsFacts(host);
      if (f.excludedPorts.ok) {
        const hits = excludedPortsAmong(ports, f.excludedPorts.value);
        for (const h of hits)
          problems.push(
            `${h.port} is reserved by Windows (excluded range ${h.range.start}-${h.range.end}${h.range.administered ? ', administered' : ''})`,
          );
        if (hits.length) {
          fixes.push({
            kind: 'steps' as const,
            text: 'Windows (Hyper-V/WSL NAT) reserved these ports. From an administrator terminal restart the NAT service so it picks new ranges, or choose other ports in Settings.',
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
