// What "fits" means, measured by the page itself: the document does not scroll sideways, no control's
// content runs past its own box or out of the box that clips it, a short label is neither cut to
// an ellipsis nor wrapped onto a second line. Shared by the layout journeys and the axe checks.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** What a control, label or heading is called in a finding: its tag, class and first words. */
export interface LayoutFinding {
  what: string;
  problem: string;
}

/** Every place the page in view does not fit its window (empty when it fits). */
export function layoutFindings(page: Page): Promise<LayoutFinding[]> {
  return page.evaluate(() => {
    const findings: Array<{ what: string; problem: string }> = [];
    const name = (element: Element) => {
      const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      const label = element.getAttribute('aria-label') ?? '';
      const cls = typeof element.className === 'string' && element.className ? `.${element.className.trim().split(/\s+/).join('.')}` : '';
      return `${element.tagName.toLowerCase()}${cls} "${text || label}"`;
    };
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) {
      findings.push({ what: 'the document', problem: `scrolls sideways (${root.scrollWidth} > ${root.clientWidth})` });
    }
    const shown = (element: Element) => {
      const box = element.getBoundingClientRect();
      // Read by screen readers only (1 px, clipped) or not laid out: nothing to see.
      if (box.width <= 2 || box.height <= 2) return false;
      const style = getComputedStyle(element);
      return style.visibility !== 'hidden' && style.display !== 'none' && element.checkVisibility({ opacityProperty: true });
    };
    /** The nearest ancestor that clips what runs past it sideways. */
    const clipper = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const overflow = getComputedStyle(parent).overflowX;
        if (overflow !== 'visible') return parent;
      }
      return null;
    };
    /** How many lines a control's visible text runs over, counted from the boxes of its text. */
    const lines = (element: Element) => {
      const tops = new Set<number>();
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.parentElement || !shown(node.parentElement) || !node.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of Array.from(range.getClientRects())) if (rect.width > 0) tops.add(Math.round(rect.top / 4));
      }
      return tops.size;
    };
    const controls = document.querySelectorAll(
      'button, a, label, select, input:not([type="range"]), textarea, h1, h2, h3, [role="tab"], [role="option"], summary, legend',
    );
    for (const element of Array.from(controls)) {
      if (!shown(element)) continue;
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      const text = (element.textContent ?? '').trim();
      const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll';
      // Its own content runs past its box (clipped, cut to an ellipsis, or spilling over).
      if (!scrolls && element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0) {
        const cut = style.textOverflow === 'ellipsis';
        // A long title may end in an ellipsis; a label of a few words must not.
        if (!cut || text.length <= 24) {
          findings.push({ what: name(element), problem: `content ${element.scrollWidth}px in a ${element.clientWidth}px box` });
        }
      }
      // It runs out of the box that clips it (the window included).
      const clip = clipper(element);
      const limit = clip ? clip.getBoundingClientRect() : { left: 0, right: root.clientWidth };
      const clipScrolls = clip && ['auto', 'scroll'].includes(getComputedStyle(clip).overflowX);
      if (!clipScrolls && (box.right > limit.right + 1 || box.left < limit.left - 1)) {
        findings.push({
          what: name(element),
          problem: `runs past its box (${Math.round(box.left)}–${Math.round(box.right)} outside ${Math.round(limit.left)}–${Math.round(limit.right)})`,
        });
      }
      // A button's short label on two lines or more.
      if (element.tagName === 'BUTTON' && text.length > 0 && text.length <= 30 && !element.querySelector('img') && lines(element) > 1) {
        findings.push({ what: name(element), problem: `its label wraps onto ${lines(element)} lines` });
      }
    }
    return findings;
  });
}

/** Fails with every finding named; softly, so one run shows all that does not fit on every screen. */
export async function expectFits(page: Page, where: string): Promise<void> {
  expect.soft(await layoutFindings(page), `${where}: what does not fit`).toEqual([]);
}

/**
 * axe-core over the page (WCAG 2.1 A and AA, with axe's experimental rules such as
 * label-content-name-mismatch): fails on any serious or critical violation, named with its nodes.
 */
export async function expectAxeClean(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'experimental']).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect.soft(serious, where).toEqual([]);
}
