// Code the queue benchmark runs inside the page (through page.evaluate, so each function stands
// alone): the queue panel's open time, its Show more, the prompt box emptied after a send, and the
// long tasks seen since a moment (installProbe in stream-page.ts records them).

interface QueueElement {
  click(): void;
  textContent: string | null;
  value?: string;
}
interface QueuePage {
  document: {
    querySelector(selector: string): QueueElement | null;
    querySelectorAll(selector: string): ArrayLike<QueueElement>;
  };
  performance: { now(): number };
  requestAnimationFrame(callback: () => void): number;
  __holstBench?: { longTasks: Array<{ startTime: number; duration: number }>; longFrames: Array<{ startTime: number; duration: number }> };
}

/**
 * Clicks the main menu's Queue and answers the time (ms) from the click to the first frame after
 * the panel shows its rows (or its empty note); the panel is then closed by the same button.
 */
export function timePanelOpen({ timeoutMs }: { timeoutMs: number }): Promise<{ ms: number; rows: number }> {
  const g = globalThis as unknown as QueuePage;
  const button = g.document.querySelector('nav.sidebar .queue-button');
  if (!button) throw new Error('no Queue button in the main menu');
  if (g.document.querySelector('.queue-panel')) button.click();
  const started = g.performance.now();
  button.click();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (g.document.querySelector('.queue-panel .queue-row, .queue-panel .queue-empty')) {
        g.requestAnimationFrame(() => {
          const ms = g.performance.now() - started;
          const rows = g.document.querySelectorAll('.queue-panel .queue-row').length;
          button.click();
          resolve({ ms, rows });
        });
        return;
      }
      if (g.performance.now() - started > timeoutMs) return reject(new Error('the queue panel did not open'));
      g.requestAnimationFrame(check);
    };
    check();
  });
}

/** With the panel open, clicks Show more until every job the core keeps is listed; answers the rows shown then. */
export function showEveryJob({ timeoutMs }: { timeoutMs: number }): Promise<number> {
  const g = globalThis as unknown as QueuePage;
  const started = g.performance.now();
  let quiet = 0;
  return new Promise((resolve, reject) => {
    const step = () => {
      const more = g.document.querySelector('.queue-panel .queue-more button');
      if (more) {
        quiet = 0;
        more.click();
      } else if (++quiet > 30) return resolve(g.document.querySelectorAll('.queue-panel .queue-row').length);
      if (g.performance.now() - started > timeoutMs) return reject(new Error('Show more did not end'));
      g.requestAnimationFrame(step);
    };
    step();
  });
}

/** Waits (a check a frame) until the prompt box is empty again: the prompt was taken. */
export function waitForEmptyPrompt({ timeoutMs }: { timeoutMs: number }): Promise<void> {
  const g = globalThis as unknown as QueuePage;
  const started = g.performance.now();
  return new Promise((resolve, reject) => {
    const check = () => {
      if ((g.document.querySelector('textarea.prompt')?.value ?? '') === '') return resolve();
      if (g.performance.now() - started > timeoutMs) return reject(new Error('the prompt was not sent'));
      g.requestAnimationFrame(check);
    };
    check();
  });
}

/** Now, on the page's clock. */
export function pageNow(): number {
  return (globalThis as unknown as QueuePage).performance.now();
}

/** The long tasks and long animation frames (their durations, ms) that began at or after `from`. */
export function longSince({ from }: { from: number }): { tasks: number[]; frames: number[] } {
  const state = (globalThis as unknown as QueuePage).__holstBench;
  if (!state) throw new Error('no probe installed');
  return {
    tasks: state.longTasks.filter((t) => t.startTime >= from).map((t) => t.duration),
    frames: state.longFrames.filter((t) => t.startTime >= from).map((t) => t.duration),
  };
}

/** How many of the queue's jobs the badge counts now (0 when it shows none). */
export function badgeCount(): number {
  const text = (globalThis as unknown as QueuePage).document.querySelector('nav.sidebar .queue-count')?.textContent ?? '';
  const digits = text.replace(/\D/g, '');
  return digits === '' ? 0 : Number(digits);
}
