import { HolstError, invalidInput } from '../../shared/errors';
import { ChatSendSchema, describeRetry, type GenerationEvent } from '../../shared/generation';
import type { AppCore } from '../../main/core/app-core';
import { latestAnswerImage } from '../../main/core/generation/history';
import { keepMaskInput, loadInputFile } from '../../main/core/generation/input-images';
import type { CliContext } from '../context';
import { inputImageIds, withKindDefaults, type GenerateFlags } from './generate-flags';
import { imageLines, imageSummary, progressLine } from './generate-output';

/**
 * `holst generate --continue ID`: the prompt goes into the stored conversation exactly as the app
 * sends a follow-up (chat.send: the history per kind, saved with usage and time), and the command
 * waits for the answer. The source defaults to the newest answer's image.
 */
export async function continueConversation(ctx: CliContext, core: AppCore, flags: GenerateFlags, conversationId: number): Promise<void> {
  core.conversations.require(conversationId);
  const messages = core.conversations.messages(conversationId);
  const lastPrompt = messages.filter((m) => m.role === 'user' && m.provider).at(-1);
  const providerId = flags.provider ?? lastPrompt?.provider;
  if (!providerId)
    throw new HolstError('invalid_input', `Conversation ${conversationId} has no prompt sent yet: name a --provider.`, {
      field: 'provider',
    });
  const model = flags.model ?? (lastPrompt?.provider === providerId ? (lastPrompt.model ?? undefined) : undefined);
  const imageIds = await inputImageIds(core, flags, latestAnswerImage(messages, core.library));
  const source = imageIds[0];
  if (flags.maskFile && source === undefined)
    throw new HolstError('invalid_input', 'A mask needs a source image: add --edit ID or --image FILE.', { field: 'mask' });
  const maskId =
    flags.maskFile && source !== undefined
      ? (await keepMaskInput(core, await loadInputFile(core, flags.maskFile, 'mask'), source)).maskId
      : flags.maskId;
  const config = core.providers.require(providerId);
  const input = ChatSendSchema.safeParse({
    providerId,
    conversationId,
    prompt: flags.prompt,
    ...(model ? { model } : {}),
    ...(flags.system ? { system: flags.system } : {}),
    imageIds,
    ...(maskId !== undefined ? { maskId } : {}),
    params: withKindDefaults(flags.params, config.kind),
    ...(flags.singleTurn ? { singleTurn: true } : {}),
  });
  if (!input.success) throw invalidInput(input.error, 'follow-up');

  const progress = progressLine(ctx);
  const providerName = config.name ?? config.id;
  progress(`Asking ${providerId}…`);
  const started = core.chat.send(input.data);
  let saved = 0;
  const unsubscribe = core.events.subscribe((name, payload) => {
    const event = payload as GenerationEvent;
    if (name !== 'generation.event' || event.generationId !== started.generationId) return;
    if (event.type === 'image') progress(`Saved ${++saved} image${saved === 1 ? '' : 's'}…`);
    else if (event.type === 'progress') progress(event.message);
    else if (event.type === 'retry') progress(describeRetry(event.notice, providerName));
  });
  const cancel = () => core.chat.cancel(started.generationId);
  process.once('SIGINT', cancel);
  try {
    const outcome = await core.chat.settled(started.generationId);
    progress('');
    if (!outcome) throw new HolstError('internal', 'The answer could not be finished. The log has details.');
    if (outcome.status === 'cancelled') throw new HolstError('cancelled', 'Generation cancelled.');
    if (outcome.error)
      throw new HolstError(outcome.error.code, outcome.error.message, outcome.error.field ? { field: outcome.error.field } : {});
    const answer = outcome.message;
    if (answer.imageIds.length === 0) {
      const said = answer.text ? ` It said: "${answer.text.slice(0, 300)}"` : '';
      throw new HolstError('no_image', `${providerId} answered without an image.${said}`);
    }
    const images = answer.imageIds.map((id) => imageSummary(core, core.library.require(id)));
    ctx.out.result(
      {
        images,
        text: answer.text,
        provider: providerId,
        model: answer.model,
        usage: answer.usage,
        conversationId,
        messageId: answer.id,
        elapsedMs: answer.elapsedMs,
      },
      imageLines(images, answer.text),
    );
  } finally {
    unsubscribe();
    process.off('SIGINT', cancel);
  }
}
