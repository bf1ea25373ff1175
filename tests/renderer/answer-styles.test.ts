// The answer's stylesheet stays cheap for a growing answer. A rule that reads an answer block's
// siblings (`a + b`, `a ~ b`, `:has(+ b)`, `:nth-child`) makes the engine restyle every element such
// rules may reach whenever a block is added: traced on a 20,000-token answer, each frame restyled up
// to 800 elements, more as the answer grew. Rules inside a block (a table's rows) only reach that block.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(path.resolve('src/renderer/styles/chat.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

/** Every selector of the sheet's style rules (at-rules' blocks included). */
function selectors(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/([^{}]+)\{[^{}]*\}/g)) {
    for (const selector of match[1]!.split(',')) if (selector.trim() && !selector.trim().startsWith('@')) found.push(selector.trim());
  }
  return found;
}

/** Whether a rule's match on an answer's top-level block depends on the blocks beside it. */
function readsSiblings(selector: string): boolean {
  if (/:has\(\s*[+~]/.test(selector)) return true;
  // A block's own box: a child of the answer, or of a group of its finished blocks (Markdown.tsx).
  const topLevel = selector.match(/^\.md(?:-group)?\s*>\s*([^\s>+~]+)(.*)$/);
  if (!topLevel) return false;
  return /:nth-|:first-child|:last-child|:only-child/.test(topLevel[1]!) || /^[+~]/.test(topLevel[2]!.trim());
}

describe("the answer's styles", () => {
  const answerRules = selectors(css).filter((selector) => /^\.md\b/.test(selector));

  it('are found (the sheet is read as the test expects)', () => {
    expect(answerRules.length).toBeGreaterThan(20);
    expect(answerRules).toContain('.md > *');
    expect(answerRules).toContain('.md > blockquote');
    // The growing answer's groups of finished blocks give their blocks the same styles.
    for (const rule of answerRules.filter((selector) => selector.startsWith('.md > ') && selector !== '.md > .md-group'))
      expect(answerRules).toContain(rule.replace('.md > ', '.md-group > '));
  });

  it("never make a block's style depend on the blocks around it", () => {
    expect(answerRules.filter(readsSiblings)).toEqual([]);
  });

  it('would catch such a rule, and lets rules inside a block be', () => {
    const sample = selectors(
      '.md > blockquote + blockquote { margin: 0 } .md > blockquote:has(+ blockquote) { margin: 0 } .md > p:last-child { margin: 0 } .md > ul ~ p { margin: 0 } .md tbody tr:nth-child(even) td { color: red } .md li > * { margin: 0 } .md-group > p:first-child { margin: 0 }',
    );
    expect(sample.map(readsSiblings)).toEqual([true, true, true, true, false, false, true]);
  });
});
