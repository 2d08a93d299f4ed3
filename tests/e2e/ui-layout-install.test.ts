// Layout, access and plain-words budgets of the wizard's last two steps in Debian Chromium against `ups serve`, the
// core's answers scripted at the bridge (each checked against the contract's schemas, the install's progress pushes
// too): Install while a download is under way, Install stopped by a failure, Done after Retry with links that do not
// work yet, and Done with everything connected — at 800×600, 1024×700 and 1366×768, each at 100/150/200 %: 0
// overlapping or overflowing controls, the main action in view, axe 0 serious, no internal text outside "Technical
// details". One browser, one page; the install is held open by the script, so "running" is a state, not a race.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  defaultPorts,
  linkRowOf,
  type CallOutput,
  type ProgressEvent,
  type WizardProgress,
  type WizardStep,
} from '../../src/core/contract';
import type { ServedApp } from '../helpers/browser';
import { layoutBudgets } from '../helpers/layout-sweep';
import { uniqueProject } from '../helpers/require-env';
import {
  openScriptedPage,
  scriptedFailure,
  type Script,
  type ScriptedFailure,
  type ScriptedPage,
} from '../helpers/scripted-bridge';

const project = uniqueProject('ui-install-layout');
const configDir = mkdtempSync(join(tmpdir(), 'ups-e2e-install-layout-'));
const roots = mkdtempSync(join(tmpdir(), 'ups-e2e-install-layout-roots-'));
let opened: ScriptedPage | undefined;
let served: ServedApp;
let page: Page;
let script: Script = {};

const now = () => new Date().toISOString();
const draft: WizardProgress['draft'] = {
  installRoot: join(roots, 'stack'),
  dataRoot: join(roots, 'media'),
  timeZone: 'Europe/Berlin',
  services: { qbittorrent: true, nzbget: false, tdarr: false, proxy: { enabled: false } },
  vpn: { provider: 'nordvpn', type: 'openvpn', serverCountries: [] },
};
const order: WizardStep[] = ['welcome', 'checks', 'location', 'services', 'vpn', 'plex', 'review', 'install', 'done'];
const progressAt = (step: WizardStep): WizardProgress => ({
  version: 1,
  step,
  completed: order.slice(0, order.indexOf(step)),
  draft,
});

type InstallAnswer = CallOutput<'stack.install'> | ScriptedFailure;
/** The install call the page made last: its operation id, and how the test ends it. */
let install: { operationId: string; finish(answer: InstallAnswer): void } | undefined;

const link = (id: string, from: string, to: string, ok: boolean, detail: string) => ({ id, from, to, ok, detail });
const okLinks = (): CallOutput<'links.test'> => ({
  ok: true,
  links: [
    link('radarr-qbittorrent', 'radarr', 'qbittorrent', true, 'Radarr can reach qBittorrent.'),
    link('sonarr-qbittorrent', 'sonarr', 'qbittorrent', true, 'Sonarr can reach qBittorrent.'),
    link('prowlarr-radarr', 'prowlarr', 'radarr', true, 'Prowlarr sends indexers to Radarr.'),
    link('prowlarr-sonarr', 'prowlarr', 'sonarr', true, 'Prowlarr sends indexers to Sonarr.'),
    link('seerr-radarr', 'seerr', 'radarr', true, 'Seerr sends film requests to Radarr.'),
    link('seerr-sonarr', 'seerr', 'sonarr', true, 'Seerr sends series requests to Sonarr.'),
  ],
});

/** A setup that reached Review; what Install and Done read besides the install itself. */
const wizard = (at: WizardStep): Script => ({
  'app.info': () => ({ version: 't', platform: 'win32', arch: 'x64', door: 'browser', installRoot: null }),
  'wizard.load': () => progressAt(at),
  'wizard.save': () => ({ savedAt: now() }),
  'secrets.status': () => ({
    backend: 'Windows Credential Manager',
    entries: [
      { name: 'vpn.openvpn.user', label: 'VPN service user name (OpenVPN)', envVar: 'UPS_VPN_OPENVPN_USER', set: true },
      { name: 'plex.token', label: 'Plex token', envVar: 'UPS_PLEX_TOKEN', set: true },
    ],
  }),
  'stack.install': (input) =>
    new Promise<InstallAnswer>((finish) => {
      install = { operationId: (input as { operationId: string }).operationId, finish };
    }),
  'plex.account': () => ({ account: { username: 'ups-e2e-user' }, server: 'claimed' }),
  'stack.webPorts': () => ({
    ports: ['plex', 'seerr', 'radarr', 'sonarr', 'prowlarr', 'bazarr', 'qbittorrent'].map((name) => ({
      name,
      port: defaultPorts[name as 'plex'],
    })),
  }),
  'links.test': okLinks,
  'indexers.list': () => ({ indexers: [] }),
  'logins.list': () => ({
    logins: [
      {
        secret: 'arr.ui_password',
        apps: 'Radarr, Sonarr, Prowlarr',
        username: 'ups-admin',
        urls: ['http://localhost:7878', 'http://localhost:8989', 'http://localhost:9696'],
        stored: true,
      },
    ],
  }),
});

const pull = (operationId: string, done: number): ProgressEvent => ({
  operationId,
  step: 'pull',
  current: 3,
  total: 9,
  message: 'Pulling lscr.io/linuxserver/radarr:5.14.0',
  bytes: { done, total: 11e9 },
});

beforeAll(async () => {
  opened = await openScriptedPage(project, configDir, () => script, { bypassCSP: true }, 200);
  ({ served, page } = opened);
});

afterAll(async () => {
  await opened?.stop();
  rmSync(configDir, { recursive: true, force: true });
  rmSync(roots, { recursive: true, force: true });
});

async function openAt(next: Script, step: WizardStep): Promise<void> {
  script = next;
  await page.goto(page.url().startsWith(served.origin) ? served.origin : served.url);
  await page.locator(`[data-testid="wizard"][data-step="${step}"]`).waitFor({ timeout: 30_000 });
}

describe('install and done steps: layout, access and plain words at every size and zoom', () => {
  it('install running, with a download under way', async () => {
    await openAt(wizard('review'), 'review');
    await page.locator('[data-testid="wizard-next"]:not([disabled])').click();
    await page.locator('[data-testid="wizard"][data-step="install"]').waitFor();
    await expect.poll(() => install?.operationId).toMatch(/^install-/);
    const { operationId } = install!;
    opened!.push({ type: 'progress', progress: pull(operationId, 3.2e9) });
    const overall = page.getByTestId('install-overall');
    await expect.poll(() => overall.textContent()).toContain('3.2 of 11.0 GB downloaded');
    // A second sample gives the screen a rate, so the line also says about how long is left.
    opened!.push({ type: 'progress', progress: pull(operationId, 4.1e9) });
    await expect.poll(() => overall.textContent()).toMatch(/4\.1 of 11\.0 GB downloaded · .+ left/);
    expect(await page.getByTestId('install-step-download').getAttribute('data-state')).toBe('active');
    await layoutBudgets(page, 'install-running', '[data-testid="install-overall"]');
  });

  it('install stopped by a failure, with cause, fix and Retry', async () => {
    install!.finish(
      scriptedFailure({
        code: 'INTERNAL',
        message:
          'Error response from daemon: driver failed programming external connectivity on endpoint ' +
          `${project}-plex-1: Bind for 0.0.0.0:32400 failed: port is already allocated`,
        fix: 'Another program on this PC uses the port Plex needs. Close that program, or give Plex another port, then press Retry.',
        action: { action: 'stack.port.move', input: { port: 'plex', to: 32401 }, label: 'Use a free port' },
      }),
    );
    await page.getByTestId('install-error').waitFor();
    expect(await page.getByTestId('install-step-download').getAttribute('data-state')).toBe('failed');
    await layoutBudgets(page, 'install-failed', '[data-testid="wizard-next"]');
  });

  it('Retry finishes the install; Done says which links do not work yet', async () => {
    install = undefined;
    expect(await page.getByTestId('wizard-next').textContent()).toBe('Retry');
    await page.getByTestId('wizard-next').click();
    await expect.poll(() => install?.operationId).toMatch(/^install-/);
    const failedLink = {
      ...link('seerr-radarr', 'seerr', 'radarr', false, 'GET /api/v3/system/status: HTTP 401 Unauthorized'),
      fix: 'Press Retry.',
      action: { action: 'wiring.apply' as const, input: {}, label: 'Repair the links' },
    };
    install!.finish({
      installRoot: draft.installRoot!,
      written: ['compose.yaml', '.env', 'stack.yml'],
      unchanged: [],
      backup: null,
      createdSecrets: ['radarr.api_key', 'sonarr.api_key'],
      services: ['vpn', 'plex', 'qbittorrent', 'prowlarr', 'radarr', 'sonarr', 'bazarr', 'seerr'],
      started: true,
      hardlink: { ok: true, detail: 'same volume' },
      plexClaim: null,
      wiring: {
        operationId: install!.operationId,
        ok: false,
        planned: 12,
        applied: 11,
        problems: [
          {
            step: 'seerr.radarr',
            service: 'seerr',
            why: 'POST /api/v1/settings/radarr answered HTTP 401 {"message":"Unauthorized"}',
            fix: 'Check that Seerr is running, then press Retry.',
          },
        ],
        // The rows as the core makes them from its link tests.
        links: [...okLinks().links.filter((l) => l.id !== failedLink.id), failedLink].map(linkRowOf),
      },
    });
    await page.locator('[data-testid="wizard"][data-step="done"]').waitFor();
    await page.getByTestId('links-failed').waitFor();
    await page.locator('[data-testid="first-indexer"][data-count="0"]').waitFor();
    await layoutBudgets(page, 'done-with-problems', '[data-testid="wizard-next"]');
  });

  it('done, with every link working and a first indexer', async () => {
    await openAt(
      {
        ...wizard('done'),
        'indexers.list': () => ({
          indexers: [{ name: '1337x', definition: '1337x', enable: true, managed: true, inProwlarr: true }],
        }),
      },
      'done',
    );
    await page.getByTestId('links-ok').waitFor();
    await page.locator('[data-testid="plex-account"][data-server="claimed"]').waitFor();
    await page.locator('[data-testid="first-indexer"][data-count="1"]').waitFor();
    await layoutBudgets(page, 'done', '[data-testid="wizard-next"]');
    expect(opened!.pageErrors).toEqual([]);
  });
});
