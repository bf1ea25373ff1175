import type { RootContent } from 'mdast';

export interface ParseRequest {
  id: number;
  text: string;
}
export interface ParseReply {
  id: number;
  /** Null when the text could not be parsed there (the window then parses it itself). */
  nodes: RootContent[] | null;
}

/**
 * How much answer text the trees waiting to be rendered may stand for. A tree takes far more memory
 * than its text (a node with its position per word or so), and the window asks for some 32 answers
 * at a time (100,000-odd characters), each taken as soon as it is rendered: this only caps a window
 * that asks faster than it renders.
 */
const KEPT_CHARACTERS = 300_000;
/** Texts being parsed at a time: a newer list of texts then waits for at most this many. */
const IN_FLIGHT = 2;

const parsed = new Map<string, readonly RootContent[]>();
let parsedCharacters = 0;
let queue: string[] = [];
const inFlight = new Map<number, string>();
let nextId = 0;
let worker: Worker | null | undefined;
const listeners = new Set<() => void>();

function parser(): Worker | null {
  if (worker !== undefined) return worker;
  worker = null;
  if (typeof Worker !== 'function') return null;
  try {
    // Written out so, Vite bundles the worker and puts its built file's address here.
    // eslint-disable-next-line i18next/no-literal-string -- a module's path, not text
    const started = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module', name: 'markdown' });
    started.onmessage = ({ data }: MessageEvent<ParseReply>) => received(data);
    // A worker that cannot start or breaks: the window parses on its own thread, as it did before.
    started.onerror = () => {
      started.terminate();
      worker = null;
      inFlight.clear();
      queue = [];
      notify();
    };
    worker = started;
  } catch {
    worker = null;
  }
  return worker;
}

function received({ id, nodes }: ParseReply): void {
  const text = inFlight.get(id);
  inFlight.delete(id);
  if (text !== undefined && nodes && !parsed.has(text)) {
    parsed.set(text, nodes);
    parsedCharacters += text.length;
    for (const [oldest] of parsed) {
      if (parsedCharacters <= KEPT_CHARACTERS || oldest === text) break;
      parsed.delete(oldest);
      parsedCharacters -= oldest.length;
    }
  }
  send();
  notify();
}

function send(): void {
  const to = worker;
  if (!to) return;
  while (inFlight.size < IN_FLIGHT && queue.length > 0) {
    const text = queue.shift()!;
    if (parsed.has(text) || [...inFlight.values()].includes(text)) continue;
    const id = nextId++;
    inFlight.set(id, text);
    to.postMessage({ id, text } satisfies ParseRequest);
  }
}

function notify(): void {
  for (const listener of listeners) listener();
}

/**
 * Has these finished answers parsed off the window's thread, in this order (the nearest to the view
 * first); a newer list replaces what of the last is still waiting. False when there is no worker
 * (the window then parses them itself).
 */
export function parseAhead(texts: readonly string[]): boolean {
  if (!parser()) return false;
  queue = texts.filter((text) => !parsed.has(text));
  send();
  return true;
}

/** Whether this text's tree is waiting to be rendered. */
export const isParsed = (text: string): boolean => parsed.has(text);

/** The tree parsed for this text, if it is waiting; given once (the rendering made from it is kept instead). */
export function takeParsed(text: string): readonly RootContent[] | undefined {
  const nodes = parsed.get(text);
  if (nodes === undefined) return undefined;
  parsed.delete(text);
  parsedCharacters -= text.length;
  return nodes;
}

/** Called after each tree arrives (and if the worker fails). */
export function onParsed(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
