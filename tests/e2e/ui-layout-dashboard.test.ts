// Layout, access and plain-words budgets of the dashboard and its dialogs in Debian Chromium against `ups serve`, the
// core's answers scripted at the bridge (each checked against the contract's output schema): every dashboard state
// (all fine, one stopped, VPN down, VPN unknown, link failing, not installed) and every dialog open (settings,
// credentials with Replace open, indexers, a confirm, sign-in, logs) at 800×600, 1024×700 and 1366×768, each at
// 100/150/200 % — 0 overlapping or overflowing controls, the main action in view, axe 0 serious, no internal text
// outside "Technical details" (issue 20). One browser, one page: a size is only a new viewport. The Tdarr node dialog
// and the damaged-file fixes are ui-layout-dialogs.test.ts's; the wizard's Install and Done, ui-layout-install.test.ts's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ServedApp } from '../helpers/browser';
import { dashboardScript } from '../helpers/dashboard-script';
import { layoutBudgets, settle as settleAnimations } from '../helpers/layout-sweep';
import { uniqueProject } from '../helpers/require-env';
import { openScriptedPage, type Script, type ScriptedPage } from '../helpers/scripted-bridge';

const project = uniqueProject('ui-dash-layout');
const configDir = mkdtempSync(join(tmpdir(), 'ups-e2e-dash-layout-'));
let opened: ScriptedPage | undefined;
let served: ServedApp;
let page: Page;
let pageErrors: string[] = [];

let script: Script = {};

const { now, stack, okLinks, info, installed } = dashboardScript(project);

beforeAll(async () => {
  opened = await openScriptedPage(project, configDir, () => script, { bypassCSP: true });
  ({ served, page, pageErrors } = opened);
});

afterAll(async () => {
  await opened?.stop();
  rmSync(configDir, { recursive: true, force: true });
});

const settle = () => settleAnimations(page);
const budgets = (name: string, mainAction: string) => layoutBudgets(page, name, mainAction);

async function openDashboard(next: Script, headline: string): Promise<void> {
  script = next;
  await page.goto(page.url().startsWith(served.origin) ? served.origin : served.url);
  await page.locator(`[data-testid="stack-overall"][data-headline="${headline}"]`).waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => !document.querySelector('.fui-Spinner'), undefined, { timeout: 30_000 });
}

/** The headline's one button when it has one (Start it, Reconnect, Repair), else the headline's own title. */
const headlineAction = '[data-testid="stack-overall"] button, [data-testid="stack-overall"] .fui-MessageBarTitle';

describe('dashboard states: layout, access and plain words at every size and zoom', () => {
  it('not installed', async () => {
    script = {
      ...installed(),
      'app.info': info(null),
      'stack.status': () => ({ project, overall: 'not-installed', services: [], observedAt: now() }),
    };
    await page.goto(served.url);
    await page.getByTestId('wizard').waitFor({ timeout: 30_000 });
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('dashboard-empty').waitFor();
    await budgets('dashboard-not-installed', '[data-testid="start-setup"]');
  });

  const states: [string, string, () => Script][] = [
    ['all-fine', 'all-fine', installed],
    [
      'one-stopped',
      'services-down',
      () => ({ ...installed(), 'stack.status': () => stack({ radarr: { state: 'exited' } }) }),
    ],
    [
      'vpn-down',
      'vpn-down',
      () => ({
        ...installed(),
        'stack.status': () => stack({ qbittorrent: { state: 'exited' } }),
        'vpn.check': () => ({
          verdict: 'tunnel-down',
          reason: 'gluetun /v1/openvpn/status answered {"status":"stopped"} (HTTP 200)',
          stopped: ['qbittorrent'],
          checkedAt: now(),
        }),
      }),
    ],
    [
      'vpn-unknown',
      'vpn-unknown',
      () => ({
        ...installed(),
        'vpn.check': () => ({
          verdict: 'unknown',
          reason: 'connect ECONNREFUSED 127.0.0.1:8000',
          stopped: [],
          checkedAt: now(),
        }),
      }),
    ],
    [
      'link-failing',
      'links-broken',
      () => ({
        ...installed(),
        'links.test': () => ({
          ok: false,
          links: [
            ...okLinks().links,
            {
              id: 'seerr-radarr',
              from: 'seerr',
              to: 'radarr',
              ok: false,
              detail: 'GET /api/v3/system/status: HTTP 404 <html><body><h1>Not Found</h1></body></html>',
              fix: 'Run `ups wire --apply`; it is idempotent.',
            },
          ],
        }),
      }),
    ],
  ];
  for (const [name, headline, state] of states)
    it(name, async () => {
      await openDashboard(state(), headline);
      await budgets(`dashboard-${name}`, headlineAction);
    });
});

describe('dialogs open: layout, access and plain words at every size and zoom', () => {
  beforeAll(async () => {
    await openDashboard(installed(), 'all-fine');
  });

  const close = async () => {
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  };
  // A failed check leaves its dialog open: the next test starts from the dashboard all the same.
  afterEach(async () => {
    for (let i = 0; i < 3 && (await page.locator('[role="dialog"], [role="alertdialog"]').count()); i++) {
      await page.keyboard.press('Escape');
      await settle();
    }
  });

  it('settings', async () => {
    await page.getByTestId('open-settings').click();
    await page.getByTestId('save-stack-settings').waitFor();
    await budgets('dialog-settings', '[data-testid="save-stack-settings"]');
  });

  it('credentials, with Replace open', async () => {
    await page.getByTestId('open-credentials').click();
    await page.getByRole('button', { name: 'Replace NAS user name' }).click();
    await page.getByTestId('secret-input-nas.user').waitFor();
    await budgets('dialog-credentials-replace', '[data-testid="secret-save-nas.user"]');
    await close();
  });

  it('indexers', async () => {
    await page.getByTestId('open-indexers').click();
    await page.getByTestId('definition-yts').waitFor();
    await budgets('dialog-indexers', '[data-testid="definition-yts"]');
    await close();
  });

  it('sign-in details', async () => {
    await page.getByTestId('open-logins').click();
    await page.getByRole('dialog').getByText('ups-admin').first().waitFor();
    await budgets('dialog-logins', '[role="dialog"] button');
    await close();
    expect(pageErrors).toEqual([]);
  });

  it('migrate to NAS', async () => {
    await page.getByTestId('open-migrate').click();
    await page.getByTestId('migrate-plan-button').waitFor();
    await budgets('dialog-migrate', '[data-testid="migrate-plan-button"]');
    await close();
  });

  it('move to another engine', async () => {
    await page.getByTestId('open-move-stack').click();
    await page.getByTestId('move-check-button').waitFor();
    await budgets('dialog-move-stack', '[data-testid="move-check-button"]');
    await close();
  });

  it("an app's recent log", async () => {
    await page.getByRole('button', { name: 'Logs of Radarr' }).click();
    await page.getByRole('dialog').waitFor();
    await settle();
    await budgets('dialog-logs', '[data-testid="logs-reload"]');
    await close();
  });

  // After the confirm closes, focus is back in the settings dialog: Escape then closes it (close() waits for that).
  it('the settings confirm names the apps the core says restart', async () => {
    await page.getByTestId('open-settings').click();
    await page.getByTestId('setting-port-radarr').fill('7900');
    await page.getByTestId('save-stack-settings').click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('VPN and qBittorrent restart');
    await budgets('dialog-confirm', '[data-testid="confirm-yes"]');
    await page.getByTestId('confirm-no').click();
    await dialog.waitFor({ state: 'detached' });
    // Focus goes back into the settings dialog (to what opened the confirm); Escape reaches the dialog only then.
    const back = await page
      .waitForFunction(() => document.activeElement?.closest('[role="dialog"]') !== null, undefined, { timeout: 5_000 })
      .then(
        () => true,
        () => false,
      );
    expect(back, 'focus is back in the settings dialog after the confirm closes').toBe(true);
    await close();
  });
});
