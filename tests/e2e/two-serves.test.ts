// Two `ups serve` in one Chromium profile: each keeps its session though cookies are not port-scoped,
// and the page's calls carry its event stream's subscriber, so a follow binds instead of being refused.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServe, type ServedApp } from '../helpers/browser';
import { uniqueProject } from '../helpers/require-env';

let browser: Browser;
const served: ServedApp[] = [];
const configDirs = [mkdtempSync(join(tmpdir(), 'ups-e2e-two-a-')), mkdtempSync(join(tmpdir(), 'ups-e2e-two-b-'))];

beforeAll(async () => {
  for (const dir of configDirs)
    served.push(await startServe({ UPS_COMPOSE_PROJECT: uniqueProject('e2e-two'), UPS_CONFIG_DIR: dir }));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  for (const s of served) await s.stop();
  for (const dir of configDirs) rmSync(dir, { recursive: true, force: true });
});

describe('two servers in one browser', () => {
  it('both stay signed in after each was opened with its token', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const s of served) expect((await page.goto(s.url))?.status()).toBe(200);
    // Back to each without the token: only the cookie authenticates now.
    for (const s of served) expect((await page.goto(`${s.origin}/`))?.status()).toBe(200);
    const names = (await context.cookies()).map((c) => c.name).sort();
    expect(names).toEqual(served.map((s) => `ups_session_${new URL(s.origin).port}`).sort());
    await context.close();
  });

  it('a follow from the page binds to its event stream (refused for lack of an install, not of a subscriber)', async () => {
    const page = await browser.newPage();
    await page.goto(served[0]!.url);
    await page.getByTestId('wizard').waitFor({ timeout: 30_000 });
    const answer = await page.evaluate(async () => {
      const ups = (
        window as unknown as {
          ups: { subscribe(l: () => void): () => void; invoke(c: string, i: unknown): Promise<unknown> };
        }
      ).ups;
      ups.subscribe(() => {});
      return ups.invoke('stack.logs.follow', { service: 'radarr', tail: 1 });
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await page.close();
  });
});
