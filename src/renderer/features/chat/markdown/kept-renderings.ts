import type { ReactNode } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

export const PLUGINS = [remarkGfm];

/** How much answer text the kept renderings may stand for, per component map (one per language). */
const KEPT_CHARACTERS = 2_000_000;
/** Renderings by answer text, least recently used first, with the characters they stand for. */
const kept = new WeakMap<Components, { byText: Map<string, ReactNode>; characters: number }>();

/**
 * A finished answer's text rendered (parsed by react-markdown, which is a plain function of its
 * props), kept for the next time: a turn scrolled away and back, or a chat opened again, costs
 * its DOM and not its parse. The elements hold no state; links reach their answer through context.
 */
export function renderedMarkdown(text: string, components: Components): ReactNode {
  let store = kept.get(components);
  if (!store) kept.set(components, (store = { byText: new Map(), characters: 0 }));
  const { byText } = store;
  const known = byText.get(text);
  if (known !== undefined) {
    byText.delete(text);
    byText.set(text, known);
    return known;
  }
  const rendered = ReactMarkdown({ children: text, remarkPlugins: PLUGINS, components });
  byText.set(text, rendered);
  store.characters += text.length;
  for (const oldest of byText.keys()) {
    if (store.characters <= KEPT_CHARACTERS || oldest === text) break;
    byText.delete(oldest);
    store.characters -= oldest.length;
  }
  return rendered;
}

let warming: { texts: string[]; components: Components } | null = null;
let scheduled = false;

/**
 * Renders these answers ahead, while the window is idle, nearest first (those about to scroll into
 * view), so their first appearance costs no parse either. A newer call replaces the list.
 */
export function renderAhead(texts: string[], components: Components): void {
  warming = { texts: [...texts], components };
  if (scheduled || typeof requestIdleCallback !== 'function') return;
  scheduled = true;
  requestIdleCallback(function work(deadline) {
    while (warming && warming.texts.length > 0 && deadline.timeRemaining() > 4)
      renderedMarkdown(warming.texts.shift()!, warming.components);
    if (warming && warming.texts.length > 0) requestIdleCallback(work);
    else scheduled = false;
  });
}
