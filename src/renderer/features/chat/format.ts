import type { Conversation, Message } from '../../../shared/library';

/** A conversation's own title; null while it has none (the window calls it "New chat"). */
export const conversationTitle = (conversation: Pick<Conversation, 'title'> | null | undefined): string | null =>
  conversation?.title.trim() || null;

/** The parameters a user message asked for (name and value), in the order it gave them. */
export function requestParams(request: Message['request']): Array<[name: string, value: string]> {
  const params = request?.params;
  if (!params || typeof params !== 'object') return [];
  return Object.entries(params as Record<string, unknown>)
    .filter(([, value]) => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    .map(([key, value]) => [key, String(value)]);
}
