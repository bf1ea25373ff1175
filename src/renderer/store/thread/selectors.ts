/** What the chat's views read from the thread, as selectors (stable values, so a stream re-renders only what shows it). */
import type { LiveGeneration } from './live-generations';
import type { ThreadState } from './store';

export { runningConversationIds } from './live-generations';

/** The generations being written in the open conversation (Stop and Esc), not their text. */
export const runningHere = (s: ThreadState): string[] =>
  Object.values(s.live).flatMap((g) => (g.conversationId === s.currentId ? [g.generationId] : []));

/** The generation writing message `messageId`, if one is. */
export const liveFor =
  (messageId: number) =>
  (s: ThreadState): LiveGeneration | undefined =>
    Object.values(s.live).find((g) => g.messageId === messageId);
