import type { Conversation, Message } from '../../../shared/library';

/** What a conversation is called in the list and the header. */
export const conversationTitle = (conversation: Pick<Conversation, 'title'> | null | undefined): string =>
  conversation?.title.trim() || 'New chat';

const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const day = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const dayYear = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** Today: the time; this year: the day; older: the full date. */
export function shortDate(ms: number, now = Date.now()): string {
  const date = new Date(ms);
  const today = new Date(now);
  if (date.toDateString() === today.toDateString()) return time.format(date);
  if (date.getFullYear() === today.getFullYear()) return day.format(date);
  return dayYear.format(date);
}

export function formatElapsed(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/** Answers grouped under the prompt they answer (a prompt answered again has several versions). */
export interface Turn {
  key: number;
  user: Message | null;
  answers: Message[];
}

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
  const turns: Turn[] = [];
  for (const m of messages) {
    if (m.role === 'user') turns.push({ key: m.id, user: m, answers: answers.get(m.id) ?? [] });
    else if (m.role === 'assistant' && (m.replyTo === null || !userIds.has(m.replyTo))) turns.push({ key: m.id, user: null, answers: [m] });
  }
  return turns;
}

/** The parameters a user message asked for, as "n 2 · size 1024x1024". */
export function requestSummary(request: Message['request']): string | null {
  const params = request?.params;
  if (!params || typeof params !== 'object') return null;
  const parts = Object.entries(params as Record<string, unknown>)
    .filter(([, value]) => typeof value === 'string' || typeof value === 'number')
    .map(([key, value]) => `${key} ${String(value)}`);
  return parts.length > 0 ? parts.join(' · ') : null;
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
