// The wizard's Arr choices in Debian Chromium against `ups serve` (real core, keyring): the apps step asks for the video
// quality and, with NZBGet, the news server; a bad server is named in plain words on its field; the password goes to
// the vault only; the review shows the preset and the server. Focus and window title follow the step as elsewhere.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServe, type ServedApp } from '../helpers/browser';
import { requireDocker, requireSecretService, uniqueProject } from '../helpers/require-env';
import { seriousViolations } from '../helpers/ui-axe';

const project = uniqueProject('ui-arr');
const configDir = mkdtempSync(join(tmpdir(), 'ups-e2e-arr-'));
const roots = mkdtempSync(join(tmpdir(), 'ups-e2e-arr-roots-'));
let browser: Browser;
let served: ServedApp;
let page: Page;

beforeAll(async () => {
  await requireDocker();
  requireSecretService();
  served = await startServe({
    UPS_COMPOSE_PROJECT: project,
    UPS_CONFIG_DIR: configDir,
    UPS_VAULT_SERVICE: `Ultimate Plex Stack ${project}`,
  });
  browser = await launchChromium();
  page = await (await browser.newContext({ bypassCSP: true, viewport: { width: 1200, height: 900 } })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  rmSync(configDir, { recursive: true, force: true });
  rmSync(roots, { recursive: true, force: true });
});

async function atStep(name: string): Promise<void> {
  await page.locator(`[data-testid="wizard"][data-step="${name}"]`).waitFor({ timeout: 30_000 });
}

describe('wizard: quality preset and news server in Chromium', () => {
  it('reaches the apps step', async () => {
    await page.goto(served.url);
    await atStep('welcome');
    await page.getByRole('button', { name: 'Get started' }).click();
    await atStep('checks');
    await page.getByTestId('checks-summary').waitFor({ timeout: 30_000 });
    await page.getByTestId('wizard-next').click();
    await atStep('location');
    await page.getByTestId('field-installRoot').fill(join(roots, 'stack'));
    await page.getByTestId('field-dataRoot').fill(join(roots, 'media'));
    await page.getByTestId('field-timeZone').fill('Europe/Berlin');
    await page.getByTestId('wizard-next').click();
    await atStep('services');
    // Like every step: the heading has the focus and the window title names the step.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('step-heading');
    expect(await page.title()).toMatch(/^Choose your apps – Setup – /);
  });

  it('asks for the quality and the news server; a bad server is named in plain words, the password only in the vault', async () => {
    expect(await page.getByTestId('preset-1080p').isChecked()).toBe(true);
    await page.getByLabel(/^Space saver: /).check();
    await page.getByTestId('toggle-nzbget').check();
    await page.getByTestId('usenet-host').fill('https://news.example.com:563');
    await page.getByTestId('usenet-username').fill('reader');
    await page.getByTestId('usenet-password').fill('e2e-news-pass');
    await page.getByTestId('wizard-next').click();
    await page.getByText(/^Must be your provider's news server name/).waitFor();
    expect(await page.getByTestId('usenet-server').innerText()).not.toMatch(/usenet\.host/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('usenet-host').fill('news.example.com');
    await page.getByTestId('wizard-next').click();
    await atStep('vpn');
    // The step changes on screen first; wizard.save lands right after.
    const file = join(configDir, 'wizard.json');
    await expect.poll(() => (JSON.parse(readFileSync(file, 'utf8')) as { step: string }).step).toBe('vpn');
    const saved = readFileSync(file, 'utf8');
    expect(JSON.parse(saved)).toMatchObject({
      draft: {
        qualityPreset: 'Space saver',
        usenet: { host: 'news.example.com', port: 563, tls: true, username: 'reader', connections: 8 },
      },
    });
    expect(saved).not.toContain('e2e-news-pass');
  });

  it('the review lists arr.yml with the chosen quality and the news server', async () => {
    await page.getByRole('radio', { name: 'Service user name and password' }).check();
    await page.getByTestId('field-openvpnUser').fill('standinServiceUser');
    await page.getByTestId('field-openvpnPassword').fill('standin-vpn-pass');
    await page.getByTestId('wizard-next').click();
    await atStep('plex');
    await page.getByTestId('wizard-next').click();
    await atStep('review');
    const files = await page.getByRole('table', { name: 'Files and folders' }).innerText();
    expect(files).toContain(`${join(roots, 'stack')}/arr.yml (video quality: Space saver)`);
    expect(files).toContain('news.example.com:563 (encrypted)');
    const secrets = await page.getByRole('table', { name: 'Secrets' }).innerText();
    expect(secrets).not.toContain('e2e-news-pass');
  });
});
