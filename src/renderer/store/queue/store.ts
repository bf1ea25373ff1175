/**
 * The generation queue as the window shows it (the badge and the queue panel): fed by `queue.list`
 * once and then by `queue.changed`, whose bursts (a hundred jobs starting and ending) are applied
 * once a frame at most, as one update. Cancel, move, pause and resume go to the core, whose
 * `queue.changed` then says what became of them.
 */
import { create } from 'zustand';
import type { HolstApi } from '../../../shared/contract';
import type { QueueChanged } from '../../../shared/queue';
import { unwrap } from '../../bridge';
import { errorText } from '../../i18n/errors';
import { FrameBatch, type FrameClock } from '../../lib/frame-batch';
import { applyChanges, fromList, NO_JOBS, type QueueJobs } from './jobs';

/** Ended jobs the window asks for and keeps at first; Show more asks for this many more each time. */
export const HISTORY_PAGE = 50;
/** The most ended jobs `queue.list` gives. */
export const HISTORY_MAX = 1000;

export interface QueueState extends QueueJobs {
  paused: boolean;
  /** The first list has arrived (or failed). */
  loaded: boolean;
  /** How many ended jobs are listed at most; Show more raises it. */
  historyLimit: number;
  /** The core may have ended jobs beyond those listed. */
  moreHistory: boolean;
  /** The last action the core refused, or a list that failed, as a sentence (null: none). */
  error: string | null;

  /** Follows `queue.changed` and lists the queue (once). */
  init(): Promise<void>;
  /** Lists the queue again (its open jobs and `historyLimit` ended ones). */
  load(): Promise<void>;
  showMore(): Promise<void>;
  cancel(generationId: string): Promise<void>;
  move(generationId: string, direction: 'up' | 'down'): Promise<void>;
  setPaused(paused: boolean): Promise<void>;
}

export interface QueueDeps {
  bridge: HolstApi;
  /** The clock `queue.changed` bursts wait on (the page's frames in the app). */
  clock: FrameClock;
}

export function createQueueStore({ bridge, clock }: QueueDeps) {
  return create<QueueState>()((set, get) => {
    let initialized: Promise<void> | null = null;
    let listTicket = 0;
    let listingMore = false;

    const applyBurst = (changes: QueueChanged[]) => {
      const state = get();
      const jobs = applyChanges(state, changes, state.historyLimit);
      const paused = changes.at(-1)!.paused;
      if (jobs === state && paused === state.paused) return;
      set({ ...jobs, paused });
    };
    // Every change is applied at the next frame, never more than once a frame.
    const pending = new FrameBatch<QueueChanged>(applyBurst, () => true, clock);

    const act = async (request: () => Promise<unknown>) => {
      set({ error: null });
      try {
        await request();
      } catch (error) {
        set({ error: errorText(error) });
      }
    };

    return {
      ...NO_JOBS,
      paused: false,
      loaded: false,
      historyLimit: HISTORY_PAGE,
      moreHistory: false,
      error: null,

      init() {
        initialized ??= (async () => {
          bridge.on('queue.changed', (change) => pending.push(change));
          await get().load();
        })();
        return initialized;
      },

      async load() {
        const ticket = ++listTicket;
        const limit = get().historyLimit;
        try {
          const view = await unwrap(bridge.queue.list({ limit }));
          if (ticket !== listTicket) return;
          // Changes that arrived before this answer were sent before it: the list already holds them.
          pending.flush();
          const ended = view.jobs.filter((job) => job.state !== 'queued' && job.state !== 'running').length;
          const jobs = fromList(view.jobs, limit, get().byId);
          set({ ...jobs, paused: view.paused, loaded: true, moreHistory: ended >= limit && limit < HISTORY_MAX });
        } catch (error) {
          if (ticket === listTicket) set({ loaded: true, error: errorText(error) });
        }
      },

      async showMore() {
        const limit = Math.min(HISTORY_MAX, get().historyLimit + HISTORY_PAGE * 2);
        if (limit === get().historyLimit) return;
        set({ historyLimit: limit });
        // A list already on its way asks again for the new limit when it ends (a quick second
        // Show more must not throw away the first one's answer).
        if (listingMore) return;
        listingMore = true;
        try {
          let asked: number;
          do {
            asked = get().historyLimit;
            await get().load();
          } while (get().historyLimit > asked);
        } finally {
          listingMore = false;
        }
      },

      cancel: (generationId) => act(() => unwrap(bridge.queue.cancel({ generationId }))),
      move: (generationId, direction) => act(() => unwrap(bridge.queue.move({ generationId, direction }))),
      setPaused: (paused) =>
        act(async () => {
          const result = await unwrap(paused ? bridge.queue.pause() : bridge.queue.resume());
          set({ paused: result.paused });
        }),
    };
  });
}

export type QueueStore = ReturnType<typeof createQueueStore>;
