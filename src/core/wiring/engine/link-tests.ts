// Runs every link test (bounded parallelism, a deadline each, never throws) and renders the result as a table.
import type { LinksTable } from '../../contract/wiring';
import { fixAction } from '../../contract/fix-action';
import type { LinkTest, LinkTestResult } from '../wiring-types';
import { failedLink } from './link-result';

export interface LinkTestOptions {
  /** A test that has not answered by then is reported as failed; the clients' own timeouts are usually shorter. */
  timeoutMs?: number;
  concurrency?: number;
}

async function runOne(test: LinkTest, timeoutMs: number): Promise<LinkTestResult> {
  const ends = { id: test.id, from: test.from, to: test.to };
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<LinkTestResult>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          ...ends,
          ok: false,
          detail: `${test.to} did not finish the test within ${timeoutMs / 1000} s.`,
          fix: `Check that ${test.to} is running and not overloaded, then test the links again.`,
          action: fixAction('stack.up', {}, 'Start the stack'),
        }),
      timeoutMs,
    );
  });
  try {
    // run() promises never to throw; a buggy one still becomes a failed row instead of losing the whole table.
    return await Promise.race([test.run().catch((err: unknown) => failedLink(ends, err)), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export async function runLinkTests(tests: LinkTest[], opts: LinkTestOptions = {}): Promise<LinksTable> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const results = new Array<LinkTestResult>(tests.length);
  let next = 0;
  const worker = async () => {
    while (next < tests.length) {
      const i = next++;
      results[i] = await runOne(tests[i]!, timeoutMs);
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? 4, tests.length) }, worker));
  return { links: results, ok: results.every((r) => r.ok) };
}
