// `ups vpn check`: is the tunnel up and do the download clients leave through it? Exit 0 only when "safe".
import type { VpnCheck } from '../../core/contract';
import type { RegisterCommand } from '../cli-context';
import { finish } from './engine-command';

export function renderVpnCheck(c: VpnCheck): string {
  const lines = [`VPN: ${c.verdict.toUpperCase()} — ${c.reason}`];
  if (c.tunnelStatus)
    lines.push(`  tunnel: ${c.tunnelStatus}${c.vpnPublicIp ? ` (public address ${c.vpnPublicIp})` : ''}`);
  if (c.clientEgressIp || c.hostEgressIp)
    lines.push(`  egress: download clients ${c.clientEgressIp ?? '?'}, host ${c.hostEgressIp ?? '?'}`);
  if (c.stopped.length)
    lines.push(
      `  stopped: ${c.stopped.join(', ')} (start them with \`ups start ${c.stopped.join(' ')}\` once the VPN is fixed)`,
    );
  return lines.join('\n');
}

export const registerVpn: RegisterCommand = (program, ctx) => {
  const vpn = program.command('vpn').description('VPN checks.');
  vpn
    .command('check')
    .description("Check the tunnel and the download clients' egress now; stops them on a leak. Exits 0 only when safe.")
    .option('--json', 'print the answer as JSON')
    .action(async (o: { json?: boolean }) => {
      finish(
        ctx,
        await (await ctx.deps.app()).call('vpn.check'),
        !!o.json,
        renderVpnCheck,
        (c) => c.verdict === 'safe',
      );
    });
};
