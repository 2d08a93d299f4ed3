// The e2e scanner for issue 20's check: what a screen shows outside "Technical details" must hold no internal text.
// The rules live in src/renderer/internal-text.ts (the app routes technical error text with the same rules).
import type { Page } from 'playwright-core';
export { findInternalText } from '../../src/renderer/internal-text';

/**
 * The page's visible text without what sits under "Technical details" (elements marked data-technical-details) and
 * without form values (a typed path is the user's own). Dialogs are portals under <body>, so they are included.
 */
export async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const hidden = [...document.querySelectorAll<HTMLElement>('[data-technical-details]')];
    const before = hidden.map((el) => el.style.display);
    hidden.forEach((el) => (el.style.display = 'none'));
    try {
      return document.body.innerText;
    } finally {
      hidden.forEach((el, i) => (el.style.display = before[i] ?? ''));
    }
  });
}
