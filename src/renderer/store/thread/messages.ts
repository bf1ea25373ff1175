import type { Message } from '../../../shared/library';

/** `messages` with `more` joined in (those it already holds are kept as they are), in id order. */
export function withMessages(messages: readonly Message[], more: readonly Message[]): Message[] {
  const have = new Set(messages.map((m) => m.id));
  return [...messages, ...more.filter((m) => !have.has(m.id))].sort((a, b) => a.id - b.id);
}
