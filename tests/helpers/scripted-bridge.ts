// A Chromium page on `ups serve` whose core answers come from a script at the bridge, each checked against the
// contract's output schema (so the page gets only what the real core could send). Calls the script does not answer
// reach the real core; no live pushes arrive, so a state is what the script says, not what this machine's engine runs.
import type { Browser, BrowserContextOptions, Page, Route } from 'playwright-core';
import { BRIDGE_CALL_PREFIX, BRIDGE_EVENTS_PATH, calls, type CallOutput, type Channel } from '../../src/core/contract';
import { launchChromium, startServe, type ServedApp } from './browser';

export type Script = { [C in Channel]?: (input: unknown) => CallOutput<C> };

export interface ScriptedPage {
  served: ServedApp;
  browser: Browser;
  page: Page;
  /** Uncaught errors of the page, in order. */
  pageErrors: string[];
  stop(): Promise<void>;
}

/** `script()` is read on every call, so a test swaps states by assigning a new script. */
export async function openScriptedPage(
  project: string,
  configDir: string,
  script: () => Script,
  context: BrowserContextOptions = {},
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
    // A scripted answer the real core could not send fails the test here.
    const value = calls[channel as Channel].output.parse(scripted(undefined));
    await route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: true, value }) });
  });
  await page.route(`**${BRIDGE_EVENTS_PATH}**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/event-stream', body: ': scripted\n\n' }),
  );
  return {
    served,
    browser,
    page,
    pageErrors,
    stop: async () => {
      await browser.close();
      await served.stop();
    },
  };
}
