/**
 * A conversation's messages as turns (a prompt with its answers), and the picture a follow-up goes
 * on from: the same rule in the window (the source chip) and in the core (a prompt that waited for
 * the answer above it).
 */
import type { Message } from './library';
import { turnMarks, type TurnMarks } from './turn-marks';

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
 * one (the version the user is looking at, where a prompt has several; else the one chosen with
 * "Continue with this", and among candidates the picture chosen). `gone` leaves out pictures that
 * can no longer be sent (moved to the trash).
 */
export function lastPicture(
  messages: readonly Message[],
  versionChoice: Record<number, number>,
  gone: (imageId: number) => boolean = () => false,
): number | null {
  const turns = toTurns(messages);
  for (let t = turns.length - 1; t >= 0; t--) {
    const { user, answers } = turns[t]!;
    const marks: TurnMarks = user ? turnMarks(user.request) : {};
    const choice = user ? (versionChoice[user.id] ?? marks.chosen) : undefined;
    const shown = answers.find((a) => a.id === choice) ?? answers.at(-1);
    if (shown?.status !== 'complete') continue;
    const picked = marks.chosenImage !== undefined && shown.id === marks.chosen && shown.imageIds.includes(marks.chosenImage);
    const id = picked ? marks.chosenImage : shown.imageIds.find((imageId) => !gone(imageId));
    if (id !== undefined && !gone(id)) return id;
  }
  return null;
}

/** The answer of a prompt that goes into the history: the one chosen with "Continue with this" if it is complete, else the newest complete. */
export function historyAnswer(user: Message, answers: readonly Message[]): Message | undefined {
  const complete = answers.filter((a) => a.status === 'complete');
  const chosen = turnMarks(user.request).chosen;
  return (
    complete.find((a) => a.id === chosen) ??
    complete.reduce<Message | undefined>((newest, a) => (!newest || a.id > newest.id ? a : newest), undefined)
  );
}
