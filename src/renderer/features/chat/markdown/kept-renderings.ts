import type { ReactNode } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { isParsed, onParsed, parseAhead, takeParsed } from './parsed-ahead';
import { renderParsed } from './render-tree';

export const PLUGINS = [remarkGfm];

/** How much answer text the kept renderings may stand for, per component map (one per language). */
const KEPT_CHARACTERS = 2_000_000;
/** Renderings by answer text, least recently used first, with the characters they stand for. */
const kept = new WeakMap<Components, { byText: Map<string, ReactNode>; characters: number }>();

function keptFor(components: Components): { byText: Map<string, ReactNode>; characters: number } {
  let store = kept.get(components);
  if (!store) kept.set(components, (store = { byText: new Map(), characters: 0 }));
  return store;
}

/**
 * A finished answer's text rendered, kept for the next time: a turn scrolled away and back, or a
 * chat opened again, costs its DOM and not its parse. Rendered from the tree the parse worker made
 * when it has (./parsed-ahead.ts), else parsed here by react-markdown (a plain function of its
 * props); the two give the same elements. The elements hold no state; links reach their answer
 * through context.
 */
export function renderedMarkdown(text: string, components: Components): ReactNode {
  const store = keptFor(components);
  const { byText } = store;
  const known = byText.get(text);
  if (known !== undefined) {
    byText.delete(text);
    byText.set(text, known);
    return known;
  }
  const nodes = takeParsed(text);
  const rendered = nodes ? renderParsed(nodes, components) : ReactMarkdown({ children: text, remarkPlugins: PLUGINS, components });
  byText.set(text, rendered);
  store.characters += text.length;
  for (const oldest of byText.keys()) {
    if (store.characters <= KEPT_CHARACTERS || oldest === text) break;
    byText.delete(oldest);
    store.characters -= oldest.length;
  }
  return rendered;
}

let warming: { texts: string[]; components: Components; parsedElsewhere: boolean } | null = null;
let scheduled = false;

function scheduleWarming(): void {
  if (scheduled || !warming || warming.texts.length === 0 || typeof requestIdleCallback !== 'function') return;
  scheduled = true;
  requestIdleCallback(function work(deadline) {
    scheduled = false;
    if (!warming) return;
    const { texts, components, parsedElsewhere } = warming;
    const store = keptFor(components);
    // A parse here may take 10 ms for a long answer; turning a tree into elements, a ms or two.
    const room = parsedElsewhere ? 2 : 4;
    for (let at = 0; at < texts.length && deadline.timeRemaining() > room;) {
      const text = texts[at]!;
      if (store.byText.has(text)) texts.splice(at, 1);
      // A text still being parsed in the worker waits for its tree.
      else if (!parsedElsewhere || isParsed(text)) {
        texts.splice(at, 1);
        renderedMarkdown(text, components);
      } else at += 1;
    }
    if (texts.some((text) => !parsedElsewhere || isParsed(text))) scheduleWarming();
  });
}

onParsed(scheduleWarming);

/**
 * Renders these answers ahead, while the window is idle, nearest first (those about to scroll into
 * view), so their first appearance costs no parse either: the parse worker parses them, and each
 * tree that comes back is turned into elements when the window is idle. Without a worker they are
 * parsed here, one at a time, while the window is idle. A newer call replaces the list.
 */
export function renderAhead(texts: readonly string[], components: Components): void {
  const store = keptFor(components);
  const waiting = texts.filter((text) => !store.byText.has(text));
  const parsedElsewhere = parseAhead(waiting);
  warming = { texts: waiting, components, parsedElsewhere };
  scheduleWarming();
}
