import { HolstError } from '../../shared/errors';
import type { AppCore } from '../../main/core/app-core';
import { latestAnswerImage } from '../../main/core/generation/history';
import { promptImages, type GenerateFlags } from './generate-flags';
import type { PromptAsk } from './prompt-answers';

/**
 * `holst generate --continue ID`: the prompt goes into the stored conversation (one begun in the
 * window or by `holst generate`) exactly as the app sends a follow-up. The provider and model
 * default to the ones its last prompt used, the source to the newest answer's image.
 */
export async function followUpAsk(core: AppCore, flags: GenerateFlags, conversationId: number): Promise<PromptAsk> {
  core.conversations.require(conversationId);
  const messages = core.conversations.messages(conversationId);
  const lastPrompt = messages.filter((m) => m.role === 'user' && m.provider).at(-1);
  const providerId = flags.providers[0] ?? lastPrompt?.provider;
  if (!providerId)
    throw new HolstError('invalid_input', `Conversation ${conversationId} has no prompt sent yet: name a --provider.`, {
      field: 'provider',
    });
  const model = flags.models[0] ?? (lastPrompt?.provider === providerId ? (lastPrompt.model ?? undefined) : undefined);
  const { imageIds, maskId } = await promptImages(core, flags, latestAnswerImage(messages, core.library));
  core.providers.require(providerId);
  return {
    providerId,
    model,
    conversationId,
    prompt: flags.prompt,
    system: flags.system,
    imageIds,
    maskId,
    params: flags.params,
    count: flags.count,
    singleTurn: flags.singleTurn,
  };
}
