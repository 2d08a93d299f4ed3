// axe-core in the page (the context must bypass CSP: axe is test tooling), reporting serious/critical violations with their nodes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * `id: selector` for every serious or critical violation; an empty list is a pass. One known false positive is left
 * out, narrowly: aria-hidden-focus on Fluent's tabster focus sentinels (`<i data-tabster-dummy tabindex=0 aria-hidden>`),
 * which exist only to hand focus on at once (microsoft/tabster#288; Microsoft's Accessibility Insights suppresses the
 * same nodes, microsoft/accessibility-insights-web#7605). Every other node of that rule still fails.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; nodes: { target: unknown[]; html: string }[] }[] };
    const axe = (window as unknown as { axe: { run(): Promise<Result> } }).axe;
    const r = await axe.run();
    const sentinel = (id: string, html: string) =>
      id === 'aria-hidden-focus' && /^<i [^>]*data-tabster-dummy=""/.test(html);
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) =>
        v.nodes.filter((n) => !sentinel(v.id, n.html)).map((n) => `${v.id}: ${n.target.map(String).join(' ')}`),
      );
  });
}
