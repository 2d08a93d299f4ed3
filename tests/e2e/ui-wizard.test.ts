// The wizard and the dashboard in Debian Chromium against `ups serve` (real core, dockerd, keyring): every step walked,
// screenshotted and checked with axe; resume after a reload; a container stopped from outside changes its card.
import { execa } from 'execa';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, outputDir, startServe, type ServedApp } from '../helpers/browser';
import { requireDocker, requireSecretService, uniqueProject } from '../helpers/require-env';
import { seriousViolations } from '../helpers/ui-axe';
import { findInternalText, visibleText } from '../helpers/plain-text-scan';

const project = uniqueProject('ui');
const configDir = mkdtempSync(join(tmpdir(), 'ups-e2e-ui-'));
const roots = mkdtempSync(join(tmpdir(), 'ups-e2e-ui-roots-'));
let browser: Browser;
let served: ServedApp;
let page: Page;
const containers: string[] = [];
const pageErrors: string[] = [];

async function standin(service: string): Promise<string> {
  const args = [
    'run',
    '-d',
    '--network',
    'none',
    '--label',
    `com.docker.compose.project=${project}`,
    '--label',
    `com.docker.compose.service=${service}`,
    'ups-standin/service:latest',
  ];
  const id = (await execa('docker', args)).stdout.trim();
  containers.push(id);
  return id;
}

beforeAll(async () => {
  await requireDocker();
  requireSecretService();
  await standin('plex');
  await standin('radarr');
  // plex.tv out of reach: a loopback port that was free a moment ago and has nobody listening now.
  const closed = createServer().listen(0, '127.0.0.1');
  await once(closed, 'listening');
  const plexTvDown = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise((resolve) => closed.close(resolve));
  // Its own keyring entries: the suites share one keyring, and ui-install's Plex sign-in must not make this wizard
  // think it is signed in already.
  served = await startServe({
    UPS_COMPOSE_PROJECT: project,
    UPS_CONFIG_DIR: configDir,
    UPS_PLEXTV_URL: plexTvDown,
    UPS_VAULT_SERVICE: `Ultimate Plex Stack ${project}`,
  });
  browser = await launchChromium();
  // bypassCSP only so axe can be injected; the app itself runs under its normal CSP in checks-screen.test.ts.
  page = await (await browser.newContext({ bypassCSP: true, viewport: { width: 1200, height: 900 } })).newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  if (containers.length) await execa('docker', ['rm', '-f', ...containers], { reject: false });
  rmSync(configDir, { recursive: true, force: true });
  rmSync(roots, { recursive: true, force: true });
});

const step = () => page.getByTestId('wizard').getAttribute('data-step');

async function atStep(name: string): Promise<void> {
  await page.locator(`[data-testid="wizard"][data-step="${name}"]`).waitFor({ timeout: 30_000 });
}

async function shootAndAudit(name: string): Promise<void> {
  // Let CSS transitions (dialog fade-in, a button leaving its disabled look) end: axe judges contrast on the final colours.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  await page.screenshot({ path: join(outputDir, `${name}.png`), fullPage: true });
  expect(
    readFileSync(join(outputDir, `${name}.png`))
      .subarray(1, 4)
      .toString(),
  ).toBe('PNG');
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
  expectPlain(name, await visibleText(page));
}

/** Issue 20's scan: no internal ids, field paths, commands or codes outside "Technical details". */
function expectPlain(name: string, text: string): void {
  // The folders the user typed are their own words (here a temp folder with a random name), not internal text.
  expect(findInternalText(text.replaceAll(roots, 'D:\\Media')), `internal text on ${name}`).toEqual([]);
}

describe('setup wizard in Chromium', () => {
  it('opens on welcome when nothing is installed, then runs the real checks', async () => {
    await page.goto(served.url);
    await atStep('welcome');
    await shootAndAudit('wizard-welcome');
    await page.getByRole('button', { name: 'Get started' }).click();
    await atStep('checks');
    await page.getByTestId('checks-summary').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('check-docker.engine').getAttribute('data-state')).toBe('ok');
    await shootAndAudit('wizard-checks');
    await page.getByTestId('wizard-next').click();
    await atStep('location');
  });

  it('names the wrong location fields, then accepts good ones', async () => {
    await page.getByTestId('field-installRoot').fill('relative/stack');
    await page.getByTestId('field-dataRoot').fill('');
    await page.getByTestId('field-timeZone').fill('Mars/Olympus');
    await page.getByTestId('wizard-next').click();
    await page.getByText(/^Install root is not absolute/).waitFor();
    await page.getByText(/^Data root is empty/).waitFor();
    await page.getByText(/^Must be an IANA time zone/).waitFor();
    // The messages stand under their boxes: no field path in front, nothing internal (issue 20).
    expectPlain('wizard-location-errors', await visibleText(page));
    // With no valid media folder the drive check waits for one.
    await page.getByTestId('location-check-idle').waitFor();
    await page.getByTestId('field-installRoot').fill(join(roots, 'stack'));
    await page.getByTestId('field-dataRoot').fill(join(roots, 'media'));
    await page.getByTestId('field-timeZone').fill('Europe/Berlin');
    // The real stack.location.check: media does not exist yet, so its existing parent is measured and hardlink-tested.
    await page.getByTestId('location-space').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('location-folder').textContent()).toContain(
      `${roots} (the media folder does not exist yet`,
    );
    expect(await page.getByTestId('location-hardlinks').getAttribute('data-ok')).toBe('true');
    expect(await page.getByTestId('location-filesystem').textContent()).not.toBe('unknown');
    expect(existsSync(join(roots, 'media'))).toBe(false);
    await shootAndAudit('wizard-location');
    await page.getByTestId('wizard-next').click();
    await atStep('services');
  });

  it('asks for a download client, then moves on; a reload resumes on the same step', async () => {
    await page.getByTestId('toggle-qbittorrent').uncheck();
    await page.getByTestId('wizard-next').click();
    await page.getByText(/^At least one download client is needed/).waitFor();
    expectPlain('wizard-services-error', await visibleText(page));
    await page.getByTestId('toggle-nzbget').check();
    await shootAndAudit('wizard-services');
    await page.getByTestId('wizard-next').click();
    await atStep('vpn');
    await page.reload();
    await atStep('vpn');
    const saved = JSON.parse(readFileSync(join(configDir, 'wizard.json'), 'utf8'));
    expect(saved).toMatchObject({
      step: 'vpn',
      draft: { timeZone: 'Europe/Berlin', services: { qbittorrent: false, nzbget: true } },
    });
  });

  it('shows the NordVPN hint, refuses an account e-mail, and stores service credentials in the vault only', async () => {
    expect(await page.getByTestId('nord-hint').textContent()).toMatch(/service credentials/);
    // NordVPN offers its access token first; this user signs in with service credentials instead.
    await page.getByRole('radio', { name: 'Service user name and password' }).check();
    await page.getByTestId('field-openvpnUser').fill('someone@example.com');
    await page.getByTestId('field-openvpnPassword').fill('standin-vpn-pass');
    await page.getByTestId('wizard-next').click();
    await page.getByText(/^This looks like your Nord Account e-mail/).waitFor();
    expectPlain('wizard-vpn-error', await visibleText(page));
    await shootAndAudit('wizard-vpn');
    await page.getByTestId('field-openvpnUser').fill('standinServiceUser');
    await page.getByTestId('wizard-next').click();
    await atStep('plex');
    const file = readFileSync(join(configDir, 'wizard.json'), 'utf8');
    expect(file).not.toContain('standin-vpn-pass');
    expect(file).not.toContain('standinServiceUser');
  });

  it('Plex sign-in before install with plex.tv out of reach says so with its fix (skipping stays possible); review lists files, ports, images and stored secrets', async () => {
    // The signed-in path before install is ui-install.test.ts's; here plex.tv (UPS_PLEXTV_URL) is a closed port.
    await page.getByTestId('plex-signin').click();
    const err = page.getByTestId('plex-error');
    await err.waitFor();
    expect(await err.getAttribute('data-code')).toBe('INTERNAL');
    expect(await err.textContent()).toMatch(/plex\.tv is unreachable[\s\S]*How to fix: Check that this PC is online/);
    expect(await page.getByTestId('wizard-next').textContent()).toBe('Skip for now');
    await shootAndAudit('wizard-plex');
    await page.getByTestId('wizard-next').click();
    await atStep('review');
    await page.getByText(`${join(roots, 'stack')}/compose.yaml`).waitFor();
    const secrets = await page.getByRole('table', { name: 'Secrets' }).textContent();
    expect(secrets).toContain('VPN service password (OpenVPN)stored in');
    expect(secrets).not.toContain('standin-vpn-pass');
    expect(await page.getByRole('table', { name: 'Ports' }).textContent()).toContain('NZBGet6789');
    // The App service checks the same draft with the StackConfig schema it will install from.
    expect(await page.getByTestId('core-check').textContent()).toMatch(/ready to install/);
    await shootAndAudit('wizard-review');
    expect(await step()).toBe('review');
  });
});

describe('dashboard in Chromium', () => {
  it('shows a card per service, live: a container stopped from outside changes its card', async () => {
    await page.getByTestId('nav-dashboard').click();
    const radarr = page.getByTestId('service-radarr');
    await radarr.waitFor();
    expect(await radarr.getAttribute('data-state')).toBe('running');
    expect(await page.getByTestId('service-plex').getAttribute('data-state')).toBe('running');
    await shootAndAudit('dashboard');
    // No reload and no polling in the page: only the stack.status push can change the card.
    await execa('docker', ['stop', '-t', '2', containers[1]!]);
    await page.locator('[data-testid="service-radarr"][data-state="exited"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="stack-overall"][data-overall="degraded"]').waitFor();
    await shootAndAudit('dashboard-degraded');
    expect(pageErrors).toEqual([]);
  });

  it('the credentials dialog replaces a secret without ever showing a stored value', async () => {
    await page.getByTestId('open-credentials').click();
    const row = page.getByTestId('secret-nas.user');
    await row.waitFor();
    expect(await row.getAttribute('data-set')).toBe('false');
    // The VPN step stored this one through the vault: the dialog says so, and nothing more.
    expect(await page.getByTestId('secret-vpn.openvpn.password').getAttribute('data-set')).toBe('true');
    await page.getByRole('button', { name: 'Replace NAS user name' }).click();
    await page.getByTestId('secret-input-nas.user').fill('x');
    await page.getByTestId('secret-save-nas.user').click();
    await page.getByText(/^A secret must be at least 3 characters long/).waitFor();
    await page.getByTestId('secret-input-nas.user').fill('standin-nas-user');
    await page.getByTestId('secret-save-nas.user').click();
    await page.locator('[data-testid="secret-nas.user"][data-set="true"]').waitFor();
    expect(await page.content()).not.toContain('standin-vpn-pass');
    expect(await page.content()).not.toContain('standin-nas-user');
    await shootAndAudit('dialog-credentials');
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('the migrate dialog checks a target through migrate.plan and shows the answer (here: no stack installed yet)', async () => {
    await page.getByTestId('open-migrate').click();
    await page.getByTestId('migrate-phase').waitFor();
    await page.getByTestId('migrate-target').fill(join(roots, 'nas'));
    await page.getByTestId('migrate-plan-button').click();
    const answer = page.locator('[data-testid="migrate-plan"], [data-testid="migrate-error"]');
    await answer.first().waitFor();
    // With no install pointer there is no data root to move: the core says so, with a fix, and nothing was copied.
    expect(await page.getByTestId('migrate-error').textContent()).toMatch(/How to fix: /);
    await shootAndAudit('dialog-migrate');
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('the settings dialog answers with the real calls (start at login, app updates) or their error with a fix', async () => {
    await page.getByTestId('open-settings').click();
    const sw = page.getByTestId('setting-start-at-login');
    await sw.waitFor();
    await page.getByRole('dialog').getByText('App updates:').waitFor();
    await page.waitForFunction(
      () =>
        !document.querySelector('[role="dialog"] [role="progressbar"]') &&
        !document.querySelector('[role="dialog"] button[disabled]'),
    );
    // Browser mode has no login item: the core says why and what to do instead of pretending.
    const err = page.getByTestId('settings-error');
    if (await err.count()) expect(await err.textContent()).toMatch(/How to fix: /);
    else expect(await sw.isEnabled()).toBe(true);
    await shootAndAudit('dialog-settings');
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('follows a dark system theme, still with no serious axe violations', async () => {
    const dark = await (
      await browser.newContext({ bypassCSP: true, colorScheme: 'dark', viewport: { width: 1200, height: 900 } })
    ).newPage();
    await dark.goto(served.url);
    await dark.getByTestId('nav-dashboard').click();
    await dark.getByTestId('service-plex').waitFor();
    const bg = await dark.evaluate(
      // The page style sits inside the provider (its className would be copied onto every popup portal).
      () => getComputedStyle(document.querySelector('[data-testid="app-page"]')!).backgroundColor,
    );
    // webDarkTheme's neutral background 2 is near-black; the light theme's is near-white.
    expect(bg).toMatch(/^rgb\((\d{1,2}), \1, \1\)$/);
    await dark.screenshot({ path: join(outputDir, 'dashboard-dark.png'), fullPage: true });
    expect(await seriousViolations(dark)).toEqual([]);
  });
});
