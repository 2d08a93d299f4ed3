// UI metrics in Debian Chromium against `ups serve`: start → dashboard with live data, container event → DOM latency, renderer JS gzip size.
import Docker from 'dockerode';
import { execa } from 'execa';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { dockerOptionsFor } from '../../src/core/engine/docker-endpoint';
import { median, percentile, round, type Metric } from '../metric';

const STARTS = 5;
const EVENTS = 20;
const CHROMIUM = process.env.UPS_CHROMIUM ?? '/usr/bin/chromium';

function serve(env: Record<string, string>): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(process.execPath, ['bin/ups.mjs', 'serve'], {
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, ...env },
  });
  const url = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (b: Buffer) => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(b.toString());
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', () => reject(new Error('ups serve exited early')));
  });
  return { child, url };
}

function rendererGzipBytes(): number {
  const dir = 'dist/renderer/assets';
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0);
}

/** From spawning `ups serve` to the dashboard showing the stack's state read from the engine. */
async function startToLiveDashboard(browser: Browser, env: Record<string, string>): Promise<number> {
  const t0 = performance.now();
  const s = serve(env);
  try {
    const page = await browser.newPage();
    await page.goto(await s.url);
    await page.getByTestId('service-plex').waitFor({ timeout: 60_000 });
    const ms = performance.now() - t0;
    await page.close();
    return ms;
  } finally {
    s.child.kill('SIGTERM');
  }
}

/** Docker's own event timestamp (die/start) → the card's data-state changing in the page, both on this host's clock. */
async function eventToDom(
  browser: Browser,
  env: Record<string, string>,
  docker: Docker,
  id: string,
  project: string,
): Promise<number[]> {
  const s = serve(env);
  const events: number[] = [];
  const stream = (await docker.getEvents({
    filters: { label: [`com.docker.compose.project=${project}`], event: ['die', 'start'] },
  })) as NodeJS.ReadableStream;
  stream.on('data', (b: Buffer) => {
    for (const line of b.toString().split('\n').filter(Boolean))
      events.push(Number((JSON.parse(line) as { timeNano: number }).timeNano) / 1e6);
  });
  try {
    const page = await browser.newPage();
    await page.goto(await s.url);
    await page.getByTestId('service-plex').waitFor({ timeout: 60_000 });
    // These callbacks run in the page; this file is Node code (no DOM library), so the page's globals are typed here.
    await page.evaluate(() => {
      type Page = {
        changes: number[];
        document: { body: object };
        MutationObserver: new (cb: () => void) => { observe(node: object, options: object): void };
      };
      const w = globalThis as unknown as Page;
      w.changes = [];
      new w.MutationObserver(() => w.changes.push(performance.timeOrigin + performance.now())).observe(
        w.document.body,
        {
          subtree: true,
          attributes: true,
          attributeFilter: ['data-state'],
        },
      );
    });
    for (let i = 0; i < EVENTS; i++) {
      const want = i % 2 === 0 ? 'exited' : 'running';
      // docker stop, not kill: the status mirror did not push after a bare kill when this was written.
      await execa('docker', i % 2 === 0 ? ['stop', '-t', '1', id] : ['start', id]);
      await page.locator(`[data-testid="service-plex"][data-state="${want}"]`).waitFor({ timeout: 30_000 });
    }
    const changes = await page.evaluate(() => (globalThis as unknown as { changes: number[] }).changes);
    // Pair each engine event with the first DOM change after it.
    return events.map((e) => (changes.find((c) => c >= e) ?? NaN) - e).filter((d) => Number.isFinite(d));
  } finally {
    (stream as unknown as { destroy(): void }).destroy();
    s.child.kill('SIGTERM');
  }
}

export async function uiScenario(): Promise<Metric[]> {
  const host = process.env.DOCKER_HOST;
  if (!host) throw new Error('DOCKER_HOST is not set: the UI bench needs a running engine and the stand-in image.');
  const docker = new Docker(dockerOptionsFor(host));
  const project = `ups-t-bench-ui-${Math.random().toString(36).slice(2, 8)}`;
  const configDir = mkdtempSync(join(tmpdir(), 'ups-bench-ui-'));
  // An install pointer makes the app open on the dashboard, as it does for an installed stack.
  writeFileSync(join(configDir, 'install.json'), JSON.stringify({ installRoot: configDir }));
  const env = { UPS_COMPOSE_PROJECT: project, UPS_CONFIG_DIR: configDir };
  const id = (
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
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const starts: number[] = [];
    for (let i = 0; i < STARTS; i++) starts.push(await startToLiveDashboard(browser, env));
    const lat = await eventToDom(browser, env, docker, id, project);
    const kb = rendererGzipBytes() / 1024;
    return [
      {
        name: 'ui.serve_start_to_live_dashboard',
        value: round(median(starts)),
        unit: 'ms',
        note: `median of ${STARTS} cold starts of ups serve + Chromium page load`,
      },
      {
        name: 'ui.event_to_dom.p95',
        value: round(percentile(lat, 95)),
        unit: 'ms',
        goal: '<= 100',
        note: `p50 ${round(percentile(lat, 50))} ms over ${lat.length} container die/start events (docker event time → card data-state change)`,
      },
      { name: 'ui.renderer_js_gzip', value: round(kb, 1), unit: 'kB', goal: '<= 300' },
    ];
  } finally {
    await browser.close();
    await execa('docker', ['rm', '-f', id], { reject: false });
    rmSync(configDir, { recursive: true, force: true });
  }
}
