import type { Message } from '../../../../shared/library';
import { i18n } from '../../../i18n';
import { formatDuration, formatNumber } from '../../../i18n/format';

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

/** "175 tokens" / "175 токенов". */
export const formatTokens = (tokens: number): string => i18n.t('chat:tokens', { count: tokens, value: formatNumber(tokens) });

/**
 * The filled parts of a cost, in reading order; no images is left out like an unknown. One answer's
 * time reads "made in 5.2 s": the one line left of whatever the provider said while it worked.
 */
export function costParts(cost: Cost, options: { oneAnswer?: boolean } = {}): string[] {
  const duration = cost.elapsedMs !== null ? formatDuration(cost.elapsedMs) : null;
  return [
    cost.tokens !== null ? formatTokens(cost.tokens) : null,
    duration !== null && options.oneAnswer ? i18n.t('chat:answer.madeIn', { duration }) : duration,
    cost.images > 0 ? i18n.t('imageCount', { count: cost.images }) : null,
  ].filter((part): part is string => part !== null);
}

/** The token split, for a tooltip: "Prompt 25 · answer 150 tokens". */
export function usageDetail(usage: Message['usage']): string | undefined {
  if (usage?.promptTokens === undefined || usage.completionTokens === undefined) return undefined;
  return i18n.t('chat:answer.usage', {
    count: usage.completionTokens,
    prompt: formatNumber(usage.promptTokens),
    completion: formatNumber(usage.completionTokens),
  });
}
