// The App service's wiring calls (wiring.plan, wiring.apply, links.test): load the wiring, run the engine, push progress.
import { UpsFailure, type PushEvent } from '../../contract';
import type { LinksTable, WiringApplyResult, WiringPlan } from '../../contract/wiring';
import { applyWiring } from './apply-wiring';
import type { Wiring } from './download-client-wiring';
import { runLinkTests } from './link-tests';
import { planWiring } from './plan-wiring';

/** Builds the wiring for the installed stack; null while no stack is configured. Fresh clients on every call. */
export type WiringSource = () => Promise<Wiring | null>;

const notConfigured = () =>
  new UpsFailure({
    code: 'NOT_FOUND',
    message: 'No stack is configured yet, so there is nothing to wire.',
    fix: 'Finish the setup first (the wizard or `ups init`); wiring reads stack.yml from the install folder.',
  });

export function createWiringHandlers(source: WiringSource | undefined, publish: (e: PushEvent) => void) {
  const load = async (): Promise<Wiring> => {
    const wiring = source ? await source() : null;
    if (!wiring) throw notConfigured();
    return wiring;
  };
  return {
    handlers: {
      'wiring.plan': async (): Promise<WiringPlan> => planWiring((await load()).steps),
      'wiring.apply': async (): Promise<WiringApplyResult> =>
        applyWiring((await load()).steps, { progress: (progress) => publish({ type: 'progress', progress }) }),
      'links.test': async (): Promise<LinksTable> => runLinkTests((await load()).links),
    },
  };
}
