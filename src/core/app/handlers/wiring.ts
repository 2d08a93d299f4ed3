// Use cases of the service wiring (wiring.plan, wiring.apply, links.test): load the wiring, run the engine, push progress.
import { UpsFailure } from '../../contract';
import type { PushEvent } from '../../contract';
import type { LinksTable, WiringApplyResult, WiringPlan } from '../../contract/wiring';
import { applyWiring } from '../../wiring/engine/apply-wiring';
import type { Wiring } from '../../wiring/engine/download-client-wiring';
import { runLinkTests } from '../../wiring/engine/link-tests';
import { planWiring } from '../../wiring/engine/plan-wiring';
import type { WiringSource } from '../../wiring/wiring-source';
import type { AppContext, HandlerGroup } from '../app-context';

const notConfigured = () =>
  new UpsFailure({
    code: 'NOT_FOUND',
    message: 'No stack is configured yet, so there is nothing to wire.',
    fix: 'Finish the setup first; wiring reads stack.yml from the install folder.',
  });

export function wiringUseCases(source: WiringSource, publish: (e: PushEvent) => void) {
  const load = async (): Promise<Wiring> => {
    const wiring = await source();
    if (!wiring) throw notConfigured();
    return wiring;
  };
  return {
    'wiring.plan': async (): Promise<WiringPlan> => planWiring((await load()).steps),
    'wiring.apply': async (input: { operationId?: string } = {}): Promise<WiringApplyResult> =>
      applyWiring((await load()).steps, {
        operationId: input.operationId,
        progress: (progress) => publish({ type: 'progress', progress }),
      }),
    'links.test': async (): Promise<LinksTable> => runLinkTests((await load()).links),
  } satisfies HandlerGroup;
}

export const wiringHandlers = (ctx: AppContext): HandlerGroup => wiringUseCases(ctx.deps.wiring, ctx.publish);
