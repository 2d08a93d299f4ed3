// Layout budget checks run in the page: interactive elements and message bars that overlap or leave the viewport,
// horizontal page overflow, and whether an element is fully in view without scrolling.
import type { Page } from 'playwright-core';

/** Human-readable problems; an empty list is a pass. */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const sel = [
      'button',
      'a[href]',
      'input:not([type="hidden"])',
      'select',
      'textarea',
      '[role="combobox"]',
      '[role="radio"]',
      '[role="checkbox"]',
      '[role="switch"]',
      '[role="tab"]',
      '.fui-MessageBar',
    ].join(',');
    const vw = document.documentElement.clientWidth;
    const name = (e: Element) =>
      `${e.tagName.toLowerCase()}${e.getAttribute('data-testid') ? `[${e.getAttribute('data-testid')}]` : ''}"${(e.textContent ?? '').trim().slice(0, 30)}"`;
    const visible = (e: Element) => {
      const r = e.getBoundingClientRect();
      const cs = getComputedStyle(e);
      // Fluent hides native radio/checkbox inputs with opacity 0 over their indicator: the visible part is checked.
      return (
        r.width > 0 &&
        r.height > 0 &&
        cs.visibility !== 'hidden' &&
        cs.opacity !== '0' &&
        !e.closest('[data-tabster-dummy]') &&
        // Chromium still reports boxes for what a closed <details> hides (content-visibility): not on screen.
        !(e.closest('details:not([open])') && !e.closest('summary'))
      );
    };
    // What a scrolling or clipping ancestor (a dialog's scrolling body) cuts off is not drawn: only the visible part
    // of a box counts, and a box scrolled wholly out of its container is not on screen.
    const clipped = (e: Element): DOMRect => {
      let r = e.getBoundingClientRect();
      for (let p = e.parentElement; p; p = p.parentElement) {
        const cs = getComputedStyle(p);
        if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
        const c = p.getBoundingClientRect();
        const left = Math.max(r.left, c.left);
        const top = Math.max(r.top, c.top);
        const right = Math.min(r.right, c.right);
        const bottom = Math.min(r.bottom, c.bottom);
        r = new DOMRect(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
      }
      return r;
    };
    const els = [...document.querySelectorAll(sel)].filter(visible).filter((e) => {
      const r = clipped(e);
      return r.width > 0 && r.height > 0;
    });
    const problems: string[] = [];
    if (document.scrollingElement && document.scrollingElement.scrollWidth > vw + 1)
      problems.push(`page scrolls sideways: ${document.scrollingElement.scrollWidth} > ${vw}`);
    const footer = document.querySelector('[data-testid="wizard-footer"]');
    for (const e of els) {
      const r = e.getBoundingClientRect();
      if (r.left < -1 || r.right > vw + 1)
        problems.push(`${name(e)} leaves the window (${Math.round(r.left)}–${Math.round(r.right)} of ${vw})`);
    }
    for (let i = 0; i < els.length; i++)
      for (let j = i + 1; j < els.length; j++) {
        const a = els[i]!;
        const b = els[j]!;
        if (a.contains(b) || b.contains(a)) continue;
        // Content scrolling under the opaque sticky footer is covered by it, not drawn over it.
        if (footer && footer.contains(a) !== footer.contains(b)) continue;
        // A popup (listbox, dialog) sits over the page by design; inside it the same rules apply.
        const layer = (e: Element) => e.closest('[role="listbox"], [role="dialog"], [role="alertdialog"]');
        if (layer(a) !== layer(b)) continue;
        const ra = clipped(a);
        const rb = clipped(b);
        const x = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        const y = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (x > 1 && y > 1) problems.push(`${name(a)} overlaps ${name(b)}`);
      }
    return problems;
  });
}

/**
 * True when the element is entirely inside the viewport as the page first shows (no scrolling), and not under the
 * wizard's sticky footer (the opaque bar covers what scrolls beneath it) unless it is in that bar.
 */
export async function inViewWithoutScrolling(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((s) => {
    window.scrollTo(0, 0);
    const e = document.querySelector(s);
    if (!e) return false;
    const r = e.getBoundingClientRect();
    const footer = document.querySelector('[data-testid="wizard-footer"]');
    const bottom = footer && !footer.contains(e) ? footer.getBoundingClientRect().top : window.innerHeight;
    return r.top >= 0 && r.left >= 0 && r.bottom <= bottom + 0.5 && r.right <= window.innerWidth + 0.5;
  }, selector);
}
