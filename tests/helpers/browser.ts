// Debian's Chromium driven by playwright-core (never a downloaded browser), and `ups serve` as a child process.
import { execa, type ResultPromise } from 'execa';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { upsBin } from './cli';

export const CHROMIUM = process.env.UPS_CHROMIUM ?? '/usr/bin/chromium';
export const outputDir = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does).`);
  await mkdir(outputDir, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Root in CI needs --no-sandbox; the rest keeps Chromium off the (closed) network.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface ServedApp {
  url: string;
  origin: string;
  child: ResultPromise;
  stop(): Promise<void>;
}

export async function startServe(env: Record<string, string> = {}): Promise<ServedApp> {
  if (!existsSync(fileURLToPath(new URL('../../dist/renderer/index.html', import.meta.url))))
    throw new Error('dist/renderer is missing: run `npm run build` first (npm test does).');
  const child = execa(process.execPath, [upsBin, 'serve'], {
    reject: false,
    stdin: 'ignore',
    env: { ...process.env, ...env },
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (b: Buffer) => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(b.toString());
      if (m?.[1]) resolve(m[1]);
    });
    void child.then((r) => reject(new Error(`ups serve exited early: ${String(r.stderr)}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    child,
    async stop() {
      child.kill('SIGTERM');
      await child;
    },
  };
}
