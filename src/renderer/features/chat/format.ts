import type { Conversation, Message } from '../../../shared/library';

/** A conversation's own title; null while it has none (the window calls it "New chat"). */
export const conversationTitle = (conversation: Pick<Conversation, 'title'> | null | undefined): string | null =>
  conversation?.title.trim() || null;

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

/** The parameters a user message asked for (name and value), in the order it gave them. */
export function requestParams(request: Message['request']): Array<[name: string, value: string]> {
  const params = request?.params;
  if (!params || typeof params !== 'object') return [];
  return Object.entries(params as Record<string, unknown>)
    .filter(([, value]) => typeof value === 'string' || typeof value === 'number')
    .map(([key, value]) => [key, String(value)]);
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
