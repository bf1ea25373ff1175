// Nothing in the window animates smoothly for ever. A smooth animation that never ends changes the
// picture every frame, and a window drawn in software (no GPU, a virtual machine, a remote desktop)
// then redraws and composites every frame for as long as it runs: a spinner and a pulsing dot shown
// while an answer streamed took the keys typed meanwhile from 21-27 ms on average to 31-44 ms
// (tests/e2e/streaming.spec.ts). An endless animation moves in steps (a few changes a second).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const folder = path.resolve('src/renderer/styles');
const sheets = readdirSync(folder)
  .filter((name) => name.endsWith('.css'))
  .map((name) => ({ name, css: readFileSync(path.join(folder, name), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '') }));

/** Every `animation` or `animation-iteration-count` declaration that repeats for ever, with the rule's other declarations. */
function endlessAnimations(css: string): Array<{ selector: string; body: string }> {
  const found: Array<{ selector: string; body: string }> = [];
  for (const match of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const body = match[2]!;
    if (/animation(?:-iteration-count)?\s*:[^;]*\binfinite\b/.test(body)) found.push({ selector: match[1]!.trim(), body });
  }
  return found;
}

describe('endless animations', () => {
  it('the stylesheets are read', () => {
    expect(sheets.map((sheet) => sheet.name)).toContain('chat.css');
    // The spinner is one, and it is found.
    expect(endlessAnimations(sheets.find((sheet) => sheet.name === 'chat.css')!.css).map((rule) => rule.selector)).toContain('.spinner');
  });

  it.each(sheets.map((sheet) => [sheet.name, sheet.css] as const))('%s: each moves in steps', (_name, css) => {
    for (const rule of endlessAnimations(css)) expect(rule.body, rule.selector).toMatch(/steps\(\s*\d+/);
  });
});
