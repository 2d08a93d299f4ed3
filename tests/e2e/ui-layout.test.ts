// Layout and access budgets of the wizard in Debian Chromium against `ups serve`: every step before install at
// 800×600, 1024×700 and 1366×768, each at 100/150/200 % zoom (the CSS viewport a Windows scale factor leaves), with 0
// overlapping or overflowing controls and the main action in view without scrolling; focus on the new heading and
// a new window title after Next; the VPN dropdown open; badges with icons in forced colours; axe 0 serious.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, outputDir, startServe, type ServedApp } from '../helpers/browser';
import { inViewWithoutScrolling, layoutProblems } from '../helpers/layout-budget';
import { requireDocker, requireSecretService, uniqueProject } from '../helpers/require-env';
import { seriousViolations } from '../helpers/ui-axe';

const project = uniqueProject('layout');
const configDir = mkdtempSync(join(tmpdir(), 'ups-e2e-layout-'));
const roots = mkdtempSync(join(tmpdir(), 'ups-e2e-layout-roots-'));
let browser: Browser;
let served: ServedApp;
let page: Page;

const sizes = [
  { width: 800, height: 600 },
  { width: 1024, height: 700 },
  { width: 1366, height: 768 },
] as const;
const zooms = [1, 1.5, 2] as const;
// Install starts an install as it opens, and Done needs one: ui-layout-install.test.ts scripts both at the bridge.
const steps = ['welcome', 'checks', 'location', 'services', 'vpn', 'plex', 'review'] as const;
const order = ['welcome', 'checks', 'location', 'services', 'vpn', 'plex', 'review', 'install', 'done'];
const draft = {
  installRoot: join(roots, 'stack'),
  dataRoot: join(roots, 'media'),
  timeZone: 'Europe/Berlin',
  services: { qbittorrent: true, nzbget: false, tdarr: false, proxy: { enabled: false } },
  vpn: { provider: 'nordvpn', type: 'openvpn', serverCountries: [] },
};

/** Opens the wizard on `step` with the answers of the steps before it, as a resumed setup would. */
async function openStep(step: (typeof steps)[number]): Promise<void> {
  const completed = order.slice(0, order.indexOf(step));
  writeFileSync(join(configDir, 'wizard.json'), JSON.stringify({ version: 1, step, completed, draft }));
  await page.goto(served.url);
  await page.locator(`[data-testid="wizard"][data-step="${step}"]`).waitFor({ timeout: 30_000 });
  if (step === 'checks') await page.getByTestId('checks-summary').waitFor({ timeout: 60_000 });
  if (step === 'location') await page.getByTestId('location-space').waitFor({ timeout: 30_000 });
  if (step === 'review') await page.locator('[data-testid="core-check"], .fui-MessageBar').first().waitFor();
  await settle();
}

async function settle(): Promise<void> {
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
}

/** Every size and zoom: CSS viewport = window size ÷ zoom, which is what Windows display scaling does to a page. */
async function eachViewport(name: string, check: (label: string) => Promise<void>): Promise<void> {
  for (const size of sizes)
    for (const zoom of zooms) {
      const label = `${name} at ${size.width}×${size.height} ${zoom * 100} %`;
      await page.setViewportSize({ width: Math.round(size.width / zoom), height: Math.round(size.height / zoom) });
      await settle();
      await check(label);
      if (zoom === 1)
        await page.screenshot({ path: join(outputDir, `layout-${name}-${size.width}x${size.height}.png`) });
    }
}

beforeAll(async () => {
  await requireDocker();
  requireSecretService();
  served = await startServe({
    UPS_COMPOSE_PROJECT: project,
    UPS_CONFIG_DIR: configDir,
    UPS_VAULT_SERVICE: `Ultimate Plex Stack ${project}`,
  });
  browser = await launchChromium();
  page = await (await browser.newContext({ bypassCSP: true, viewport: { width: 1366, height: 768 } })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  rmSync(configDir, { recursive: true, force: true });
  rmSync(roots, { recursive: true, force: true });
});

describe('wizard layout budgets in Chromium', () => {
  for (const step of steps)
    it(`${step}: no overlap or overflow, main action in view, at every size and zoom; axe 0 serious`, async () => {
      await openStep(step);
      const problems: string[] = [];
      await eachViewport(step, async (label) => {
        for (const p of await layoutProblems(page)) problems.push(`${label}: ${p}`);
        if (!(await inViewWithoutScrolling(page, '[data-testid="wizard-next"]')))
          problems.push(`${label}: the main action is not in view without scrolling`);
      });
      expect(problems).toEqual([]);
      await page.setViewportSize({ width: 1366, height: 768 });
      expect(await seriousViolations(page), `axe on ${step}`).toEqual([]);
    });

  it('Next moves focus to the new heading and changes the window title', async () => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await openStep('welcome');
    const titles = [await page.title()];
    await page.getByTestId('wizard-next').click();
    await page.locator('[data-testid="wizard"][data-step="checks"]').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('step-heading');
    titles.push(await page.title());
    // Let the page's own save of the new step land before the next step is seeded over it.
    await expect
      .poll(() => JSON.parse(readFileSync(join(configDir, 'wizard.json'), 'utf8')).step as string)
      .toBe('checks');
    await openStep('location');
    titles.push(await page.title());
    await page.getByTestId('wizard-next').click();
    await page.locator('[data-testid="wizard"][data-step="services"]').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('step-heading');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      await page.locator('#step-heading').textContent(),
    );
    titles.push(await page.title());
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('the VPN provider dropdown opens inside the window and the page stays usable after a choice', async () => {
    await openStep('vpn');
    const problems: string[] = [];
    await eachViewport('vpn-dropdown', async (label) => {
      await page.getByTestId('field-provider').click();
      const list = page.getByRole('listbox');
      const opened = await list.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => false,
      );
      if (!opened) {
        await page.screenshot({ path: join(outputDir, 'layout-vpn-dropdown-not-open.png') });
        problems.push(`${label}: the provider list did not open`);
        return;
      }
      await settle();
      const box = await list.boundingBox();
      const vp = page.viewportSize()!;
      if (!box || box.x < 0 || box.x + box.width > vp.width + 1)
        problems.push(`${label}: the provider list leaves the window`);
      for (const p of await layoutProblems(page)) problems.push(`${label}: ${p}`);
      await page.keyboard.press('Escape');
      await list.waitFor({ state: 'hidden' });
    });
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.getByTestId('field-provider').click();
    await page.getByRole('option').nth(1).click();
    // Nothing invisible is left over the page: the heading is what a click at its centre reaches.
    const hit = await page.evaluate(() => {
      const h = document.getElementById('step-heading')!.getBoundingClientRect();
      const at = document.elementFromPoint(h.left + h.width / 2, h.top + h.height / 2);
      return at?.closest('#step-heading') !== null;
    });
    expect(hit).toBe(true);
    expect(problems).toEqual([]);
  });

  it('in forced colours every check badge carries an icon', async () => {
    await page.emulateMedia({ forcedColors: 'active' });
    await openStep('checks');
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    const badges = await page
      .locator('[data-testid^="check-"] [data-icon]')
      .evaluateAll((els) =>
        els.map((e) => ({ icon: e.getAttribute('data-icon'), shown: (e.textContent ?? '').trim() })),
      );
    expect(badges.length).toBeGreaterThan(0);
    for (const b of badges) expect(b.shown.startsWith(b.icon ?? '?')).toBe(true);
    await page.screenshot({ path: join(outputDir, 'layout-checks-forced-colours.png') });
    await page.emulateMedia({ forcedColors: 'none' });
  });
});
