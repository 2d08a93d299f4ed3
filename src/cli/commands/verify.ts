// `ups verify [--json]`: follows one sample item through the whole chain (chain.check) and prints each hop; the first
// broken hop ends the walk and shows its cause and fix.
import { chainHopLabels, type ChainCheckResult } from '../../core/contract';
import { fixLines } from '../fix-command';
import type { RegisterCommand } from '../cli-context';
import { EXIT_FAILED, EXIT_OK } from '../exit-codes';

export function renderChain(r: ChainCheckResult): string {
  const out: string[] = [];
  for (const h of r.hops) {
    out.push(`${h.ok ? 'ok  ' : 'FAIL'}  ${h.hop.padEnd(10)}  ${h.detail}`);
    if (!h.ok) out.push(...fixLines({ fix: h.hint, action: h.fix }, ' '.repeat(18)));
  }
  for (const hop of r.notRun) out.push(`-     ${hop.padEnd(10)}  not checked: ${chainHopLabels[hop]}`);
  if (!r.cleanedUp) out.push('', 'The sample item could not be removed (see the last hop).');
  out.push(
    '',
    r.ok
      ? 'The whole chain works: request → download → import → library → stream.'
      : 'The chain is broken at the hop marked FAIL.',
  );
  return out.join('\n');
}

export const registerVerify: RegisterCommand = (program, ctx) => {
  program
    .command('verify')
    .description(
      'Check the whole chain with a sample item: request → indexer → download client → import → library → stream.',
    )
    .option('--json', 'print the chain.check answer as JSON')
    .action(async (o: { json?: boolean }) => {
      const env = await (await ctx.deps.app()).call('chain.check');
      const ok = ctx.print(env, !!o.json, renderChain);
      ctx.setExitCode(ok && env.ok && env.value.ok ? EXIT_OK : EXIT_FAILED);
    });
};
