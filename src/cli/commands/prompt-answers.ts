import { HolstError, invalidInput } from '../../shared/errors';
import { ChatSendSchema } from '../../shared/generation';
import type { Message } from '../../shared/library';
import { describeModel, type ModelCatalogue } from '../../shared/model-catalogue';
import { describeKind } from '../../shared/provider-kinds';
import type { ProviderKind } from '../../shared/settings';
import type { AppCore } from '../../main/core/app-core';
import type { GenerateParams } from '../../main/core/providers/types';
import { withKindDefaults } from './generate-flags';
import type { GenerationWatch, Lane } from './generation-watch';

/** One prompt as `holst generate` sends it to one provider. */
export interface PromptAsk {
  providerId: string;
  model: string | undefined;
  /** The conversation it goes on (`--continue`); a new one is started without it. */
  conversationId: number | undefined;
  prompt: string;
  system: string | undefined;
  imageIds: number[];
  maskId: number | undefined;
  /** Everything but the number of pictures. */
  params: GenerateParams;
  /** `--n`: how many pictures in all. */
  count: number | undefined;
  singleTurn: boolean;
}

/** What one provider made of a prompt: an answer per request, each with pictures; `error` where it stopped short of `--n`. */
export interface PromptAnswers {
  provider: string;
  model: string;
  conversationId: number;
  answers: Message[];
  error?: unknown;
}

/**
 * How many pictures one request to `model` of a `kind` may ask for: the kind's `n` range, narrower
 * for a known model (src/shared/model-catalogue.ts, with the settings file's entries); 0 where the
 * kind, or the model, takes no `n` at all.
 */
export function picturesPerRequest(kind: ProviderKind, model: string | undefined, catalogue?: ModelCatalogue): number {
  const description = model !== undefined ? describeModel(kind, model, catalogue) : describeKind(kind);
  const n = description.params.find((spec) => spec.name === 'n');
  return n?.type === 'count' ? n.max : 0;
}

/** The library pictures of `answers`, each once, in the order they came. */
export function picturesOf(answers: readonly Message[]): number[] {
  return [...new Set(answers.flatMap((answer) => answer.imageIds))];
}

/**
 * Sends a prompt to one provider as the app's chat does (chat.send: recorded in a conversation,
 * saved as it streams) and waits for the answer. With `--n`, where the kind takes `n` it is sent
 * (as many as one request may carry), and while fewer pictures have come, the prompt is answered
 * again (chat.retry: each answer a version of it) for the rest, until there are N or one fails.
 * A failure before any picture is thrown; one after some is returned with them.
 */
export async function answerPrompt(core: AppCore, ask: PromptAsk, watch: GenerationWatch, lane: Lane): Promise<PromptAnswers> {
  const config = core.providers.require(ask.providerId);
  lane.providerName = config.name ?? config.id;
  const perRequest = picturesPerRequest(config.kind, ask.model ?? config.models?.[0], core.settings.get().modelCatalogue);
  const want = ask.count ?? 1;
  const params = withKindDefaults(ask.params, config.kind);
  const input = ChatSendSchema.safeParse({
    providerId: ask.providerId,
    ...(ask.conversationId !== undefined ? { conversationId: ask.conversationId } : {}),
    prompt: ask.prompt,
    ...(ask.model ? { model: ask.model } : {}),
    ...(ask.system ? { system: ask.system } : {}),
    imageIds: ask.imageIds,
    ...(ask.maskId !== undefined ? { maskId: ask.maskId } : {}),
    params: ask.count !== undefined && perRequest > 0 ? { ...params, n: Math.min(want, perRequest) } : params,
    ...(ask.singleTurn ? { singleTurn: true } : {}),
  });
  if (!input.success) throw invalidInput(input.error, 'generate');

  const started = core.chat.send(input.data);
  const first = withPictures(await watch.settle(lane, started.generationId), ask.providerId);
  const made: PromptAnswers = {
    provider: ask.providerId,
    model: first.model ?? started.userMessage.model ?? '',
    conversationId: started.conversationId,
    answers: [first],
  };
  const prompt = started.userMessage;
  let asked = prompt.request;
  try {
    // At most N requests: each one that succeeds brings at least one picture.
    while (picturesOf(made.answers).length < want && made.answers.length < want) {
      if (watch.cancelled) throw new HolstError('cancelled', 'Generation cancelled.');
      if (perRequest > 0) {
        const n = Math.min(want - picturesOf(made.answers).length, perRequest);
        // Retry asks again for what the prompt's stored request says: here, only the pictures still missing.
        asked = core.conversations.updateRequest(prompt.id, withCount(prompt.request, n)).request;
      }
      const again = core.chat.retry(prompt.id);
      made.answers.push(withPictures(await watch.settle(lane, again.generationId), ask.providerId));
    }
  } catch (error) {
    made.error = error;
  } finally {
    // The window's Retry then asks again for what the first request asked.
    if (asked !== prompt.request) core.conversations.updateRequest(prompt.id, prompt.request ?? {});
  }
  return made;
}

/** A stored request with `n` pictures. */
function withCount(request: Record<string, unknown> | null, n: number): Record<string, unknown> {
  const params = typeof request?.params === 'object' && request.params !== null ? request.params : {};
  return { ...request, params: { ...params, n } };
}

/** An answer that brought no picture is a failure, with what the provider said instead. */
function withPictures(answer: Message, providerId: string): Message {
  if (answer.imageIds.length > 0) return answer;
  const said = answer.text ? ` It said: "${answer.text.slice(0, 300)}"` : '';
  throw new HolstError('no_image', `${providerId} answered without an image.${said}`);
}
