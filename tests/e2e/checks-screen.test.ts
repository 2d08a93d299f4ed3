// Browser mode end to end: `ups serve` with the real core, Debian Chromium opens the tokened URL and sees the checks.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, outputDir, startServe, type ServedApp } from '../helpers/browser';
import { requireDocker, uniqueProject } from '../helpers/require-env';
import { seriousViolations } from '../helpers/ui-axe';
import { execa } from 'execa';

const project = uniqueProject('e2e');
let browser: Browser;
let served: ServedApp;
let containerId = '';
// A fresh per-user config dir: no install pointer (so the wizard opens) and no saved wizard progress.
const configDir = mkdtempSync(join(tmpdir(), 'ups-e2e-checks-'));

beforeAll(async () => {
  await requireDocker();
  containerId = (
    await execa('docker', [
      'run',
      '-d',
      '--network',
      'none',
      '--label',
      `com.docker.compose.project=${project}`,
      '--label',
      'com.docker.compose.service=plex',
      'ups-standin/service:latest',
    ])
  ).stdout.trim();
  served = await startServe({ UPS_COMPOSE_PROJECT: project, UPS_CONFIG_DIR: configDir });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  if (containerId) await execa('docker', ['rm', '-f', containerId], { reject: false });
  rmSync(configDir, { recursive: true, force: true });
});

/** The wizard opens on welcome (nothing installed), or resumes on the checks once they were reached. */
async function openChecks(page: import('playwright-core').Page): Promise<void> {
  await page.goto(served.url);
  const wizard = page.getByTestId('wizard');
  await wizard.waitFor({ timeout: 30_000 });
  if ((await wizard.getAttribute('data-step')) === 'welcome')
    await page.getByRole('button', { name: 'Get started' }).click();
  await page.getByTestId('checks-summary').waitFor({ timeout: 30_000 });
}

describe('checks screen in Chromium', () => {
  it('shows every check with its state, the stack status, and takes a screenshot', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openChecks(page);
    // Passed checks are folded into one line; unfold it to see each card.
    if (await page.getByTestId('checks-passed').count())
      await page.getByTestId('checks-passed').locator('summary').click();
    for (const id of ['docker.engine', 'docker.compose', 'vault.usable']) {
      const card = page.getByTestId(`check-${id}`);
      await expect(card.isVisible()).resolves.toBe(true);
      expect(['ok', 'warn', 'fail']).toContain(await card.getAttribute('data-state'));
    }
    expect(await page.getByTestId('check-docker.engine').getAttribute('data-state')).toBe('ok');
    await page.screenshot({ path: join(outputDir, 'checks.png'), fullPage: true });
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('stack-status').waitFor();
    await page.getByTestId('service-plex').waitFor();
    expect(await page.getByTestId('service-plex').getAttribute('data-state')).toBe('running');
    // The token must not linger in the address bar once traded for the session cookie.
    expect(page.url()).not.toContain('token=');
    expect(readFileSync(join(outputDir, 'checks.png')).subarray(1, 4).toString()).toBe('PNG');
    expect(errors).toEqual([]);
  });

  it('has no serious or critical accessibility violations (axe)', async () => {
    // Our CSP rightly refuses injected scripts; axe is test tooling, so this context alone bypasses it.
    const page = await (await browser.newContext({ bypassCSP: true })).newPage();
    await openChecks(page);
    const violations = await seriousViolations(page);
    expect(violations).toEqual([]);
  });

  it('a page without the token gets nothing', async () => {
    const page = await browser.newPage();
    const res = await page.goto(served.origin + '/');
    expect(res?.status()).toBe(401);
  });
});
