// A Chromium page on `ups serve` whose core answers come from a script at the bridge, each checked against the
// contract's output schema (so the page gets only what the real core could send). Calls the script does not answer
// reach the real core. Live pushes arrive only when a test sends them (`push`, each checked against the contract's push
// schema), so a state is what the script says, not what this machine's engine runs.
import type { Browser, BrowserContextOptions, Page, Route } from 'playwright-core';
import {
  BRIDGE_CALL_PREFIX,
  BRIDGE_EVENTS_PATH,
  calls,
  PushEventSchema,
  UpsErrorSchema,
  type CallOutput,
  type Channel,
  type PushEvent,
  type UpsError,
} from '../../src/core/contract';
import { launchChromium, startServe, type ServedApp } from './browser';

const failure = Symbol('scripted failure');
/** A scripted answer that is the core's error envelope instead of a value. */
export interface ScriptedFailure {
  [failure]: UpsError;
}
/** The call answers `{ ok: false, error }`; the error is checked against the contract's error schema. */
export const scriptedFailure = (error: UpsError): ScriptedFailure => ({ [failure]: UpsErrorSchema.parse(error) });

type Answer<C extends Channel> = CallOutput<C> | ScriptedFailure;
/** Each answer gets the call's input as the page sent it; a promise holds the call open until it settles. */
export type Script = { [C in Channel]?: (input: unknown) => Answer<C> | Promise<Answer<C>> };

export interface ScriptedPage {
  served: ServedApp;
  browser: Browser;
  page: Page;
  /** Uncaught errors of the page, in order. */
  pageErrors: string[];
  /** Sends a push to the page on its event stream: it arrives when the stream next opens (see `streamRetryMs`). */
  push(event: PushEvent): void;
  stop(): Promise<void>;
}

/**
 * `script()` is read on every call, so a test swaps states by assigning a new script. `streamRetryMs`: how soon the
 * page's EventSource opens its stream again after each scripted answer ends it (the SSE `retry` field); a suite that
 * pushes sets it low so a push lands within a fraction of a second. Left unset, Chromium's default (about 3 s) holds:
 * constant reconnects kept a dialog from closing on Escape in ui-layout-dashboard.test.ts.
 */
export async function openScriptedPage(
  project: string,
  configDir: string,
  script: () => Script,
  context: BrowserContextOptions = {},
  streamRetryMs?: number,
): Promise<ScriptedPage> {
  const served = await startServe({
    UPS_COMPOSE_PROJECT: project,
    UPS_CONFIG_DIR: configDir,
    UPS_VAULT_SERVICE: `Ultimate Plex Stack ${project}`,
  });
  const browser = await launchChromium();
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, ...context })).newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.route(`**${BRIDGE_CALL_PREFIX}**`, async (route: Route) => {
    const channel = decodeURIComponent(new URL(route.request().url()).pathname.slice(BRIDGE_CALL_PREFIX.length));
    const scripted = script()[channel as Channel] as ((input: unknown) => unknown) | undefined;
    if (!scripted) return route.continue();
    const answer = await scripted(route.request().postDataJSON() as unknown);
    const body =
      answer && typeof answer === 'object' && failure in answer
        ? { ok: false, error: (answer as ScriptedFailure)[failure] }
        : // A scripted answer the real core could not send fails the test here.
          { ok: true, value: calls[channel as Channel].output.parse(answer) };
    await route.fulfill({ contentType: 'application/json', body: JSON.stringify(body) }).catch((err: unknown) => {
      // A call held open past the end of the test: the page is gone, nobody waits for the answer.
      if (!page.isClosed()) throw err;
    });
  });
  // Each stream answer carries what was pushed since the last one and ends; the EventSource opens it again soon after.
  let pending: PushEvent[] = [];
  await page.route(`**${BRIDGE_EVENTS_PATH}**`, (route) => {
    const events = pending.map((e) => `data: ${JSON.stringify(e)}\n\n`).join('');
    pending = [];
    return route.fulfill({
      status: 200,
      contentType: 'text/event-stream',
      body: `${streamRetryMs ? `retry: ${streamRetryMs}\n` : ''}: scripted\n\n${events}`,
    });
  });
  return {
    served,
    browser,
    page,
    pageErrors,
    push: (event) => pending.push(PushEventSchema.parse(event)),
    stop: async () => {
      await browser.close();
      await served.stop();
    },
  };
}
