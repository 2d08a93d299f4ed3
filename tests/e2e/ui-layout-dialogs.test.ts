// Layout, access and plain-words budgets of the dashboard's Tdarr dialog and of the damaged-file fixes in Debian
// Chromium against `ups serve`, the core's answers scripted at the bridge (each checked against the contract): "Add a
// Tdarr node on another PC" empty and with the node files shown; a damaged update history (the rollback's error with
// "Set the damaged history aside", then done) and a damaged stack description (its "Restore the previous version"
// dialog, then restored) — at 800×600, 1024×700 and 1366×768, each at 100/150/200 %: 0 overlapping or overflowing
// controls, the main action in view, axe 0 serious, no internal text outside "Technical details". One browser, one
// page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultPorts, TdarrNodeBundleInputSchema, type FixAction, type UpsError } from '../../src/core/contract';
import { damagedFile } from '../../src/core/fs/read-state-file';
import { installFileFix } from '../../src/core/install/read-installed-stack';
import { nodeBundleFiles, serverShareFolders } from '../../src/core/stack/tdarr-node-bundle';
import type { ServedApp } from '../helpers/browser';
import { dashboardScript } from '../helpers/dashboard-script';
import { layoutBudgets, settle } from '../helpers/layout-sweep';
import { uniqueProject } from '../helpers/require-env';
import { openScriptedPage, scriptedFailure, type Script, type ScriptedPage } from '../helpers/scripted-bridge';

const project = uniqueProject('ui-dialog-layout');
const configDir = mkdtempSync(join(tmpdir(), 'ups-e2e-dialog-layout-'));
let opened: ScriptedPage | undefined;
let served: ServedApp;
let page: Page;
let script: Script = {};
const { now, stack, installed } = dashboardScript(project);

/** What the core's one state-file reader answers for a damaged file (src/core/fs/read-state-file.ts). */
const damaged = (path: string, what: string, why: string, fix: string, action: FixAction): UpsError =>
  damagedFile(path, what, why, fix, undefined, action).error;

// The update history's spec in src/core/engine/updates/update-history.ts: its fix words and action.
const damagedHistory = damaged(
  'D:\\UPS\\state\\update-history.json',
  'The update history',
  'it is not valid JSON at line 3, column 5',
  'Set the damaged history aside: it is kept beside it as update-history.json.corrupt-<time> and a new history starts (rolling back needs an update made after that).',
  { action: 'file.setAside', input: { file: 'updateHistory' }, label: 'Set the damaged history aside' },
);
// readInstalledStack's answer for a stack.yml that does not parse (src/core/install/read-installed-stack.ts).
const damagedStack = damaged(
  'D:\\UPS\\stack.yml',
  'The stack description',
  'line 7: bad indentation of a mapping entry',
  installFileFix('D:\\UPS'),
  { action: 'install.restorePrevious', input: {}, label: 'Restore the previous version' },
);

/** An installed stack with Tdarr: its nodes and settings as the core answers them. */
const withTdarr = (): Script => ({
  ...installed(),
  'stack.status': () => stack({ tdarr: { image: 'ghcr.io/haveagitgat/tdarr:2.28.01' } }, ['tdarr']),
  'stack.settings.get': () => ({
    installRoot: 'D:\\UPS',
    timeZone: 'Europe/Berlin',
    ports: { ...defaultPorts },
    lanAccess: true,
    enabledPorts: ['vpnControl', 'plex', 'qbittorrent', 'prowlarr', 'radarr', 'sonarr', 'bazarr', 'seerr', 'tdarr'],
    tdarrEnabled: true,
    tdarr: { internalNode: true },
  }),
  'tdarr.nodes': () => ({
    nodes: [
      {
        id: 'internal-node',
        name: 'ups-internal',
        address: '172.18.0.9',
        paused: false,
        workerLimits: { transcodeCpu: 1, transcodeGpu: 0, healthcheckCpu: 1, healthcheckGpu: 0 },
        activeWorkers: 1,
      },
    ],
  }),
  // The files as the core writes them (the same generator), for the input the page sent.
  'tdarr.nodeBundle': (input) => {
    const i = TdarrNodeBundleInputSchema.parse(input);
    const serverIP = i.serverHost ?? '192.168.1.20';
    const shareFolders = serverShareFolders('D:\\Data');
    const files = nodeBundleFiles({
      nodeName: i.nodeName,
      serverIP,
      serverPort: 8266,
      serverImage: 'ghcr.io/haveagitgat/tdarr:2.28.01',
      mediaPath: i.mediaPath,
      cachePath: i.cachePath,
      server: shareFolders,
      gpu: i.gpu,
      timeZone: 'Europe/Berlin',
      puid: 1000,
      pgid: 1000,
    });
    return { files, serverIP, serverPort: 8266, nodeName: i.nodeName, shareFolders, savedTo: null };
  },
});

beforeAll(async () => {
  opened = await openScriptedPage(project, configDir, () => script, { bypassCSP: true });
  ({ served, page } = opened);
});

afterAll(async () => {
  await opened?.stop();
  rmSync(configDir, { recursive: true, force: true });
});

// A failed check leaves its dialog open: the next test starts from a fresh dashboard all the same.
afterEach(async () => {
  for (let i = 0; i < 3 && (await page.locator('[role="dialog"], [role="alertdialog"]').count()); i++) {
    await page.keyboard.press('Escape');
    await settle(page);
  }
});

async function openDashboard(next: Script, headline: string): Promise<void> {
  script = next;
  await page.goto(page.url().startsWith(served.origin) ? served.origin : served.url);
  await page.locator(`[data-testid="stack-overall"][data-headline="${headline}"]`).waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => !document.querySelector('.fui-Spinner'), undefined, { timeout: 30_000 });
}

describe('Tdarr: add a node on another PC', () => {
  it('the empty form, then the node files shown to copy, each opened', async () => {
    await openDashboard(withTdarr(), 'all-fine');
    await page.getByTestId('tdarr-node-ups-internal').waitFor();
    await page.getByTestId('open-add-tdarr-node').click();
    await page.getByTestId('tdarr-make-bundle').waitFor();
    await layoutBudgets(page, 'dialog-tdarr-node', '[data-testid="tdarr-make-bundle"]');
    // Then the node files shown to copy, each opened.
    await page.getByTestId('tdarr-node-name').fill('gaming-pc');
    await page.getByTestId('tdarr-media-path').fill('M:\\Media');
    await page.getByTestId('tdarr-cache-path').fill('M:\\Tdarr-cache');
    await page.getByRole('radio', { name: 'NVIDIA graphics card' }).check();
    await page.getByTestId('tdarr-make-bundle').click();
    const result = page.getByTestId('tdarr-bundle-result');
    await result.waitFor();
    await result.locator('details').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    expect(await page.getByTestId('tdarr-file-compose.yaml').textContent()).toContain('gaming-pc');
    await layoutBudgets(page, 'dialog-tdarr-node-files', '[data-testid="tdarr-bundle-result"] button');
  });
});

describe('damaged files: the fixes and what they say after', () => {
  it('a damaged update history stops a rollback, offers to set it aside, and says when it is done', async () => {
    await openDashboard({ ...installed(), 'update.rollback': () => scriptedFailure(damagedHistory) }, 'all-fine');
    await page.getByRole('button', { name: 'Roll back last update' }).click();
    await page.getByTestId('confirm-yes').click();
    const fix = page.locator('[data-testid="updates-error"] [data-testid="fix-action"][data-action="file.setAside"]');
    await fix.waitFor();
    await layoutBudgets(page, 'dashboard-damaged-history', '[data-testid="updates-error"] [data-testid="fix-action"]', {
      scrolledTo: true,
    });
    // Setting the damaged history aside says it is done.
    script = {
      ...script,
      'state.setAside': () => ({
        file: 'updateHistory',
        movedTo: `D:\\UPS\\state\\update-history.json.corrupt-${now().replace(/[:.]/g, '-')}`,
      }),
    };
    await page.locator('[data-testid="updates-error"] [data-testid="fix-action"]').click();
    await page.getByTestId('fix-outcome').waitFor();
    expect(await page.getByTestId('fix-outcome').textContent()).toBe('Done.');
    await layoutBudgets(page, 'dashboard-damaged-history-set-aside', '[data-testid="fix-outcome"]', {
      scrolledTo: true,
    });
  });

  it('a damaged stack description offers the previous version, and restoring says what to do next', async () => {
    const broken = () => scriptedFailure(damagedStack);
    await openDashboard(
      {
        ...installed(),
        'links.test': broken,
        'wiring.plan': broken,
        'stack.webPorts': broken,
        'stack.settings.get': broken,
        'install.restorePrevious': () => ({ restored: '2026-12-06T21-14-03-512Z', keptAs: '2026-12-07T19-30-00-000Z' }),
      },
      'links-unknown',
    );
    const fix = page.locator('[data-testid="links-panel"] [data-action="install.restorePrevious"]').first();
    await fix.waitFor();
    await layoutBudgets(page, 'dashboard-damaged-stack', '[data-testid="stack-overall"] button');
    await fix.click();
    await page.getByTestId('restore-previous-confirm').waitFor();
    await layoutBudgets(page, 'dialog-restore-previous', '[data-testid="restore-previous-confirm"]');
    // Restoring says the files are back and what to do next.
    await page.getByTestId('restore-previous-confirm').click();
    await page.getByTestId('restore-previous-done').waitFor();
    expect(await page.getByTestId('restore-previous-done').textContent()).toContain('Restart the stack to use them.');
    await layoutBudgets(page, 'dialog-restore-previous-done', '[role="dialog"] .fui-DialogActions button');
    expect(opened!.pageErrors).toEqual([]);
  });
});
