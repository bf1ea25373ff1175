import { randomUUID } from 'node:crypto';
import { HolstError, isHolstError, toErrorPayload } from '../../../shared/errors';
import { ChatSendSchema, GenerateParamsSchema, type ChatStarted, type GenerationEvent } from '../../../shared/generation';
import type { Message } from '../../../shared/library';
import type { z } from 'zod';
import type { AppCore } from '../app-core';
import type { StreamingMessage } from '../conversations/conversation-store';
import { requireProviderConfig } from '../providers/client';
import { providerKind } from '../providers/registry';
import { generate } from './generate';

type SendInput = z.output<typeof ChatSendSchema>;

/** What a user message asked for besides its text and images; stored with it so Retry can ask again. */
interface StoredRequest {
  params: z.output<typeof GenerateParamsSchema>;
  system?: string;
  maskImageId?: number;
}

interface Running {
  controller: AbortController;
  conversationId: number;
  messageId: number;
}

/** Omit over each member of a union (a plain Omit would merge the members). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An event as the generation produces it; `emit` adds which generation, conversation and message it is about. */
type EventBody = DistributiveOmit<GenerationEvent, 'generationId' | 'conversationId' | 'messageId'>;

/**
 * Generation inside conversations, for the app's windows: a prompt becomes a user message and an
 * assistant answer that is saved while it streams; every step is pushed as a `generation.event`,
 * images are linked to the answer as soon as they land in the library, and the answer always
 * ends in one `finished` event, whatever happens (done, stopped, failed).
 */
export class ChatService {
  private readonly running = new Map<string, Running>();

  constructor(private readonly core: AppCore) {}

  send(input: SendInput): ChatStarted {
    const { conversations } = this.core;
    const { model, request } = this.check(input.providerId, input.model, input.prompt, input.imageIds, {
      params: input.params,
      ...(input.system ? { system: input.system } : {}),
      ...(input.maskImageId !== undefined ? { maskImageId: input.maskImageId } : {}),
    });
    const conversation =
      input.conversationId !== undefined ? conversations.require(input.conversationId) : conversations.create(titleOf(input.prompt));
    const user = conversations.addMessage({
      conversationId: conversation.id,
      role: 'user',
      text: input.prompt,
      provider: input.providerId,
      model,
      request: { ...request },
      imageIds: input.imageIds,
    });
    return this.start(user, input.providerId, model, request);
  }

  /** Answers a user message again with what it asked for; the earlier answers stay as versions. */
  retry(messageId: number): ChatStarted {
    const user = this.core.conversations.requireMessage(messageId);
    if (user.role !== 'user')
      throw new HolstError('invalid_input', 'Only a prompt (a user message) can be answered again.', { field: 'messageId' });
    if (!user.provider)
      throw new HolstError('invalid_input', 'This message does not say which provider it was sent to.', { field: 'messageId' });
    const stored = readStoredRequest(user.request);
    const { model, request } = this.check(user.provider, user.model ?? undefined, user.text, user.imageIds, stored);
    return this.start(user, user.provider, model, request);
  }

  cancel(generationId: string): void {
    this.running.get(generationId)?.controller.abort();
  }

  list(): Array<{ generationId: string; conversationId: number; messageId: number }> {
    return [...this.running].map(([generationId, r]) => ({ generationId, conversationId: r.conversationId, messageId: r.messageId }));
  }

  /** Stops everything (the app is quitting); the answers are then marked interrupted at the next start. */
  cancelAll(): void {
    for (const running of this.running.values()) running.controller.abort();
  }

  /** Everything that can be checked before a message is written: the provider, model, prompt, images, parameters. */
  private check(providerId: string, model: string | undefined, prompt: string, imageIds: number[], request: StoredRequest) {
    const config = requireProviderConfig(this.core, providerId);
    const chosen = model ?? config.models?.[0];
    if (!chosen)
      throw new HolstError('invalid_input', `Choose a model for ${config.name ?? config.id}, or list its models in Settings → Providers.`, {
        field: 'model',
      });
    if (prompt.trim() === '') throw new HolstError('invalid_input', 'Write a prompt first.', { field: 'prompt' });
    const image = (id: number, field: string) => {
      const record = this.core.library.get(id);
      if (!record || record.trashedAt !== null)
        throw new HolstError('invalid_input', `Image ${id} is not in the library (or is in the trash).`, { field });
      return { bytes: new Uint8Array(), mime: record.mime, name: record.originalName ?? `${id}`, libraryId: id };
    };
    const images = imageIds.map((id) => image(id, 'imageIds'));
    const mask = request.maskImageId !== undefined ? image(request.maskImageId, 'maskImageId') : undefined;
    providerKind(config.kind).validate({
      model: chosen,
      prompt,
      ...(request.system ? { system: request.system } : {}),
      images,
      ...(mask ? { mask } : {}),
      params: request.params,
      stream: true,
    });
    return { model: chosen, request };
  }

  private start(user: Message, providerId: string, model: string, request: StoredRequest): ChatStarted {
    const { conversations } = this.core;
    const answer = conversations.startStreaming(user.conversationId, providerId, model, { replyTo: user.id });
    const generationId = randomUUID();
    const controller = new AbortController();
    const running = { controller, conversationId: user.conversationId, messageId: answer.id };
    this.running.set(generationId, running);
    const started: ChatStarted = {
      generationId,
      conversationId: user.conversationId,
      userMessage: conversations.requireMessage(user.id),
      assistantMessage: conversations.requireMessage(answer.id),
    };
    void this.run(generationId, running, answer, user, providerId, model, request)
      .catch((error: unknown) => this.core.logger.error(`generation ${generationId} could not be finished`, error))
      .finally(() => this.running.delete(generationId));
    return started;
  }

  private async run(
    generationId: string,
    running: Running,
    answer: StreamingMessage,
    user: Message,
    providerId: string,
    model: string,
    request: StoredRequest,
  ): Promise<void> {
    const emit = (event: EventBody) =>
      this.core.events.emit('generation.event', {
        generationId,
        conversationId: running.conversationId,
        messageId: running.messageId,
        ...event,
      } as GenerationEvent);
    try {
      const result = await generate(
        this.core,
        {
          providerId,
          model,
          prompt: user.text,
          ...(request.system ? { system: request.system } : {}),
          imageIds: user.imageIds,
          ...(request.maskImageId !== undefined ? { maskImageId: request.maskImageId } : {}),
          params: request.params,
          stream: true,
          conversationId: running.conversationId,
          messageId: running.messageId,
        },
        {
          signal: running.controller.signal,
          onProgress: (event) => {
            if (event.type === 'text') {
              answer.append(event.delta);
              emit({ type: 'text', delta: event.delta });
            } else if (event.type === 'progress') {
              emit({ type: 'progress', message: event.message });
            } else {
              // A picture the library already had is shown in this answer too.
              this.core.conversations.attachImage(running.messageId, event.image.id);
              emit({ type: 'image', image: event.image });
            }
          },
        },
      );
      if (result.usage) emit({ type: 'usage', usage: result.usage });
      if (result.images.length === 0 && result.text.trim() === '')
        throw new HolstError('no_image', `${providerId} answered with neither text nor an image. Try again or rephrase the prompt.`);
      const message = answer.finish('complete', undefined, result.text);
      emit({ type: 'finished', status: 'complete', message, error: null });
    } catch (error) {
      if (!isHolstError(error)) this.core.logger.error(`generation with ${providerId} failed`, error);
      const payload = toErrorPayload(error);
      const status = payload.code === 'cancelled' ? 'cancelled' : 'error';
      if (!this.core.conversations.isOpen) return;
      const message = answer.finish(status, status === 'error' ? { code: payload.code, message: payload.message } : undefined);
      emit({ type: 'finished', status, message, error: status === 'error' ? payload : null });
    }
  }
}

/** A conversation is named after its first prompt, on one line. */
function titleOf(prompt: string): string {
  const line = prompt.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

/** A user message's stored request, checked again: it was written by this or another version of Holst. */
function readStoredRequest(stored: Record<string, unknown> | null): StoredRequest {
  const params = GenerateParamsSchema.safeParse(stored?.params ?? {});
  return {
    params: params.success ? params.data : {},
    ...(typeof stored?.system === 'string' ? { system: stored.system } : {}),
    ...(typeof stored?.maskImageId === 'number' ? { maskImageId: stored.maskImageId } : {}),
  };
}
