import { say } from '../../../shared/core-messages';
import { HolstError, isHolstError, toErrorPayload, type ErrorPayload } from '../../../shared/errors';
import type { GenerationEvent } from '../../../shared/generation';
import type { Message, Usage } from '../../../shared/library';
import type { GenerationQueue, JobDeferral, JobRun } from '../queue/generation-queue';
import { RATE_LIMIT_RETRIES, rateLimitDecision } from '../queue/rate-limit';
import type { CoreServices } from '../services';
import { answerAsk } from './batch';
import { CoalescedText } from './coalesced-text';
import type { GenerateDeps } from './generate';
import type { conversationTurns } from './history';
import { readStoredRequest, type StoredRequest } from './stored-request';

/** How a generation ended, as its `finished` event says. */
export interface GenerationOutcome {
  generationId: string;
  status: 'complete' | 'error' | 'cancelled';
  message: Message;
  error: ErrorPayload | null;
}

/** What the chat uses of the core: what a generation uses, and the conversations. */
export type ChatServiceDeps = GenerateDeps & Pick<CoreServices, 'conversations'>;

/** Omit over each member of a union (a plain Omit would merge the members). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An event as the generation produces it; `emit` adds which generation, conversation and message it is about. */
type EventBody = DistributiveOmit<GenerationEvent, 'generationId' | 'conversationId' | 'messageId'>;

/** What a job runner needs of the chat service. */
export interface ChatJobDeps {
  core: ChatServiceDeps;
  queue: GenerationQueue<GenerationOutcome>;
  /** The prompt as it goes now (its source picked where it waited) and its history. */
  prepare(
    user: Message,
    providerId: string,
    model: string | undefined,
    request: StoredRequest,
    waited: boolean,
    autoSource: boolean,
  ): { prompt: Message; history: ReturnType<typeof conversationTurns> };
}

/** Runs a chat job when its turn comes: everything it sends is read back from the conversation as saved. */
export async function runChatJob(
  deps: ChatJobDeps,
  { job, signal, waited, since }: JobRun,
): Promise<GenerationOutcome | JobDeferral | null> {
  const { core, queue } = deps;
  const { generationId, conversationId, messageId, provider: providerId } = job;
  const answer = core.conversations.continueStreaming(messageId);
  const emit = (event: EventBody) =>
    core.events.emit('generation.event', { generationId, conversationId, messageId, ...event } as GenerationEvent);
  // Text reaches the window at most once a frame; any other event first sends the text held before it.
  const text = new CoalescedText((delta) => emit({ type: 'text', delta }));
  let usage: Usage | null = null;
  // Once text or a picture has arrived, a 429 ends the answer: going again would ask (and pay) twice.
  let received = false;
  const stats = () => ({ usage, elapsedMs: Date.now() - since });
  try {
    if (signal.aborted) throw HolstError.said('cancelled', say('generationCancelledBeforeSent', {}));
    if (!core.settings.get().providers.some((p) => p.id === providerId))
      throw HolstError.said('not_found', say('queueProviderRemoved', { provider: providerId }));
    const user = core.conversations.requireMessage(job.userMessageId);
    // An answer of a "×N" or a fan-out asks with its own settings (its `n`, its provider's parameters).
    const ask = answerAsk(core.conversations.requireMessage(messageId).request);
    const request = { ...readStoredRequest(user.request), ...(ask ? { params: ask.params } : {}) };
    const model = job.model ?? undefined;
    const { prompt, history } = deps.prepare(user, providerId, model, request, waited, job.autoSource);
    if (waited || prompt !== user) emit({ type: 'started', userMessage: prompt });
    // Loaded with the first prompt: the providers' code (and undici) stays out of a core that only reads the library.
    const { generate } = await import('./generate');
    const result = await generate(
      core,
      {
        providerId,
        ...(model ? { model } : {}),
        prompt: prompt.text,
        ...(request.system ? { system: request.system } : {}),
        imageIds: prompt.imageIds,
        ...(request.maskId !== undefined ? { maskId: request.maskId } : {}),
        params: request.params,
        stream: true,
        conversationId,
        messageId,
        ...(history.length > 0 ? { history } : {}),
        ...(job.remoteJob ? { resume: job.remoteJob } : {}),
      },
      {
        signal,
        // A 429 is not waited out inside the request, holding the queue's place: the queue waits it out.
        rateLimits: 'report',
        onProgress: (event) => {
          if (event.type === 'remote-job') {
            queue.rememberRemoteJob(generationId, event.job);
            return;
          }
          if (event.type === 'text') {
            received = true;
            answer.append(event.delta);
            text.push(event.delta);
            return;
          }
          text.flush();
          if (event.type === 'sent') {
            // Kept with the answer (its details show it), also when the answer fails.
            const { request: kept } = core.conversations.requireMessage(messageId);
            core.conversations.updateRequest(messageId, { ...(kept ?? {}), sent: event.sent });
          } else if (event.type === 'progress') {
            emit(event);
          } else if (event.type === 'retry') {
            emit({ type: 'retry', notice: event.notice });
          } else if (event.type === 'usage') {
            usage = event.usage;
            emit({ type: 'usage', usage: event.usage });
          } else if (event.type === 'partial-image') {
            // Shown while the picture is drawn, never kept: the final one replaces it (no window, no copy).
            if (!core.events.heard) return;
            const dataUrl = `data:${event.mime};base64,${Buffer.from(event.bytes).toString('base64')}`;
            emit({ type: 'partial-image', index: event.index, dataUrl });
          } else {
            received = true;
            // A picture the library already had is shown in this answer too.
            core.conversations.attachImage(messageId, event.image.id);
            emit({ type: 'image', image: event.image });
          }
        },
      },
    );
    text.flush();
    usage = result.usage ?? usage;
    if (result.images.length === 0 && result.text.trim() === '')
      throw HolstError.said('no_image', say('answerEmpty', { provider: providerId }));
    const message = answer.finish('complete', undefined, result.text, stats());
    emit({ type: 'finished', status: 'complete', message, error: null });
    return { generationId, status: 'complete', message, error: null };
  } catch (caught) {
    text.flush();
    let error = caught;
    const config = core.settings.get().providers.find((p) => p.id === providerId);
    const rateLimit = signal.aborted || received ? null : rateLimitDecision(caught, job.retries, config?.name ?? providerId);
    if (rateLimit !== null && rateLimit.wait) {
      // The provider refused for now: the job waits in the queue (its answer says until when), holding no place.
      core.logger.info(
        `queue: generation ${generationId} was refused for now by ${providerId} (429); it waits ${Math.round(rateLimit.delayMs)} ms (${job.retries + 1} of ${RATE_LIMIT_RETRIES.max})`,
      );
      emit({ type: 'progress', ...rateLimit.line });
      return { status: 'deferred', delayMs: rateLimit.delayMs };
    }
    if (rateLimit !== null && !rateLimit.wait) error = rateLimit.error;
    if (!isHolstError(error)) core.logger.error(`generation with ${providerId} failed`, error);
    const payload = toErrorPayload(error);
    const status = payload.code === 'cancelled' ? 'cancelled' : 'error';
    // Quitting: the answer stays as it is, to be marked interrupted (or followed again) at the next start.
    // The library closed, or another process deleted the conversation: there is no answer left to end.
    if (!core.conversations.isOpen || queue.stopping || core.conversations.get(conversationId) === null) return null;
    const failure = status === 'error' ? payload : null;
    const message = answer.finish(status, failure ?? undefined, undefined, stats());
    emit({ type: 'finished', status, message, error: failure });
    return { generationId, status, message, error: failure };
  }
}
