// What `ups status` prints under its table and how --watch follows the pushes. Its own module, apart from the engine
// commands' helpers: those parse flags with the contract's schemas, which `ups status` must not build (start-up,
// docs/decisions.md D31).
import type { StackStatus } from '../../core/contract/stack-status';
import type { CliContext } from '../cli-context';
import { fixLines } from '../fix-command';

/** The VPN watch's verdict as the line `ups status` shows under the table. */
export function renderVpnLine(s: StackStatus): string {
  if (!s.vpn) return '';
  const stopped = s.vpn.stopped.length ? `; stopped ${s.vpn.stopped.join(', ')}` : '';
  const line = `VPN: ${s.vpn.verdict.toUpperCase()} — ${s.vpn.reason}${stopped} (checked ${s.vpn.at})`;
  // A record the watch could not save (damaged, kept as it is) is said under the verdict, with its fix.
  const rec = s.vpn.recordError;
  return rec ? [line, `  not recorded: ${rec.message}`, ...fixLines(rec, '  ')].join('\n') : line;
}

/**
 * `ups status --watch`: prints the current status, then every stack.status push (one JSON line each with --json)
 * until the returned promise's signal fires. Ready for status.ts to call; the doors never poll.
 */
export async function watchStatus(
  ctx: CliContext,
  json: boolean,
  render: (s: StackStatus) => string,
  stop: Promise<void>,
): Promise<void> {
  const app = await ctx.deps.app();
  const show = (s: StackStatus) =>
    ctx.deps.io.out(json ? JSON.stringify(s) : [render(s), renderVpnLine(s)].filter(Boolean).join('\n'));
  const off = app.subscribe((e) => e.type === 'stack.status' && show(e.status));
  try {
    const first = await app.call('stack.status');
    if (first.ok) show(first.value);
    else ctx.print(first, json, () => '');
    await stop;
  } finally {
    off();
  }
}
