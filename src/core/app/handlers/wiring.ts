// Use cases of the service wiring (wiring.plan, wiring.apply, links.test, and the connect run install goes on with):
// load the wiring, run the engine, push progress.
import { UpsFailure } from '../../contract';
import type { ProgressEvent, PushEvent } from '../../contract';
import type { LinksTable, StackWiringResult, WiringApplyResult, WiringPlan } from '../../contract/wiring';
import { applyWiring } from '../../wiring/engine/apply-wiring';
import { connectStack } from '../../wiring/engine/connect-stack';
import type { Wiring } from '../../wiring/engine/download-client-wiring';
import { runLinkTests } from '../../wiring/engine/link-tests';
import { planWiring, stepError } from '../../wiring/engine/plan-wiring';
import type { WiringSource } from '../../wiring/wiring-source';
import type { AppContext, HandlerGroup } from '../app-context';

const notConfigured = () =>
  new UpsFailure({
    code: 'NOT_FOUND',
    message: 'No stack is configured yet, so there is nothing to wire.',
    fix: 'Finish the setup first; wiring reads stack.yml from the install folder.',
  });

/** The installed stack's wiring, fresh (new clients) on every call; NOT_FOUND with a fix before setup. */
export async function loadWiring(source: WiringSource): Promise<Wiring> {
  const wiring = await source();
  if (!wiring) throw notConfigured();
  return wiring;
}

/**
 * Connects the installed stack (plan → apply → link tests) on the caller's operation; what fails is reported, never
 * thrown, so the install that calls this keeps what it did.
 */
export async function connectInstalledStack(
  source: WiringSource,
  operationId: string,
  progress: (p: ProgressEvent) => void,
): Promise<StackWiringResult> {
  try {
    return await connectStack(await loadWiring(source), { operationId, progress });
  } catch (err) {
    // A UpsFailure (no stack, vault locked) carries its own fix; anything else gets one a screen can act on.
    const { message, fix } =
      err instanceof UpsFailure
        ? stepError(err)
        : {
            message: `The apps could not be connected: ${err instanceof Error ? err.message : String(err)}`,
            fix: 'Fix the cause, then press Repair on the dashboard (or install again): the apps are installed.',
          };
    return {
      operationId,
      ok: false,
      planned: 0,
      applied: 0,
      problems: [{ step: 'wiring', service: 'stack', why: message, fix }],
      links: [],
    };
  }
}

export function wiringUseCases(source: WiringSource, publish: (e: PushEvent) => void) {
  const load = () => loadWiring(source);
  return {
    'wiring.plan': async (): Promise<WiringPlan> => planWiring((await load()).steps),
    'wiring.apply': async (
      input: { operationId?: string; confirmDeletes?: boolean } = {},
    ): Promise<WiringApplyResult> =>
      applyWiring((await load()).steps, {
        operationId: input.operationId,
        confirmDeletes: input.confirmDeletes === true,
        progress: (progress) => publish({ type: 'progress', progress }),
      }),
    'links.test': async (): Promise<LinksTable> => runLinkTests((await load()).links),
  } satisfies HandlerGroup;
}

export const wiringHandlers = (ctx: AppContext): HandlerGroup => wiringUseCases(ctx.deps.wiring, ctx.publish);
