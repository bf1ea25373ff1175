/** The app's queue store (store.ts), built with the page's bridge and frames. */
import { holst } from '../../bridge';
import { pageClock } from '../../lib/frame-batch';
import { createQueueStore } from './store';

/** The generation queue: its jobs in order, the count of those waiting or running, paused or not. */
export const useQueue = createQueueStore({ bridge: holst, clock: pageClock() });
