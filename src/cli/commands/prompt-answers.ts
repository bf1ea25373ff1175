import { HolstError, invalidInput } from '../../shared/errors';
import { ChatSendSchema } from '../../shared/generation';
import type { Message } from '../../shared/library';
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

export { picturesOf } from '../../main/core/generation/batch';

/**
 * Sends a prompt to one provider as the app's chat does (chat.send: recorded in a conversation,
 * saved as it streams) and waits for its answers. With `--n`, the core's variations do the rest
 * (chat.send's `count`): where the kind takes `n` it is sent (as many as one request may carry),
 * other requests go through the queue (each answer a version of the prompt), and where fewer
 * pictures came, the core asks again for the rest. A failure before any picture is thrown; one
 * after some is returned with them.
 */
export async function answerPrompt(core: AppCore, ask: PromptAsk, watch: GenerationWatch, lane: Lane): Promise<PromptAnswers> {
  const config = core.providers.require(ask.providerId);
  lane.providerName = config.name ?? config.id;
  const params = withKindDefaults(ask.params, config.kind);
  const input = ChatSendSchema.safeParse({
    providerId: ask.providerId,
    ...(ask.conversationId !== undefined ? { conversationId: ask.conversationId } : {}),
    prompt: ask.prompt,
    ...(ask.model ? { model: ask.model } : {}),
    ...(ask.system ? { system: ask.system } : {}),
    imageIds: ask.imageIds,
    ...(ask.maskId !== undefined ? { maskId: ask.maskId } : {}),
    params,
    ...(ask.count !== undefined ? { count: ask.count } : {}),
    ...(ask.singleTurn ? { singleTurn: true } : {}),
  });
  if (!input.success) throw invalidInput(input.error, 'generate');

  const started = core.chat.send(input.data);
  const prompt = started.userMessage;
  const made: PromptAnswers = {
    provider: ask.providerId,
    model: started.userMessage.model ?? '',
    conversationId: started.conversationId,
    answers: [],
  };
  const seen = new Set<string>();
  const next = () => {
    const known = core.chat.batchGenerations(prompt.id);
    const ids = known.length > 0 ? known : [started.generationId, ...(started.more ?? []).map((m) => m.generationId)];
    return ids.filter((id) => !seen.has(id));
  };
  // Each round waits for the requests known so far; the core may then have asked for the rest.
  for (let round = next(); round.length > 0 && made.error === undefined; round = next()) {
    for (const id of round) seen.add(id);
    const settled = await Promise.allSettled(
      round.map((id) => watch.settle(lane, id).then((answer) => withPictures(answer, ask.providerId))),
    );
    for (const outcome of settled) {
      if (outcome.status === 'fulfilled') made.answers.push(outcome.value);
      else made.error ??= outcome.reason;
    }
  }
  if (made.answers.length === 0) throw made.error;
  made.model = made.answers[0]!.model ?? made.model;
  made.answers.sort((a, b) => a.id - b.id);
  return made;
}

/** An answer that brought no picture is a failure, with what the provider said instead. */
function withPictures(answer: Message, providerId: string): Message {
  if (answer.imageIds.length > 0) return answer;
  const said = answer.text ? ` It said: "${answer.text.slice(0, 300)}"` : '';
  throw new HolstError('no_image', `${providerId} answered without an image.${said}`);
}
