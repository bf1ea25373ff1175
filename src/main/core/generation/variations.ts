import type * as z from 'zod';
import type { ChatStarted, GenerateParamsSchema } from '../../../shared/generation';
import type { Message } from '../../../shared/library';
import type { CoreServices } from '../services';
import { picturesOf, withN } from './batch';

type Params = z.output<typeof GenerateParamsSchema>;

/** One answer started: its job and its message. */
export type StartedAnswer = Omit<ChatStarted, 'more' | 'userMessage'> & { userMessage: Message };

/** One provider's part of a "×N": its answers so far, and what it takes to ask for the rest. */
export interface Batch {
  userMessageId: number;
  providerId: string;
  model: string;
  want: number;
  perRequest: number;
  params: Params;
  generationIds: string[];
  answerIds: number[];
}

export interface VariationsDeps extends Pick<CoreServices, 'conversations' | 'events' | 'logger'> {
  /** Resolves when a job of this process ends; undefined once it has. */
  done(generationId: string): Promise<unknown> | undefined;
  /** Starts one more answer of a prompt, through the queue. */
  start(user: Message, providerId: string, model: string, params: Params): StartedAnswer;
}

/**
 * The variations ("×N") of this process still being made, by prompt: each provider's part. Once
 * every job of a part has ended, where the provider returned fewer pictures than asked (and every
 * request ended complete), one more request asks for the rest, at most N requests in all.
 * Kept in memory: after a restart a short set stays short (README, known limits).
 */
export class Variations {
  private readonly batches = new Map<number, Batch[]>();

  constructor(private readonly deps: VariationsDeps) {}

  /** A new part; its answers are followed with `track`. */
  open(batch: Omit<Batch, 'generationIds' | 'answerIds'>): Batch {
    const part: Batch = { ...batch, generationIds: [], answerIds: [] };
    this.batches.set(batch.userMessageId, [...(this.batches.get(batch.userMessageId) ?? []), part]);
    return part;
  }

  /** The generations of a prompt's variations so far, further requests included. */
  generations(userMessageId: number): string[] {
    return (this.batches.get(userMessageId) ?? []).flatMap((batch) => batch.generationIds);
  }

  track(batch: Batch, answer: StartedAnswer): void {
    batch.generationIds.push(answer.generationId);
    batch.answerIds.push(answer.assistantMessage.id);
    void this.deps.done(answer.generationId)?.then(() => this.topUp(batch));
  }

  private topUp(batch: Batch): void {
    if (batch.generationIds.some((id) => this.deps.done(id) !== undefined)) return;
    const { conversations, events, logger } = this.deps;
    try {
      if (!conversations.isOpen) return this.ended(batch);
      const answers = batch.answerIds.map((id) => conversations.requireMessage(id));
      const have = picturesOf(answers).length;
      if (answers.some((a) => a.status !== 'complete') || have >= batch.want || answers.length >= batch.want) return this.ended(batch);
      const n = batch.perRequest > 0 ? Math.min(batch.want - have, batch.perRequest) : undefined;
      const user = conversations.requireMessage(batch.userMessageId);
      const answer = this.deps.start(user, batch.providerId, batch.model, withN(batch.params, n));
      // A window learns of the new answer from its `started` event.
      events.emit('generation.event', {
        type: 'started',
        generationId: answer.generationId,
        conversationId: user.conversationId,
        messageId: answer.assistantMessage.id,
        userMessage: user,
        assistantMessage: answer.assistantMessage,
      });
      this.track(batch, answer);
    } catch (error) {
      logger.error('the rest of a set of variations could not be asked for', error);
      this.ended(batch);
    }
  }

  private ended(batch: Batch): void {
    const left = (this.batches.get(batch.userMessageId) ?? []).filter((b) => b !== batch);
    if (left.length > 0) this.batches.set(batch.userMessageId, left);
    else this.batches.delete(batch.userMessageId);
  }
}
