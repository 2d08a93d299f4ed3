// The dashboard's states in Chromium against `ups serve`, with the core's answers scripted at the bridge (each one
// checked against the contract's output schema, so the page gets only what the real core could send): every state
// screenshotted at three sizes and scanned for internal text; the VPN provider dropdown leaves the page clickable and
// a dialog's backdrop is see-through (issue 20 item 1).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputDir, type ServedApp } from '../helpers/browser';
import { dashboardScript } from '../helpers/dashboard-script';
import { findInternalText, visibleText } from '../helpers/plain-text-scan';
import { uniqueProject } from '../helpers/require-env';
import { openScriptedPage, type Script, type ScriptedPage } from '../helpers/scripted-bridge';

const project = uniqueProject('ui-dash');
const configDir = mkdtempSync(join(tmpdir(), 'ups-e2e-dash-'));
let opened: ScriptedPage | undefined;
let served: ServedApp;
let page: Page;
let pageErrors: string[] = [];

let script: Script = {};

// The installed stack where everything works, shared with the layout suites; each state below changes one thing.
const { now, stack, okLinks, installed } = dashboardScript(project);

beforeAll(async () => {
  opened = await openScriptedPage(project, configDir, () => script);
  ({ served, page, pageErrors } = opened);
});

afterAll(async () => {
  await opened?.stop();
  rmSync(configDir, { recursive: true, force: true });
});

const sizes = [
  { width: 1366, height: 768 },
  { width: 1024, height: 700 },
  { width: 800, height: 600 },
];

/** Screenshots at the three sizes, and no internal text anywhere outside "Technical details" at any of them. */
async function shootAndScan(name: string): Promise<void> {
  for (const size of sizes) {
    await page.setViewportSize(size);
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
    const file = join(outputDir, `${name}-${size.width}x${size.height}.png`);
    await page.screenshot({ path: file, fullPage: true });
    expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
  }
  expect(findInternalText(await visibleText(page)), `internal text on ${name}`).toEqual([]);
  await page.setViewportSize(sizes[0]!);
}

async function openDashboard(next: Script, headline: string): Promise<void> {
  script = next;
  await page.goto(served.url.includes('token=') && !page.url().startsWith(served.origin) ? served.url : served.origin);
  await page.locator(`[data-testid="stack-overall"][data-headline="${headline}"]`).waitFor({ timeout: 30_000 });
  // Every read the dashboard makes has answered (no spinner left), so the scan sees the final screen.
  await page.waitForFunction(() => !document.querySelector('.fui-Spinner'), undefined, { timeout: 30_000 });
}

describe('dashboard states in Chromium', () => {
  it('not installed: a neutral page with Start setup, no red', async () => {
    script = {
      ...installed(),
      'app.info': () => ({ version: 't', platform: 'win32', arch: 'x64', door: 'browser', installRoot: null }),
      'stack.status': () => ({ project, overall: 'not-installed', services: [], observedAt: now() }),
    };
    await page.goto(served.url);
    await page.getByTestId('wizard').waitFor({ timeout: 30_000 });
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('dashboard-empty').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await shootAndScan('dashboard-not-installed');
    await page.getByTestId('start-setup').click();
    await page.getByTestId('wizard').waitFor();
  });

  it('all fine: green, the VPN connected, next steps, sign-in on the cards', async () => {
    await openDashboard(installed(), 'all-fine');
    expect(await page.getByTestId('stack-overall').textContent()).toContain('Everything is working.');
    expect(await page.getByTestId('vpn-card').getAttribute('data-verdict')).toBe('safe');
    await page.getByTestId('next-steps').waitFor();
    expect(await page.getByTestId('signin-radarr').textContent()).toContain('ups-admin');
    expect(await page.getByTestId('open-qbittorrent').textContent()).toBe('Open qBittorrent');
    const order = await page
      .locator('[role="listitem"] > [data-testid^="service-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(order.slice(0, 2)).toEqual(['service-plex', 'service-seerr']);
    await shootAndScan('dashboard-all-fine');
  });

  it('a dialog opens over a see-through backdrop and its text is plain too', async () => {
    await page.getByTestId('open-logins').click();
    const backdrop = page.locator('.fui-DialogSurface__backdrop');
    await backdrop.waitFor();
    const alpha = await backdrop.evaluate((el) => {
      const m = /rgba?\(([^)]+)\)/.exec(getComputedStyle(el).backgroundColor);
      const parts = (m?.[1] ?? '').split(',').map((x) => Number(x.trim()));
      return parts.length === 4 ? parts[3]! : 1;
    });
    expect(alpha).toBeLessThan(1);
    // The portal holding the dialog carries no page style of its own (the old bug: the page's full height).
    const portalMinHeight = await page
      .locator('[data-portal-node="true"]')
      .first()
      .evaluate((el) => getComputedStyle(el).minHeight);
    expect(['0px', 'auto']).toContain(portalMinHeight);
    await page.getByRole('dialog').getByText('ups-admin').first().waitFor();
    await shootAndScan('dashboard-dialog-logins');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('one app stopped: says which, with Start it', async () => {
    await openDashboard(
      { ...installed(), 'stack.status': () => stack({ radarr: { state: 'exited' } }) },
      'services-down',
    );
    expect(await page.getByTestId('stack-overall').textContent()).toContain('Radarr is stopped.');
    expect(await page.getByTestId('stack-overall').locator('button').allTextContents()).toEqual(['Start it']);
    await shootAndScan('dashboard-one-stopped');
  });

  it('VPN down: downloads paused, with Reconnect', async () => {
    await openDashboard(
      {
        ...installed(),
        'stack.status': () => stack({ qbittorrent: { state: 'exited' } }),
        'vpn.check': () => ({
          verdict: 'tunnel-down',
          reason: 'gluetun /v1/openvpn/status answered {"status":"stopped"} (HTTP 200)',
          stopped: ['qbittorrent'],
          checkedAt: now(),
        }),
      },
      'vpn-down',
    );
    expect(await page.getByTestId('stack-overall').textContent()).toContain(
      'Downloads paused: your VPN is disconnected.',
    );
    expect(await page.getByTestId('stack-overall').locator('button').allTextContents()).toEqual(['Reconnect']);
    expect(await page.getByTestId('vpn-card').textContent()).toContain('Disconnected');
    await shootAndScan('dashboard-vpn-down');
  });

  it('VPN unknown: not green, says it could not be checked', async () => {
    await openDashboard(
      {
        ...installed(),
        'vpn.check': () => ({
          verdict: 'unknown',
          reason: 'connect ECONNREFUSED 127.0.0.1:8000',
          stopped: [],
          checkedAt: now(),
        }),
      },
      'vpn-unknown',
    );
    expect(await page.getByTestId('stack-overall').getAttribute('data-tone')).toBe('warning');
    await shootAndScan('dashboard-vpn-unknown');
  });

  it('a link failing: counted in the first line with Repair; the raw answer only under Technical details', async () => {
    await openDashboard(
      {
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
      },
      'links-broken',
    );
    expect(await page.getByTestId('stack-overall').textContent()).toContain('1 app connection is broken.');
    const row = page.getByTestId('link-seerr-radarr');
    expect(await row.getByTestId('fix-action').textContent()).toBe('Repair');
    await shootAndScan('dashboard-link-failing');
    // Opened, the details hold the raw answer and a Copy button.
    await row.getByText('Technical details').click();
    expect(await row.locator('[data-technical-details]').textContent()).toContain('HTTP 404');
    await row.locator('[data-technical-details]').getByRole('button', { name: 'Copy' }).waitFor();
  });
});

describe('VPN provider dropdown (issue 20 item 1)', () => {
  it('picking a provider leaves the page clickable: Next gets the click, not an invisible layer', async () => {
    script = {
      'app.info': () => ({ version: 't', platform: 'win32', arch: 'x64', door: 'browser', installRoot: null }),
      'wizard.load': () => ({
        version: 1,
        step: 'vpn',
        completed: ['welcome', 'checks', 'location', 'services'],
        draft: {
          installRoot: 'D:\\UPS',
          dataRoot: 'D:\\Media',
          timeZone: 'Europe/Berlin',
          services: { qbittorrent: true, nzbget: false, tdarr: false, proxy: { enabled: false } },
        },
      }),
      'wizard.save': () => ({ savedAt: now() }),
      'stack.status': () => ({ project, overall: 'not-installed', services: [], observedAt: now() }),
      'secrets.status': () => ({ backend: 'Windows Credential Manager', entries: [] }),
    };
    await page.goto(served.origin);
    await page.locator('[data-testid="wizard"][data-step="vpn"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('field-provider').click();
    const listbox = page.getByRole('listbox');
    await listbox.waitFor();
    await listbox.getByRole('option').nth(17).click();
    await listbox.waitFor({ state: 'hidden' });
    // Whatever sits at the centre of Next and of the window is the page itself, never a portal layer.
    const hit = await page.evaluate(() => {
      const next = document.querySelector('[data-testid="wizard-next"]')!;
      const r = next.getBoundingClientRect();
      const atNext = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      const atCentre = document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2);
      return {
        nextGetsIt: Boolean(atNext && next.contains(atNext)),
        centreInPortal: Boolean(atCentre?.closest('[data-portal-node]')),
      };
    });
    expect(hit).toEqual({ nextGetsIt: true, centreInPortal: false });
    // A real click (Playwright refuses when another element would receive it): the step answers with its own errors.
    await page.getByTestId('wizard-next').click({ timeout: 5_000 });
    await page
      .locator(
        '[data-testid="wizard"][data-step="vpn"] [role="alert"], [data-testid="wizard"] .fui-Field__validationMessage',
      )
      .first()
      .waitFor();
    await page.screenshot({ path: join(outputDir, 'wizard-vpn-after-dropdown.png') });
    expect(pageErrors).toEqual([]);
  });
});
