// Use case of the chain check (chain.check): build the installed stack's chain, walk it, report each hop.
import type { ChainCheckResult } from '../../contract';
import { runChain } from '../../wiring/chain/chain-run';
import { notInstalled } from '../../install/not-installed';
import type { ChainSource } from '../../wiring/chain/stack-chain';
import type { AppContext, HandlerGroup } from '../app-context';

export function chainUseCases(source: ChainSource) {
  return {
    'chain.check': async (): Promise<ChainCheckResult> => {
      const chain = await source();
      if (!chain) throw notInstalled('so there is no chain to check');
      return runChain(chain);
    },
  } satisfies HandlerGroup;
}

export const chainHandlers = (ctx: AppContext): HandlerGroup => chainUseCases(ctx.deps.chain);
