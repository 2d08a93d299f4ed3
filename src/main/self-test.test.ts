// The packaged self-test with a fake page: passes only on a contract-valid app.info from the electron door at the built
// version; every other answer, a failed load or silence ends it with exit 1 and a reason.
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppInfo } from '../core/contract';
import { runSelfTest, SELF_TEST_FAILED, SELF_TEST_PASSED, SELF_TEST_SCRIPT, type SelfTestContents } from './self-test';

const info: AppInfo = { version: '1.2.3', platform: 'win32', arch: 'x64', door: 'electron', installRoot: null };

function page(opts: { loading?: boolean; answer?: () => Promise<unknown> } = {}) {
  const emitter = new EventEmitter();
  const scripts: string[] = [];
  const contents = Object.assign(emitter, {
    isLoading: () => opts.loading ?? true,
    getURL: () => (opts.loading === false ? 'file:///app/index.html' : ''),
    executeJavaScript: vi.fn(async (code: string) => {
      scripts.push(code);
      return (opts.answer ?? (async () => ({ ok: true, value: info })))();
    }),
  }) as unknown as SelfTestContents & EventEmitter;
  return { contents, scripts };
}

async function run(contents: SelfTestContents, timeoutMs = 60_000) {
  const lines: string[] = [];
  const exit = vi.fn();
  const done = runSelfTest({ contents, version: '1.2.3', timeoutMs, write: (l) => void lines.push(l), exit });
  return { done, lines, exit };
}

afterEach(() => vi.useRealTimers());

describe('self-test', () => {
  it('waits for the page, asks app.info through window.ups, prints the verdict and exits 0', async () => {
    const { contents, scripts } = page();
    const { done, lines, exit } = await run(contents);
    await Promise.resolve();
    expect(scripts).toEqual([]); // nothing is asked before the page has loaded
    contents.emit('did-finish-load');
    expect(await done).toBe(SELF_TEST_PASSED);
    expect(scripts).toEqual([SELF_TEST_SCRIPT]);
    expect(SELF_TEST_SCRIPT).toContain("window.ups.invoke('app.info'");
    expect(exit).toHaveBeenCalledExactlyOnceWith(SELF_TEST_PASSED);
    expect(JSON.parse(lines[0]!)).toEqual({ selfTest: 'passed', appInfo: info });
  });

  it('a page that already finished loading is asked at once', async () => {
    const { contents } = page({ loading: false });
    const { done } = await run(contents);
    expect(await done).toBe(SELF_TEST_PASSED);
  });

  it.each([
    [
      'an error envelope',
      { ok: false, error: { code: 'INTERNAL', message: 'boom' } },
      /app\.info failed: INTERNAL boom/,
    ],
    ['another version', { ok: true, value: { ...info, version: '1.2.4' } }, /version 1\.2\.4, built 1\.2\.3/],
    ['another door', { ok: true, value: { ...info, door: 'browser' } }, /browser door/],
    ['a shape outside the contract', { ok: true, value: { version: '1.2.3' } }, /shape the contract does not allow/],
    ['no preload API (undefined)', undefined, /shape the contract does not allow/],
  ])('fails on %s', async (_name, answer, reason) => {
    const { contents } = page({ loading: false, answer: async () => answer });
    const { done, lines, exit } = await run(contents);
    expect(await done).toBe(SELF_TEST_FAILED);
    expect(exit).toHaveBeenCalledExactlyOnceWith(SELF_TEST_FAILED);
    const verdict = JSON.parse(lines[0]!) as { selfTest: string; reason: string };
    expect(verdict.selfTest).toBe('failed');
    expect(verdict.reason).toMatch(reason);
  });

  it('fails when the page script throws (window.ups missing) or the window cannot load', async () => {
    const thrown = page({ loading: false, answer: async () => Promise.reject(new Error('window.ups is undefined')) });
    const a = await run(thrown.contents);
    expect(await a.done).toBe(SELF_TEST_FAILED);
    expect(a.lines[0]).toContain('window.ups is undefined');

    const broken = page();
    const b = await run(broken.contents);
    broken.contents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND');
    expect(await b.done).toBe(SELF_TEST_FAILED);
    expect(b.lines[0]).toContain('the window did not load (-6 ERR_FILE_NOT_FOUND)');
  });

  it('a page that never answers fails the test instead of hanging the release job', async () => {
    vi.useFakeTimers();
    const { contents } = page({ answer: () => new Promise(() => undefined) });
    const { done, lines } = await run(contents, 5_000);
    contents.emit('did-finish-load');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await done).toBe(SELF_TEST_FAILED);
    expect(lines[0]).toContain('no answer within 5000 ms');
  });
});
