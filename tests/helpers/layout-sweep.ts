// One screen through the whole layout budget: every window size at 100/150/200 % (CSS viewport = window ÷ zoom, as
// Windows display scaling leaves it) for overlap, overflow and the main action in view, a screenshot at each; then axe
// and the plain-words scan once, at the largest size. Shared by the e2e layout suites so each checks the same way.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { outputDir } from './browser';
import { inViewWithoutScrolling, layoutProblems } from './layout-budget';
import { findInternalText, visibleText } from './plain-text-scan';
import { seriousViolations } from './ui-axe';

export const sizes = [
  { width: 800, height: 600 },
  { width: 1024, height: 700 },
  { width: 1366, height: 768 },
] as const;
export const zooms = [1, 1.5, 2] as const;

/**
 * Waits for running animations (a dialog opening, a bar filling) so boxes are measured where they end up. Endless
 * ones (a spinner while the install runs) never finish and move nothing: they are not waited for.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

/**
 * A dialog scrolls inside itself: its main action counts as in view when it is inside the dialog's own box. So does an
 * action further down the page (`scrolledTo`) that the user reached by scrolling: it must fit the window once there.
 */
export async function mainInView(page: Page, selector: string, scrolledTo = false): Promise<boolean> {
  if (!scrolledTo && !(await page.locator('[role="dialog"], [role="alertdialog"]').count()))
    return inViewWithoutScrolling(page, selector);
  return page.evaluate((s) => {
    const e = document.querySelector(s);
    if (!e) return false;
    e.scrollIntoView({ block: 'nearest' });
    const r = e.getBoundingClientRect();
    return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight + 0.5 && r.right <= window.innerWidth + 0.5;
  }, selector);
}

/** Fails the calling test with every problem found, each labelled with its size and zoom. */
export async function layoutBudgets(
  page: Page,
  name: string,
  mainAction: string,
  opts: { scrolledTo?: boolean } = {},
): Promise<void> {
  const problems: string[] = [];
  for (const size of sizes)
    for (const zoom of zooms) {
      const label = `${name} at ${size.width}×${size.height} ${zoom * 100} %`;
      await page.setViewportSize({ width: Math.round(size.width / zoom), height: Math.round(size.height / zoom) });
      await settle(page);
      for (const p of await layoutProblems(page)) problems.push(`${label}: ${p}`);
      if (!(await mainInView(page, mainAction, opts.scrolledTo)))
        problems.push(`${label}: the main action is not in view`);
      const at = zoom === 1 ? '' : `-${zoom * 100}pc`;
      await page.screenshot({ path: join(outputDir, `layout-${name}-${size.width}x${size.height}${at}.png`) });
    }
  await page.setViewportSize({ width: 1366, height: 768 });
  await settle(page);
  expect(problems).toEqual([]);
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
  expect(findInternalText(await visibleText(page)), `internal text on ${name}`).toEqual([]);
}
