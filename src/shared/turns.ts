/**
 * A conversation's messages as turns (a prompt with its answers), and the picture a follow-up goes
 * on from: the same rule in the window (the source chip) and in the core (a prompt that waited for
 * the answer above it).
 */
import type { Message } from './library';

/** Answers grouped under the prompt they answer (a prompt answered again has several versions). */
export interface Turn {
  key: number;
  user: Message | null;
  answers: Message[];
}

/** An answer stopped before any text or picture arrived. */
export const isEmptyStop = (m: Message): boolean => m.status === 'cancelled' && m.text.trim() === '' && m.imageIds.length === 0;

export function toTurns(messages: readonly Message[]): Turn[] {
  const userIds = new Set(messages.filter((m) => m.role === 'user').map((m) => m.id));
  const answers = new Map<number, Message[]>();
  for (const m of messages) {
    if (m.role === 'assistant' && m.replyTo !== null && userIds.has(m.replyTo)) {
      const list = answers.get(m.replyTo) ?? [];
      list.push(m);
      answers.set(m.replyTo, list);
    }
  }
  // An answer stopped before anything arrived is not a version beside another answer: it is left out.
  for (const [replyTo, list] of answers) {
    const kept = list.filter((m) => !isEmptyStop(m));
    if (kept.length > 0 && kept.length < list.length) answers.set(replyTo, kept);
  }
  const turns: Turn[] = [];
  for (const m of messages) {
    if (m.role === 'user') turns.push({ key: m.id, user: m, answers: answers.get(m.id) ?? [] });
    else if (m.role === 'assistant' && (m.replyTo === null || !userIds.has(m.replyTo))) turns.push({ key: m.id, user: null, answers: [m] });
  }
  return turns;
}

/**
 * The picture a follow-up goes on from: the first image of the newest finished answer that has
 * one (the version the user is looking at, where a prompt has several).
 */
export function lastPicture(messages: readonly Message[], versionChoice: Record<number, number>): number | null {
  const turns = toTurns(messages);
  for (let t = turns.length - 1; t >= 0; t--) {
    const { user, answers } = turns[t]!;
    const choice = user ? versionChoice[user.id] : undefined;
    const shown = answers.find((a) => a.id === choice) ?? answers.at(-1);
    const id = shown?.status === 'complete' ? shown.imageIds[0] : undefined;
    if (id !== undefined) return id;
  }
  return null;
}
