// Install = connected, in Debian Chromium: the wizard's Install runs on the stand-in engine, and its own progress goes
// on to the rows plan, wiring and links; Done lists every link working. The dashboard's wiring panel then shows drift
// made by hand in a service, Apply repairs it and the plan is empty again. The bridge serves an App service built in
// this process whose wiring (AppDeps.wiring) is the full-stack harness: real qbittorrent-nox and nzbget, spec-validating
// and recorded fakes for the rest — the same as the wiring suites use. Logins open from Done and from the dashboard; a
// password shows only after its click. Screenshots: Done (links), Logins, the wiring panel, the diagnostics export.
import Docker from 'dockerode';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type RunningBridge } from '../../src/bridge/server';
import { createAppService, type AppService } from '../../src/core/app/app-service';
import { defaultImages, type WizardProgress } from '../../src/core/contract';
import { secretNames } from '../../src/core/contract/secret-names';
import { commandRunner, detectCompose } from '../../src/core/engine/compose-detect';
import { createDockerEndpoint } from '../../src/core/engine/docker-endpoint';
import { createKeytarStore } from '../../src/core/vault/keytar-store';
import { createSecretVault, type SecretVault } from '../../src/core/vault/secret-vault';
import { startFullStack, type FullStack } from '../fakes/full-stack-harness';
import { launchChromium, outputDir } from '../helpers/browser';
import { requireDocker, requireSecretService, tagStandInAs, uniqueProject } from '../helpers/require-env';
import { testAppDeps } from '../helpers/test-app';
import { seriousViolations } from '../helpers/ui-axe';
import { findInternalText, visibleText } from '../helpers/plain-text-scan';
import { composeDownTestStack } from '../integration/stack-helpers';

const project = uniqueProject('ui-wire');
// Its own lower-case hex suffix, not mkdtemp's mixed-case one: the diagnostics path is on screen, and a suffix like
// "znRBQa" reads as a camelCase id to the internal-text scan (a random failure of the diagnostics test).
const configDir = join(tmpdir(), `ups-e2e-wire-${randomBytes(4).toString('hex')}`);
mkdirSync(configDir);
const roots = mkdtempSync(join(tmpdir(), 'ups-e2e-wire-roots-'));
const rendererDir = fileURLToPath(new URL('../../dist/renderer', import.meta.url));
let vault: SecretVault;
let stack: FullStack;
let app: AppService;
let bridge: RunningBridge;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  requireSecretService();
  const docker: Docker = await requireDocker();
  await tagStandInAs(docker, Object.values(defaultImages));
  vault = createSecretVault(
    createKeytarStore(`Ultimate Plex Stack test e2e-wire-${Math.random().toString(36).slice(2)}`),
  );
  // The VPN step's answers, stored as that step stores them; the harness writes its stack with this vault first.
  await vault.set('vpn.openvpn.user', 'standinServiceUser');
  await vault.set('vpn.openvpn.password', 'standin-wire-pass');
  stack = await startFullStack(vault);
  // Resume at review with every earlier answer (the walk itself is ui-wizard.test.ts's job).
  const progress: WizardProgress = {
    version: 1,
    step: 'review',
    completed: ['welcome', 'checks', 'location', 'services', 'vpn', 'plex'],
    draft: {
      installRoot: join(roots, 'stack'),
      dataRoot: join(roots, 'media'),
      timeZone: 'Europe/Berlin',
      services: { qbittorrent: true, nzbget: false, tdarr: false, proxy: { enabled: false } },
      vpn: { provider: 'nordvpn', type: 'openvpn', serverCountries: [] },
    },
  };
  writeFileSync(join(configDir, 'wizard.json'), JSON.stringify(progress));
  const compose = await detectCompose(commandRunner(process.env));
  app = createAppService(
    testAppDeps({
      door: 'browser',
      project,
      configDir,
      endpoint: createDockerEndpoint(process.env),
      detectCompose: async () => compose,
      vault,
      plex: { plexTvUrl: stack.plexTv.server.url, plexUrl: stack.plex.server.url },
      wiring: stack.wiring(),
    }),
  );
  // Signed in to Plex at the Plex step (that step's own UI is ui-install.test.ts's job): the token is in the vault.
  const start = await app.call('plex.signin.start');
  if (!start.ok) throw new Error(start.error.message);
  stack.plexTv.approve(start.value.pinId, 'e2e-wire-plex-token');
  const polled = await app.call('plex.signin.poll', { pinId: start.value.pinId });
  if (!polled.ok || polled.value.status !== 'signed-in') throw new Error(`Plex sign-in: ${JSON.stringify(polled)}`);
  bridge = await startBridge({ app, rendererDir });
  browser = await launchChromium();
  page = await (await browser.newContext({ bypassCSP: true, viewport: { width: 1200, height: 900 } })).newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await bridge?.close();
  await composeDownTestStack(project, join(roots, 'stack')).catch(() => undefined);
  const violations = stack?.violations() ?? [];
  await stack?.stop();
  if (vault) for (const name of secretNames) await vault.delete(name);
  rmSync(configDir, { recursive: true, force: true });
  rmSync(roots, { recursive: true, force: true });
  expect(violations, 'requests/responses outside the specs or recordings').toEqual([]);
}, 180_000);

async function shoot(name: string): Promise<void> {
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  await page.screenshot({ path: join(outputDir, `${name}.png`), fullPage: true });
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
  // Every screen this suite reaches (install failure, Done, dashboard, dialogs) reads as plain words outside details.
  expect(findInternalText(await visibleText(page)), `internal text on ${name}`).toEqual([]);
}

describe('install connects the apps (browser mode)', () => {
  it("the install's own progress shows plan, wiring and links, and Done lists every link working", async () => {
    await page.goto(bridge.url);
    await page.locator('[data-testid="wizard"][data-step="review"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('core-check').waitFor();
    await page.getByTestId('wizard-next').click();
    // The wiring is the install's last plain step: it becomes the current one on the Installing screen.
    await page.locator('[data-testid="install-step-connect"][data-state="active"]').waitFor({ timeout: 170_000 });
    await page.locator('[data-testid="wizard"][data-step="done"]').waitFor({ timeout: 170_000 });
    const done = page.getByTestId('done-links');
    await done.waitFor();
    const rows = done.locator('[data-testid^="link-"]');
    expect(await rows.count()).toBe(18);
    expect(await done.locator('[data-state="failed"]').allTextContents()).toEqual([]);
    expect(await page.getByTestId('links-ok').textContent()).toBe('Every app is connected: all 18 links work.');
    expect(await done.textContent()).toContain('Radarr → qBittorrent');
    expect(await page.getByTestId('links-retry').count()).toBe(0);
    expect(stack.arr.sonarr.state.downloadclient.map((p) => p.name).sort()).toEqual(['NZBGet', 'qBittorrent']);
    expect(await page.content()).not.toContain('standin-wire-pass');
    await shoot('wizard-done-links');
  });

  it('Done opens the Logins view; a password shows only after its click and hides again', async () => {
    await page.getByTestId('open-logins').click();
    const dialog = page.getByRole('dialog', { name: 'Your logins' });
    const row = dialog.getByTestId('login-qbittorrent.password');
    await row.waitFor({ timeout: 30_000 });
    const password = dialog.getByTestId('login-password-qbittorrent.password');
    const stored = (await vault.get('qbittorrent.password'))!;
    expect(await password.textContent()).toBe('••••••••••••');
    expect(await page.content()).not.toContain(stored);
    // The screenshot shows the list with every password hidden: no secret goes into a test artifact.
    await shoot('logins-from-done');
    await row.getByRole('button', { name: /^Show the / }).click();
    await expect.poll(() => password.textContent(), { timeout: 30_000 }).toBe(stored);
    await row.getByRole('button', { name: /^Hide the / }).click();
    expect(await password.textContent()).toBe('••••••••••••');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(stored);
  });

  it('the dashboard wiring panel shows drift made by hand; Apply repairs it and the plan is empty', async () => {
    await page.getByRole('button', { name: 'Open the dashboard' }).click();
    const panel = page.getByTestId('links-panel');
    await panel.getByTestId('wiring-apply').waitFor({ timeout: 60_000 });
    await panel.getByTestId('wiring-plan-empty').waitFor({ timeout: 60_000 });
    // By hand, in the services themselves: Radarr loses its root folder, a Seerr library is switched off.
    stack.arr.radarr.state.rootfolder = [];
    stack.seerr.state.plex.libraries[1]!.enabled = false;
    await panel.getByRole('button', { name: 'Check again' }).click();
    await panel.getByTestId('wiring-plan').waitFor({ timeout: 60_000 });
    const plan = (await panel.getByTestId('wiring-plan').textContent()) ?? '';
    expect(plan).toContain('Change Plex libraries');
    expect(plan).toMatch(/Add root folder/);
    expect(await panel.getByTestId('wiring-apply').textContent()).toMatch(/^Apply \d+ change\(s\)$/);
    await shoot('dashboard-wiring-drift');
    await panel.getByTestId('wiring-apply').click();
    await panel.getByTestId('wiring-plan-empty').waitFor({ timeout: 120_000 });
    await panel.locator('[data-testid="link-seerr->plex"][data-state="ok"]').waitFor({ timeout: 60_000 });
    expect(await panel.locator('[data-state="failed"]').allTextContents()).toEqual([]);
    expect(await panel.getByTestId('wiring-apply').textContent()).toBe('Repair');
    expect(stack.arr.radarr.state.rootfolder).toHaveLength(1);
    await shoot('dashboard-wiring-repaired');
  });

  it('the dashboard opens the same Logins view and exports diagnostics to the folder it shows', async () => {
    await page.getByTestId('open-logins').click();
    const dialog = page.getByRole('dialog', { name: 'Your logins' });
    await dialog.getByTestId('login-qbittorrent.password').waitFor({ timeout: 30_000 });
    expect(await dialog.getByTestId('login-user-qbittorrent.password').textContent()).toBe('admin');
    await shoot('logins-from-dashboard');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByTestId('diagnostics-export').click();
    const path = (await page.getByTestId('diagnostics-path').textContent({ timeout: 120_000 })) ?? '';
    expect(path.startsWith(join(configDir, 'diagnostics'))).toBe(true);
    expect(existsSync(path)).toBe(true);
    // Browser mode cannot open a folder on this computer: only the path and Copy are offered.
    expect(await page.getByTestId('diagnostics-open-folder').count()).toBe(0);
    await shoot('dashboard-diagnostics');
  });
});
