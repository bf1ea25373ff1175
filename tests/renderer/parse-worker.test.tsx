// Finished answers parsed in a worker: the worker's trees, copied across as the browser copies
// messages, render exactly what react-markdown renders from the text; the window asks for the
// nearest answers first, a newer list replaces the waiting one, and a worker that fails leaves the
// window parsing on its own. The browser's Worker is played in-process here (Node has none): it runs
// the real worker module and copies every message both ways.
import { renderToStaticMarkup } from 'react-dom/server';
import type { Components } from 'react-markdown';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderedMarkdown } from '../../src/renderer/features/chat/markdown/kept-renderings';
import type { ParseReply, ParseRequest } from '../../src/renderer/features/chat/markdown/parsed-ahead';
import { isParsed, parseAhead } from '../../src/renderer/features/chat/markdown/parsed-ahead';
import { renderParsed } from '../../src/renderer/features/chat/markdown/render-tree';
import { longAnswer } from '../servers/long-answer';
import { ANSWERS } from './markdown-answers';
import { renderWhole } from './render-markdown';

type Scope = { onmessage: ((event: { data: ParseRequest }) => void) | null; postMessage?: (reply: ParseReply) => void };
const scope = globalThis as unknown as Scope;

/** The browser's Worker, in-process: messages are copied (structured clone) and delivered in later tasks. */
class InProcessWorker {
  static started: InProcessWorker[] = [];
  onmessage: ((event: { data: ParseReply }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly requests: ParseRequest[] = [];
  terminated = false;
  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    InProcessWorker.started.push(this);
    scope.postMessage = (reply) => setTimeout(() => !this.terminated && this.onmessage?.({ data: structuredClone(reply) }));
  }
  postMessage(request: ParseRequest): void {
    this.requests.push(request);
    setTimeout(() => !this.terminated && scope.onmessage?.({ data: structuredClone(request) }));
  }
  terminate(): void {
    this.terminated = true;
  }
}

const settle = async (rounds = 40) => {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve));
};

beforeAll(async () => {
  (globalThis as unknown as { Worker: unknown }).Worker = InProcessWorker;
  await import('../../src/renderer/features/chat/markdown/parse-worker');
});

describe('the Markdown parse worker', () => {
  it('replies with a tree that, copied across, renders byte for byte what react-markdown renders from the text', async () => {
    const replies: ParseReply[] = [];
    const answers = [...ANSWERS.map((answer) => answer.text), longAnswer(3000, 11)];
    scope.postMessage = (reply) => replies.push(structuredClone(reply));
    answers.forEach((text, id) => scope.onmessage!({ data: { id, text } }));
    expect(replies.map((reply) => reply.id)).toEqual(answers.map((_, id) => id));
    const components: Components = {};
    for (const [id, text] of answers.entries()) {
      expect(replies[id]!.nodes).not.toBeNull();
      // Positions are not copied across: the window renders without them.
      expect(JSON.stringify(replies[id]!.nodes)).not.toContain('"position"');
      expect(renderToStaticMarkup(<>{renderParsed(replies[id]!.nodes!, components)}</>)).toBe(renderWhole(text, components));
    }
  });

  it('parses the nearest answers first, two at a time; a newer list replaces what still waits; the window renders from the trees', async () => {
    const texts = Array.from({ length: 6 }, (_, index) => longAnswer(200, 100 + index));
    expect(parseAhead(texts.slice(0, 4))).toBe(true);
    const worker = InProcessWorker.started.at(-1)!;
    expect(worker.url.pathname).toMatch(/parse-worker\.ts$/);
    expect(worker.options.type).toBe('module');
    expect(worker.requests.map((request) => request.text)).toEqual(texts.slice(0, 2));
    // The view moved on before the first two came back: the other two are no longer wanted.
    parseAhead([texts[4]!, texts[5]!]);
    await settle();
    expect(worker.requests.map((request) => request.text)).toEqual([texts[0], texts[1], texts[4], texts[5]]);
    expect(texts.map(isParsed)).toEqual([true, true, false, false, true, true]);
    // Asking again for what is parsed sends nothing.
    parseAhead([texts[0]!]);
    expect(worker.requests).toHaveLength(4);

    const components: Components = {};
    const html = renderToStaticMarkup(<>{renderedMarkdown(texts[4]!, components)}</>);
    expect(html).toBe(renderWhole(texts[4]!, components));
    // The tree went into the kept rendering, and is not kept twice.
    expect(isParsed(texts[4]!)).toBe(false);
    // One never parsed there is parsed here, the same way.
    expect(renderToStaticMarkup(<>{renderedMarkdown(texts[2]!, components)}</>)).toBe(renderWhole(texts[2]!, components));
  });

  it('a worker that fails: the window parses on its own from then on', async () => {
    const worker = InProcessWorker.started.at(-1)!;
    const text = longAnswer(150, 300);
    parseAhead([text]);
    worker.onerror?.({ message: 'broken' });
    expect(worker.terminated).toBe(true);
    expect(parseAhead([text])).toBe(false);
    await settle();
    expect(isParsed(text)).toBe(false);
    expect(renderToStaticMarkup(<>{renderedMarkdown(text, {})}</>)).toBe(renderWhole(text, {}));
  });
});
