import { randomUUID } from 'node:crypto';
import { say } from '../../../shared/core-messages';
import { HolstError } from '../../../shared/errors';
import { ChatCandidatesSchema, ChatChooseSchema, ChatSendSchema, GenerateParamsSchema, type ChatStarted } from '../../../shared/generation';
import type { Message } from '../../../shared/library';
import type { z } from 'zod';
import { lastPicture } from '../../../shared/turns';
import type { JobStore } from '../queue/job-store';
import { GenerationQueue, type QueueOptions } from '../queue/generation-queue';
import { answerAsk, picturesPerRequest, requestPlan, withN } from './batch';
import { chooseAnswer, updateCandidates, type CandidatesState } from './candidates';
import { conversationTurns } from './history';
import { requestedImage, requestedMask } from './input-images';
import { prepareGeneration } from './prepare';
import { readStoredRequest, titleOf, type StoredRequest } from './stored-request';
import { Variations, type StartedAnswer } from './variations';
import { runChatJob, type ChatServiceDeps, type GenerationOutcome } from './run-chat-job';

export type { ChatServiceDeps, GenerationOutcome } from './run-chat-job';

type SendInput = z.output<typeof ChatSendSchema>;

/** How long deleting a conversation waits for its running answers to stop before it goes ahead. */
const DELETE_WAIT_MS = 5000;

/** Where the queue's jobs are kept, and whether a paused queue holds them (not in the CLI). */
export interface ChatQueueOptions extends QueueOptions {
  jobs: JobStore;
}

type Params = z.output<typeof GenerateParamsSchema>;
/**
 * Generation inside conversations, for the app's windows: a prompt becomes a user message and an
 * assistant answer that is saved while it streams; every step is pushed as a `generation.event`,
 * images are linked to the answer as soon as they land in the library, and the answer always
 * ends in one `finished` event, whatever happens (done, stopped, failed).
 */
export class ChatService {
  /** Every generation goes through it: it starts each when the limits and the conversation's order allow. */
  readonly queue: GenerationQueue<GenerationOutcome>;
  /** Variations of this process still being made. */
  private readonly variations: Variations;

  constructor(
    private readonly core: ChatServiceDeps,
    options: ChatQueueOptions,
  ) {
    this.queue = new GenerationQueue(
      { ...core, db: options.jobs },
      (run) => runChatJob({ core, queue: this.queue, prepare: (...args) => this.prepare(...args) }, run),
      options,
    );
    this.variations = new Variations({
      ...core,
      done: (generationId) => this.queue.done(generationId),
      start: (user, providerId, model, params) => this.start(user, providerId, model, false, params),
    });
  }

  /**
   * Sends a prompt: one answer, or with `count` (variations) and `compare` (fan-out) one job per
   * request and provider, every answer a version of the same prompt. What each answer was asked
   * with beyond the prompt's own request is kept on the answer (`request.ask`), for Retry too.
   */
  send(input: SendInput): ChatStarted {
    const { conversations } = this.core;
    const shared = {
      ...(input.system ? { system: input.system } : {}),
      ...(input.maskId !== undefined ? { maskId: input.maskId } : {}),
      ...(input.singleTurn ? { singleTurn: true } : {}),
    };
    const targets = [{ providerId: input.providerId, model: input.model, params: input.params }, ...(input.compare ?? [])].map(
      (target) => ({
        ...target,
        ...this.check(target.providerId, target.model, input.prompt, input.imageIds, { ...shared, params: target.params }),
      }),
    );
    const twice = targets.find((t, i) => targets.findIndex((o) => o.providerId === t.providerId && o.model === t.model) !== i);
    if (twice) throw HolstError.said('invalid_input', say('fanOutTwice', { provider: twice.providerId }), { field: 'compare' });
    const count = input.count ?? 1;
    const plans = targets.map((target) => {
      const config = this.core.settings.get().providers.find((p) => p.id === target.providerId);
      const perRequest = config ? picturesPerRequest(config.kind, target.model, this.core.settings.get().modelCatalogue) : 0;
      // Without a count, the prompt asks what its settings say (their `n` too).
      const plan =
        input.count !== undefined ? requestPlan(count, perRequest).map((n) => withN(target.request.params, n)) : [target.request.params];
      return { target, perRequest, plan };
    });
    const conversation =
      input.conversationId !== undefined ? conversations.require(input.conversationId) : conversations.create(titleOf(input.prompt));
    const first = plans[0]!;
    const user = conversations.addMessage({
      conversationId: conversation.id,
      role: 'user',
      text: input.prompt,
      provider: input.providerId,
      model: first.target.model,
      // Retry asks again for what the first request asked.
      request: {
        ...first.target.request,
        params: first.plan[0]!,
        ...(count > 1 ? { count } : {}),
        ...(targets.length > 1 ? { fanOut: targets.map((t) => ({ provider: t.providerId, model: t.model })) } : {}),
      },
      imageIds: input.imageIds,
    });
    // With a mask the source is the picture it was painted on, whatever came since.
    const autoSource = input.autoSource === true && input.maskId === undefined;
    const started: StartedAnswer[] = [];
    for (const { target, perRequest, plan } of plans) {
      const batch =
        count > 1
          ? this.variations.open({
              userMessageId: user.id,
              providerId: target.providerId,
              model: target.model,
              want: count,
              perRequest,
              params: target.request.params,
            })
          : null;
      for (const params of plan) {
        const own = target === first.target && params === first.plan[0];
        const answer = this.start(user, target.providerId, target.model, autoSource, own ? undefined : params);
        started.push(answer);
        if (batch) this.variations.track(batch, answer);
      }
    }
    const [head, ...more] = started;
    return {
      ...head!,
      userMessage: conversations.requireMessage(user.id),
      ...(more.length > 0
        ? {
            more: more.map((m) => ({
              generationId: m.generationId,
              assistantMessage: m.assistantMessage,
              ...(m.waiting ? { waiting: true } : {}),
            })),
          }
        : {}),
    };
  }

  /**
   * Answers a user message again with what it asked for; the earlier answers stay as versions.
   * `singleTurn` (after a provider refused the history) is kept with the message, so later retries repeat it.
   * `like`: one of its answers (a fan-out's column, a candidate) to ask again as that one was asked: its provider, model and settings.
   */
  retry(messageId: number, singleTurn?: boolean, like?: number): ChatStarted {
    let user = this.core.conversations.requireMessage(messageId);
    if (user.role !== 'user') throw HolstError.said('invalid_input', say('retryNotPrompt', {}), { field: 'messageId' });
    const pattern = like !== undefined ? this.core.conversations.requireMessage(like) : null;
    if (pattern && pattern.replyTo !== user.id)
      throw HolstError.said('invalid_input', say('answerNotOfPrompt', { id: like! }), { field: 'like' });
    const provider = pattern?.provider ?? user.provider;
    if (!provider) throw HolstError.said('invalid_input', say('retryNoProvider', {}), { field: 'messageId' });
    const stored = readStoredRequest(user.request);
    const changed = singleTurn !== undefined && singleTurn !== (stored.singleTurn ?? false);
    if (changed && singleTurn) stored.singleTurn = true;
    if (changed && !singleTurn) delete stored.singleTurn;
    const ask = pattern ? answerAsk(pattern.request) : null;
    const { model } = this.check(provider, (pattern ? pattern.model : user.model) ?? undefined, user.text, user.imageIds, {
      ...stored,
      ...(ask ? { params: ask.params } : {}),
    });
    if (changed) user = this.core.conversations.updateRequest(user.id, { ...(user.request ?? {}), singleTurn: stored.singleTurn === true });
    // An earlier answer stopped before anything arrived is not kept as a version beside the new one.
    this.core.conversations.removeEmptyStops(user.id);
    return this.start(user, provider, model, false, ask?.params);
  }

  /** The generations of a prompt's variations so far, further requests included (the CLI waits for them all). */
  batchGenerations(userMessageId: number): string[] {
    return this.variations.generations(userMessageId);
  }

  /** Keeps, un-keeps or discards (to the library's trash) candidates of a prompt; says how they stand. */
  candidates(input: z.output<typeof ChatCandidatesSchema>): CandidatesState {
    return updateCandidates(this.core, input);
  }

  /** "Continue with this": the prompt's answer (and picture) the conversation goes on from. */
  choose(input: z.output<typeof ChatChooseSchema>): Message {
    return chooseAnswer(this.core, input);
  }

  /** Resolves when a generation of this process has ended (the CLI waits for its answer this way). */
  settled(generationId: string): Promise<GenerationOutcome | null> {
    const done = this.queue.done(generationId);
    if (!done) throw HolstError.said('not_found', say('generationNotRunning', { id: generationId }));
    return done;
  }

  /** Stops a generation: one waiting its turn is never sent, a running one is aborted. */
  cancel(generationId: string): void {
    this.queue.cancel(generationId, { quiet: true });
  }

  /**
   * Deletes a conversation, its jobs first: each waiting one ends cancelled without being sent, a
   * running one stops, and the deletion waits for them to end (at most DELETE_WAIT_MS), so nothing
   * is sent or written for a conversation that is gone. A job of another process (a `holst
   * generate`) sees its row go and stops at its next look.
   */
  async deleteConversation(id: number, options: { trashImages?: boolean } = {}): Promise<{ trashedImages: number }> {
    this.core.conversations.require(id);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tooLong = new Promise((resolve) => (timer = setTimeout(resolve, DELETE_WAIT_MS)));
    await Promise.race([this.queue.cancelConversation(id), tooLong]);
    clearTimeout(timer);
    return this.core.conversations.delete(id, options);
  }

  /** Generations waiting or running (a reloaded window picks them up). */
  list(): Array<{ generationId: string; conversationId: number; messageId: number }> {
    return this.queue.inProcess().map(({ generationId, conversationId, messageId }) => ({ generationId, conversationId, messageId }));
  }

  /** Stops everything (the app is quitting); running answers are then marked interrupted at the next start, queued ones run. */
  cancelAll(): void {
    this.queue.stopAll();
  }

  /** Everything that can be checked before a message is written: the provider, model, prompt, images, parameters. */
  private check(providerId: string, model: string | undefined, prompt: string, imageIds: number[], request: StoredRequest) {
    const { library } = this.core;
    const images = imageIds.map((id) => requestedImage(this.core, id));
    const mask = request.maskId !== undefined ? requestedMask(this.core, request.maskId) : undefined;
    const source = imageIds[0] !== undefined ? library.require(imageIds[0]) : undefined;
    const prepared = prepareGeneration(this.core, {
      providerId,
      model,
      prompt,
      system: request.system,
      images,
      mask: mask ? { bytes: new Uint8Array(), mime: 'image/png', name: `mask-${mask.id}.png`, maskId: mask.id } : undefined,
      params: request.params,
      maskSizes: mask && source ? { mask, source } : undefined,
    });
    return { model: prepared.model, request };
  }

  /**
   * Queues answering `user`. Within a conversation, prompts are answered in the order they were
   * sent: one sent while an earlier answer is still queued or being written waits for it, and then
   * goes with it in its history (and, with `autoSource`, from its picture), exactly as if sent after it.
   */
  private start(user: Message, providerId: string, model: string, autoSource: boolean, ask?: Params): StartedAnswer {
    const { conversations } = this.core;
    const answer = conversations.startStreaming(user.conversationId, providerId, model, { replyTo: user.id });
    if (ask) conversations.updateRequest(answer.id, { ask: { params: ask } });
    // As sent: a prompt that goes on from a picture the core picks says so in its `started` event.
    const userMessage = conversations.requireMessage(user.id);
    const assistantMessage = conversations.requireMessage(answer.id);
    const { job, waiting, started } = this.queue.add({
      generationId: randomUUID(),
      conversationId: user.conversationId,
      userMessageId: user.id,
      messageId: answer.id,
      provider: providerId,
      model,
      autoSource,
    });
    return {
      generationId: job.generationId,
      conversationId: user.conversationId,
      userMessage,
      assistantMessage,
      ...(waiting ? { waiting: true } : !started ? { queued: true } : {}),
    };
  }

  /**
   * What a prompt goes with once it may go: its history (earlier prompts with their newest complete
   * answers; for Retry, only those before the retried prompt) and, with `autoSource`, the
   * conversation's last picture as its source when it waited or the window had none yet.
   */
  private prepare(
    user: Message,
    providerId: string,
    model: string | undefined,
    request: StoredRequest,
    waited: boolean,
    autoSource: boolean,
  ) {
    const { conversations } = this.core;
    const messages = conversations.messages(user.conversationId);
    let prompt = user;
    if (autoSource && (waited || user.imageIds.length === 0)) {
      const earlier = messages.filter((m) => m.id !== user.id && m.replyTo !== user.id);
      const picked = lastPicture(earlier, {}, (id) => this.core.library.get(id)?.trashedAt != null);
      if (picked !== null && picked !== user.imageIds[0]) {
        const references = user.imageIds.slice(user.imageIds.length > 0 ? 1 : 0).filter((id) => id !== picked);
        // The same checks as when it was sent, with the picture it now goes on from.
        this.check(providerId, model, user.text, [picked, ...references], request);
        prompt = conversations.replaceImages(user.id, [picked, ...references]);
      }
    }
    const history = request.singleTurn ? [] : conversationTurns(messages, user.id);
    return { prompt, history };
  }
}
