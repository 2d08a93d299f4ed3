// `--self-test`: the installed app proves itself end to end (window loads, preload bridge, IPC, App service) by asking
// `app.info` from inside the page as the dashboard does, then exits 0 or 1; the Windows release workflow runs it.
import type { WebContents } from 'electron';
import * as z from 'zod';
import { AppInfoSchema, envelopeSchema } from '../core/contract';

export const SELF_TEST_PASSED = 0;
export const SELF_TEST_FAILED = 1;

/** Run in the page's main world: the same `window.ups` object the renderer uses, so the preload is part of the test. */
export const SELF_TEST_SCRIPT = "window.ups.invoke('app.info', {})";

export type SelfTestContents = Pick<WebContents, 'executeJavaScript' | 'once' | 'isLoading' | 'getURL'>;

export interface SelfTestDeps {
  contents: SelfTestContents;
  /** The version the build was made with; the packaged app must report exactly this. */
  version: string;
  /** Ends the test as failed when the page or the call never answers (a hung test would hang the release job). */
  timeoutMs: number;
  /** Resolves once the line has left (app.exit drops what is still buffered). */
  write: (line: string) => Promise<void> | void;
  exit: (code: number) => void;
}

const AppInfoEnvelope = envelopeSchema(AppInfoSchema);

function loaded(contents: SelfTestContents): Promise<void> {
  if (!contents.isLoading() && contents.getURL() !== '') return Promise.resolve();
  return new Promise((resolve, reject) => {
    contents.once('did-finish-load', () => resolve());
    contents.once('did-fail-load', (_e, code, description) =>
      reject(new Error(`the window did not load (${code} ${description})`)),
    );
  });
}

async function check(deps: SelfTestDeps): Promise<z.infer<typeof AppInfoSchema>> {
  await loaded(deps.contents);
  const answer: unknown = await deps.contents.executeJavaScript(SELF_TEST_SCRIPT, true);
  const parsed = AppInfoEnvelope.safeParse(answer);
  if (!parsed.success)
    throw new Error(`app.info answered a shape the contract does not allow: ${parsed.error.message}`);
  if (!parsed.data.ok) throw new Error(`app.info failed: ${parsed.data.error.code} ${parsed.data.error.message}`);
  const info = parsed.data.value;
  if (info.door !== 'electron') throw new Error(`app.info came from the ${info.door} door, not electron`);
  if (info.version !== deps.version) throw new Error(`app.info reports version ${info.version}, built ${deps.version}`);
  return info;
}

/** Writes one JSON line with the verdict and exits with it. */
export async function runSelfTest(deps: SelfTestDeps): Promise<number> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${deps.timeoutMs} ms`)), deps.timeoutMs);
  });
  let code: number;
  try {
    const appInfo = await Promise.race([check(deps), timeout]);
    await deps.write(JSON.stringify({ selfTest: 'passed', appInfo }));
    code = SELF_TEST_PASSED;
  } catch (err) {
    await deps.write(JSON.stringify({ selfTest: 'failed', reason: (err as Error).message }));
    code = SELF_TEST_FAILED;
  } finally {
    clearTimeout(timer);
  }
  deps.exit(code);
  return code;
}
