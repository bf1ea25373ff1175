import type { Message } from '../../../../shared/library';

/** What one answer cost, or a conversation's answers together; null where nothing was reported. */
export interface Cost {
  tokens: number | null;
  elapsedMs: number | null;
  images: number;
}

/** The provider's token count: its total, else prompt plus completion; null when it reported none. */
export function tokensOf(usage: Message['usage']): number | null {
  if (!usage) return null;
  if (usage.totalTokens !== undefined) return usage.totalTokens;
  if (usage.promptTokens === undefined && usage.completionTokens === undefined) return null;
  return (usage.promptTokens ?? 0) + (usage.completionTokens ?? 0);
}

export function answerCost(message: Pick<Message, 'usage' | 'elapsedMs' | 'imageIds'>): Cost {
  return { tokens: tokensOf(message.usage), elapsedMs: message.elapsedMs, images: message.imageIds.length };
}

/** The conversation's assistant messages summed; a field stays null when no answer reported it. */
export function conversationCost(messages: readonly Message[]): Cost {
  const total: Cost = { tokens: null, elapsedMs: null, images: 0 };
  for (const message of messages) {
    if (message.role !== 'assistant') continue;
    const cost = answerCost(message);
    if (cost.tokens !== null) total.tokens = (total.tokens ?? 0) + cost.tokens;
    if (cost.elapsedMs !== null) total.elapsedMs = (total.elapsedMs ?? 0) + cost.elapsedMs;
    total.images += cost.images;
  }
  return total;
}

const count = new Intl.NumberFormat(undefined);

/** "12.4 s" under a minute, "1 min 05 s" above, "1 h 02 min" above an hour. */
export function formatDuration(ms: number): string {
  if (ms < 59_950) return `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

export const formatTokens = (tokens: number) => `${count.format(tokens)} ${tokens === 1 ? 'token' : 'tokens'}`;
export const formatImages = (images: number) => `${count.format(images)} ${images === 1 ? 'image' : 'images'}`;

/** The filled parts of a cost, in reading order; no images is left out like an unknown. */
export function costParts(cost: Cost): string[] {
  return [
    cost.tokens !== null ? formatTokens(cost.tokens) : null,
    cost.elapsedMs !== null ? formatDuration(cost.elapsedMs) : null,
    cost.images > 0 ? formatImages(cost.images) : null,
  ].filter((part): part is string => part !== null);
}

/** The token split, for a tooltip: "Prompt 25 · answer 150 tokens". */
export function usageDetail(usage: Message['usage']): string | undefined {
  if (usage?.promptTokens === undefined || usage.completionTokens === undefined) return undefined;
  return `Prompt ${count.format(usage.promptTokens)} · answer ${count.format(usage.completionTokens)} tokens`;
}
