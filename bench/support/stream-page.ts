// Code the stream benchmark runs inside the page (through page.evaluate, so each function stands
// alone): the clock from Enter to the answer's picture with the long tasks on the way, the time to
// open a conversation, the scroll driver, and the plain-DOM list the chat is compared with.

// The Node side's config has no DOM types (and must not get them): the little of the page these
// functions touch is typed here, and each takes the page's globals from globalThis.
interface PageElement {
  style: Record<string, string>;
  offsetHeight: number;
  firstChild: PageElement | null;
  insertBefore(node: PageElement, before: PageElement | null): void;
  removeChild(node: PageElement): void;
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
  textContent: string | null;
  className: string;
  lastElementChild: PageElement | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement & { complete?: boolean; naturalWidth?: number }>;
  getBoundingClientRect(): { left: number; top: number; width: number; height: number };
  append(...nodes: Array<PageElement | string>): void;
  replaceChildren(): void;
  innerHTML: string;
  rel?: string;
  href?: string;
  addEventListener(type: string, listener: (event: { key?: string }) => void, options?: { capture?: boolean; passive?: boolean }): void;
}
interface PageImage extends PageElement {
  src: string;
  alt: string;
  decoding: string;
}
interface PerformanceEntryLike {
  startTime: number;
  duration: number;
  /** Long animation frames: what ran in them. */
  scripts?: Array<{ invoker: string; sourceFunctionName: string; duration: number }>;
}
interface PageGlobals {
  document: {
    body: PageElement;
    head: PageElement;
    querySelector(selector: string): PageElement | null;
    querySelectorAll(selector: string): ArrayLike<PageElement>;
    createElement(tag: 'img'): PageImage;
    createElement(tag: string): PageElement;
    addEventListener(type: string, listener: (event: { key?: string }) => void, options?: { capture: boolean }): void;
  };
  performance: { now(): number };
  PerformanceObserver: new (callback: (list: { getEntries(): PerformanceEntryLike[] }) => void) => {
    observe(options: { type: string; buffered?: boolean }): void;
    disconnect(): void;
  };
  requestAnimationFrame(callback: (now: number) => void): number;
  setTimeout(callback: () => void, ms: number): number;
  __holstBench?: BenchState;
}
interface BenchState {
  enterAt: number;
  clickAt: number;
  longTasks: PerformanceEntryLike[];
  /** Long animation frames: a task and the rendering it caused, over 50 ms together. */
  longFrames: PerformanceEntryLike[];
}

/** Starts listening: when Enter goes down or a click lands (capture phase), and every long task. */
export function installProbe(): void {
  const g = globalThis as unknown as PageGlobals;
  const state: BenchState = { enterAt: 0, clickAt: 0, longTasks: [], longFrames: [] };
  g.__holstBench = state;
  g.document.addEventListener('keydown', (event) => event.key === 'Enter' && (state.enterAt = g.performance.now()), { capture: true });
  g.document.addEventListener('click', () => (state.clickAt = g.performance.now()), { capture: true });
  new g.PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasks.push({ startTime: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask' });
  new g.PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const scripts = (entry.scripts ?? []).map(({ invoker, sourceFunctionName, duration }) => ({ invoker, sourceFunctionName, duration }));
      state.longFrames.push({ startTime: entry.startTime, duration: entry.duration, scripts });
    }
  }).observe({ type: 'long-animation-frame' });
}

export interface StreamRun {
  /** From Enter to the first frame after the answer's picture decoded, ms (null: not within the time allowed). */
  ms: number | null;
  /** Long tasks (over 50 ms by definition) between Enter and then. */
  longTasks: number[];
  /** When each long task began (after Enter) and how long it took, for the report. */
  longTaskDetails: string[];
  /** Long animation frames (script and rendering over 50 ms) between Enter and then. */
  longFrames: number[];
  /** Each of them: when (ms after Enter), how long, and the scripts that ran in it. */
  longFrameDetails: string[];
  /** Characters of answer text on screen when it ended. */
  chars: number;
}

/** Waits, one check per frame, for a decoded picture in the newest answer; times it from Enter. */
export function waitForPicture({ timeoutMs }: { timeoutMs: number }): Promise<StreamRun> {
  const g = globalThis as unknown as PageGlobals;
  const state = g.__holstBench!;
  return new Promise((resolve) => {
    const finish = (ms: number | null) => {
      const end = state.enterAt + (ms ?? timeoutMs);
      const within = (list: PerformanceEntryLike[]) =>
        list.filter((t) => t.startTime >= state.enterAt && t.startTime <= end).map((t) => t.duration);
      const longTasks = within(state.longTasks);
      const longFrames = within(state.longFrames);
      const longFrameDetails = state.longFrames
        .filter((t) => t.startTime >= state.enterAt && t.startTime <= end)
        .map((t) => {
          const scripts = (t.scripts ?? []).map((x) => `${x.invoker} ${x.sourceFunctionName} ${x.duration.toFixed(0)} ms`).join(', ');
          return `${(t.startTime - state.enterAt).toFixed(0)} ms after Enter: ${t.duration.toFixed(0)} ms (${scripts || 'rendering'})`;
        });
      const answers = g.document.querySelectorAll('article[aria-label="Answer"]');
      const last = answers.length > 0 ? answers[answers.length - 1] : undefined;
      const longTaskDetails = state.longTasks
        .filter((t) => t.startTime >= state.enterAt && t.startTime <= end)
        .map((t) => `${(t.startTime - state.enterAt).toFixed(0)} ms after Enter: ${t.duration.toFixed(0)} ms`);
      resolve({ ms, longTasks, longFrames, longFrameDetails, longTaskDetails, chars: last?.textContent?.length ?? 0 });
    };
    const check = () => {
      const now = g.performance.now();
      const answers = g.document.querySelectorAll('article[aria-label="Answer"]');
      const last = answers.length > 0 ? answers[answers.length - 1] : undefined;
      const images = last ? Array.from(last.querySelectorAll('img')) : [];
      if (images.some((img) => img.complete && (img.naturalWidth ?? 0) > 0)) {
        // The next frame starts once this one, with the picture, is on screen.
        g.requestAnimationFrame(() => finish(g.performance.now() - state.enterAt));
        return;
      }
      if (state.enterAt > 0 && now - state.enterAt > timeoutMs) return finish(null);
      g.requestAnimationFrame(check);
    };
    g.requestAnimationFrame(check);
  });
}

/** Waits, one check per frame, until the last turn on screen holds `marker`; times it from the last click. */
export function waitForMarker({ marker, timeoutMs }: { marker: string; timeoutMs: number }): Promise<number | null> {
  const g = globalThis as unknown as PageGlobals;
  const state = g.__holstBench!;
  return new Promise((resolve) => {
    const check = () => {
      const last = g.document.querySelector('.chat-turns')?.lastElementChild;
      if (last?.textContent?.includes(marker)) {
        g.requestAnimationFrame(() => resolve(g.performance.now() - state.clickAt));
        return;
      }
      if (g.performance.now() - state.clickAt > timeoutMs) return resolve(null);
      g.requestAnimationFrame(check);
    };
    g.requestAnimationFrame(check);
  });
}

export interface ScrollRun {
  frames: number[];
  /** How far it went, and the box's height when it ended. */
  distance: number;
  scrollHeight: number;
}

/** Scrolls `selector` up from the bottom `step` px per animation frame, `count` frames or to the top. */
export function scrollUpByFrames({ selector, step, count }: { selector: string; step: number; count: number }): Promise<ScrollRun> {
  const g = globalThis as unknown as PageGlobals;
  const box = g.document.querySelector(selector);
  if (!box) throw new Error(`no ${selector} on the page`);
  box.scrollTop = box.scrollHeight;
  return new Promise((resolve) => {
    const frames: number[] = [];
    let last = 0;
    let distance = 0;
    const tick = (now: number) => {
      if (last > 0) frames.push(now - last);
      last = now;
      if (frames.length >= count || (frames.length > 0 && box.scrollTop <= 0)) {
        resolve({ frames, distance, scrollHeight: box.scrollHeight });
        return;
      }
      const before = box.scrollTop;
      box.scrollTop = before - step;
      distance += Math.max(0, before - box.scrollTop);
      g.requestAnimationFrame(tick);
    };
    g.setTimeout(() => g.requestAnimationFrame(() => g.requestAnimationFrame(tick)), 500);
  });
}

export interface PlainMessage {
  role: 'user' | 'assistant';
  text: string;
  imageIds: number[];
  /** The answer's Markdown rendered to HTML (react-markdown with GFM), for the Markdown variant of the list. */
  html?: string;
}

/**
 * Replaces the page with a plain-DOM list of the conversation's messages in a box of the chat's
 * size: each paragraph a <p> (the text as it is, no Markdown), each picture an <img> of the
 * answer's preview by the same URL at the chat's size.
 * - `stylesheet`: the answers as their Markdown's HTML (`html`, set once per message, no script
 *   per element) in a `.md` box, styled by this stylesheet (the app's): what showing the same
 *   answers costs the DOM itself, without React or a turn's buttons and bars.
 * - `virtual`: a minimal hand-written virtualized list, the way the chat renders: only the
 *   messages within 800 px of the view in the DOM, the rest two spacers of their heights
 *   (measured once rendered, estimated before), the browser's scroll anchoring keeping the view.
 * - otherwise every message at once, nothing rendered or measured by script while it scrolls.
 */
export function mountPlainList({
  messages,
  box: rect,
  virtual,
  stylesheet,
}: {
  messages: PlainMessage[];
  box: { left: number; top: number; width: number; height: number };
  virtual: boolean;
  stylesheet?: string;
}): void {
  const { document } = globalThis as unknown as PageGlobals;
  document.body.replaceChildren();
  if (stylesheet) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = stylesheet;
    document.head.append(link);
  }
  document.body.style.margin = '0';
  document.body.style.font = '15px/1.55 system-ui, sans-serif';
  const box = document.createElement('div');
  box.className = 'plain-scroller';
  Object.assign(box.style, {
    position: 'absolute',
    left: `${rect.left}px`,
    top: `${rect.top}px`,
    width: `${rect.width}px`,
    height: `${rect.height}px`,
    overflowY: 'auto',
    padding: '20px 24px 12px',
    boxSizing: 'border-box',
  });
  const list = document.createElement('div');
  Object.assign(list.style, { maxWidth: '860px', margin: '0 auto' });
  box.append(list);
  document.body.append(box);
  const GAP = 24;
  const make = (index: number): PageElement => {
    const item = document.createElement('div');
    item.style.marginBottom = `${GAP}px`;
    const message = messages[index]!;
    if (stylesheet && message.html !== undefined) {
      const body = document.createElement('div');
      body.className = 'message-body md';
      body.innerHTML = message.html;
      item.append(body);
    } else
      for (const paragraph of message.text.split(/\n{2,}/)) {
        const p = document.createElement('p');
        p.style.whiteSpace = 'pre-wrap';
        p.style.margin = '0 0 10px';
        p.append(paragraph);
        item.append(p);
      }
    for (const id of message.imageIds) {
      const image = document.createElement('img');
      image.src = `/media/preview/${id}`;
      image.alt = '';
      image.decoding = 'async';
      Object.assign(image.style, {
        display: 'block',
        maxWidth: 'min(100%, 440px)',
        maxHeight: '440px',
        minWidth: '96px',
        minHeight: '96px',
      });
      item.append(image);
    }
    return item;
  };
  if (!virtual) {
    for (let i = 0; i < messages.length; i++) list.append(make(i));
    return;
  }
  const before = document.createElement('div');
  const after = document.createElement('div');
  list.append(before, after);
  const heights = messages.map((m) => 60 + Math.ceil(m.text.length / 90) * 24 + m.imageIds.length * 450);
  const shown = new Map<number, PageElement>();
  const place = () => {
    const top = box.scrollTop;
    let offset = 0;
    let start = -1;
    let end = messages.length;
    const offsets: number[] = [];
    for (let i = 0; i < messages.length; i++) {
      offsets.push(offset);
      if (start < 0 && offset + heights[i]! + GAP > top - 800) start = i;
      if (offset > top + rect.height + 800) {
        end = i;
        break;
      }
      offset += heights[i]! + GAP;
    }
    start = Math.max(0, start);
    for (const [index, item] of shown) {
      if (index < start || index >= end) {
        list.removeChild(item);
        shown.delete(index);
      }
    }
    for (let i = start; i < end; i++) {
      if (shown.has(i)) continue;
      const item = make(i);
      let next: PageElement = after;
      for (let j = i + 1; j < end; j++) {
        const found = shown.get(j);
        if (found) {
          next = found;
          break;
        }
      }
      list.insertBefore(item, next);
      shown.set(i, item);
    }
    before.style.height = `${offsets[start] ?? 0}px`;
    let below = 0;
    for (let i = end; i < messages.length; i++) below += heights[i]! + GAP;
    after.style.height = `${below}px`;
    // Keep measured heights.
    for (const [index, item] of shown) heights[index] = item.offsetHeight;
  };
  box.addEventListener('scroll', place, { passive: true });
  box.scrollTop = 1e9;
  place();
  box.scrollTop = 1e9;
  place();
}

/** How many elements the box holds now. */
export function countElements(selector: string): number {
  const { document } = globalThis as unknown as PageGlobals;
  return document.querySelectorAll(`${selector} *`).length;
}

/** Where the chat's scroll box is on the page. */
export function chatBox(selector: string): { left: number; top: number; width: number; height: number } {
  const { document } = globalThis as unknown as PageGlobals;
  const box = document.querySelector(selector);
  if (!box) throw new Error(`no ${selector} on the page`);
  const { left, top, width, height } = box.getBoundingClientRect();
  return { left, top, width, height };
}
