// The wizard's install in Debian Chromium against `ups serve` with the real core: the Plex step signs in to (fake) plex.tv
// BEFORE install and names the account, a port already taken makes the install stop with cause + fix, Retry after
// freeing it completes with per-step progress and claims Plex for that account (the done step says so), and the
// dashboard shows every service healthy. Stand-in images are tagged with the catalog's image names, as the stack
// integration tests do; the claim goes to the recorded Plex fake through the UPS_PLEX_URL seam (the stand-in is no Plex).
import Docker from 'dockerode';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultImages, defaultPorts, type WizardProgress } from '../../src/core/contract';
import { composeDownTestStack } from '../integration/stack-helpers';
import { launchChromium, outputDir, startServe, type ServedApp } from '../helpers/browser';
import { requireDocker, requireSecretService, uniqueProject, tagStandInAs } from '../helpers/require-env';
import { seriousViolations } from '../helpers/ui-axe';
import { findInternalText, visibleText } from '../helpers/plain-text-scan';
import { startPlexFake, startPlexTvFake, type PlexFake, type PlexTvFake } from '../fakes/plex-fakes';

const project = uniqueProject('ui-install');
const configDir = mkdtempSync(join(tmpdir(), 'ups-e2e-install-'));
const roots = mkdtempSync(join(tmpdir(), 'ups-e2e-install-roots-'));
let browser: Browser;
let served: ServedApp;
let page: Page;
let blocker: Server | undefined;
// plex.tv cannot be reached from here: its fake answers with recorded responses (tests/fixtures/recorded/plex-tv).
let plexTv: PlexTvFake;
let plexServer: PlexFake;
const PLEX_TOKEN = 'standin-plex-token-1';

beforeAll(async () => {
  requireSecretService();
  const docker: Docker = await requireDocker();
  await tagStandInAs(docker, Object.values(defaultImages));
  // Resume the wizard at the VPN step with the earlier answers (the walk itself is ui-wizard.test.ts's job).
  const progress: WizardProgress = {
    version: 1,
    step: 'vpn',
    completed: ['welcome', 'checks', 'location', 'services'],
    draft: {
      installRoot: join(roots, 'stack'),
      dataRoot: join(roots, 'media'),
      timeZone: 'Europe/Berlin',
      services: { qbittorrent: true, nzbget: false, tdarr: false, proxy: { enabled: false } },
    },
  };
  writeFileSync(join(configDir, 'wizard.json'), JSON.stringify(progress));
  plexTv = await startPlexTvFake();
  plexServer = await startPlexFake(plexTv);
  served = await startServe({
    UPS_COMPOSE_PROJECT: project,
    UPS_CONFIG_DIR: configDir,
    UPS_PLEXTV_URL: plexTv.server.url,
    UPS_PLEX_URL: plexServer.server.url,
    // Its own keyring entries: the suites share one keyring (its Plex token must not reach ui-wizard's serve).
    UPS_VAULT_SERVICE: `Ultimate Plex Stack ${project}`,
  });
  browser = await launchChromium();
  page = await (await browser.newContext({ bypassCSP: true, viewport: { width: 1200, height: 900 } })).newPage();
}, 180_000);

afterAll(async () => {
  blocker?.close();
  await browser?.close();
  await served?.stop();
  await plexTv?.server.stop();
  await plexServer?.server.stop();
  await composeDownTestStack(project, join(roots, 'stack')).catch(() => undefined);
  rmSync(configDir, { recursive: true, force: true });
  rmSync(roots, { recursive: true, force: true });
}, 180_000);

async function shoot(name: string): Promise<void> {
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  await page.screenshot({ path: join(outputDir, `${name}.png`), fullPage: true });
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
  // Every screen this suite reaches (install failure, Done, dashboard, dialogs) reads as plain words outside details.
  expect(findInternalText(await visibleText(page)), `internal text on ${name}`).toEqual([]);
}

describe('install from the wizard', () => {
  it('stops on a taken port with cause + fix, and Retry completes once it is free', async () => {
    await page.goto(served.url);
    await page.locator('[data-testid="wizard"][data-step="vpn"]').waitFor({ timeout: 30_000 });
    await page.getByRole('radio', { name: 'Service user name and password' }).check();
    await page.getByTestId('field-openvpnUser').fill('standinServiceUser');
    await page.getByTestId('field-openvpnPassword').fill('standin-install-pass');
    await page.getByTestId('wizard-next').click();
    await page.locator('[data-testid="wizard"][data-step="plex"]').waitFor();
    // Signed in before install: plex.tv approves the PIN (in the user's browser), the step names the account.
    const firstPin = Number(
      JSON.parse(readFileSync(new URL('../fixtures/recorded/plex-tv/pin-new.json', import.meta.url), 'utf8')).id,
    );
    await page.getByTestId('plex-signin').click();
    await page.getByTestId('plex-auth-url').waitFor();
    expect(await page.getByTestId('plex-auth-url').getAttribute('href')).toMatch(/^https:\/\/app\.plex\.tv\/auth#\?/);
    plexTv.approve(firstPin, PLEX_TOKEN, 'ups-e2e-user');
    await page.locator('[data-testid="plex-signin-panel"][data-phase="done"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="plex-state"][data-account="known"]').waitFor();
    expect(await page.getByTestId('plex-state').textContent()).toMatch(
      /^Signed in as ups-e2e-user: your Plex token is stored in .+\. Your Plex server will be claimed when the install starts Plex\.$/,
    );
    expect(await page.content()).not.toContain(PLEX_TOKEN);
    expect(plexServer.server.calls).toEqual([]);
    await shoot('wizard-plex-signed-in');
    await page.getByTestId('wizard-next').click();
    await page.locator('[data-testid="wizard"][data-step="review"]').waitFor();
    await page.getByTestId('core-check').waitFor();

    // Something else already listens on Plex's port: the install must say so and how to fix it.
    blocker = createServer();
    await new Promise<void>((resolve, reject) =>
      blocker!.once('error', reject).listen(defaultPorts.plex, '0.0.0.0', resolve),
    );
    await page.getByTestId('wizard-next').click();
    const failure = page.getByTestId('install-error');
    await failure.waitFor({ timeout: 170_000 });
    expect(await failure.textContent()).toMatch(/How to fix: /);
    await shoot('wizard-install-failed');

    await new Promise<void>((resolve) => blocker!.close(() => resolve()));
    blocker = undefined;
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.locator('[data-testid="wizard"][data-step="done"]').waitFor({ timeout: 170_000 });
    await page.getByRole('link', { name: `http://localhost:${defaultPorts.plex}/web` }).waitFor();
    await shoot('wizard-done');
    expect(readFileSync(join(configDir, 'wizard.json'), 'utf8')).not.toContain('standin-install-pass');
  });

  it('the install claimed Plex for the account signed in before it, and the done step says so', async () => {
    expect(plexServer.state.owner).toBe(PLEX_TOKEN);
    const line = page.locator('[data-testid="plex-account"][data-server="claimed"]');
    await line.waitFor({ timeout: 30_000 });
    expect(await line.textContent()).toBe('Signed in as ups-e2e-user. Your Plex server is claimed for your account.');
    expect(await page.content()).not.toContain(PLEX_TOKEN);
    expect([...plexTv.server.violations, ...plexServer.server.violations]).toEqual([]);
    await shoot('wizard-done-plex');
  });

  it('lands on a dashboard where every installed service is healthy', async () => {
    await page.getByRole('button', { name: 'Open the dashboard' }).click();
    for (const svc of ['vpn', 'plex', 'qbittorrent', 'prowlarr', 'radarr', 'sonarr', 'bazarr', 'seerr']) {
      await page.locator(`[data-testid="service-${svc}"][data-health="healthy"]`).waitFor({ timeout: 60_000 });
    }
    await page.locator('[data-testid="stack-overall"][data-overall="running"]').waitFor();
    expect(await page.getByTestId('open-plex').getAttribute('href')).toBe(`http://localhost:${defaultPorts.plex}/web`);
    await shoot('dashboard-installed');
    // No registry is reachable for the catalog's images here: the engine's answer (per-service or whole) must be shown.
    await page.getByRole('button', { name: 'Check for updates' }).click();
    const answer = page.locator('[data-testid="updates-result"], [data-testid="updates-error"]');
    await answer.first().waitFor({ timeout: 120_000 });
    expect((await answer.first().textContent())?.length).toBeGreaterThan(10);
  });

  it('settings show the installed stack and refuse a taken port next to its field, changing nothing', async () => {
    await page.getByTestId('open-settings').click();
    const zone = page.getByTestId('setting-time-zone');
    await zone.waitFor({ timeout: 30_000 });
    expect(await zone.inputValue()).toBe('Europe/Berlin');
    const radarr = page.getByTestId('setting-port-radarr');
    expect(await radarr.inputValue()).toBe(String(defaultPorts.radarr));
    await radarr.fill(String(defaultPorts.sonarr));
    await page.getByTestId('save-stack-settings').click();
    // The core refuses the taken port when asked what the change would restart: under the box, in the port's name,
    // before any confirmation and with nothing written.
    await page
      .getByRole('dialog')
      .getByText(/already used by the (Sonarr|Radarr) port/)
      .waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('confirm-dialog').count()).toBe(0);
    await shoot('dialog-settings-stack');
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.locator('[data-testid="stack-overall"][data-overall="running"]').waitFor();
  });
});
