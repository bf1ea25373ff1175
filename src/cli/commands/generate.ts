import { HolstError } from '../../shared/errors';
import { describeRetry } from '../../shared/generation';
import { generate, type GenerationInput } from '../../main/core/generation/generate';
import type { CliContext } from '../context';
import { continueConversation } from './follow-up';
import { inputImageIds, readGenerateFlags, withKindDefaults } from './generate-flags';
import { imageLines, imageSummary, progressLine } from './generate-output';

export async function generateCommand(ctx: CliContext): Promise<void> {
  const flags = readGenerateFlags(ctx.args);
  const core = await ctx.core();
  if (flags.conversationId !== undefined) return continueConversation(ctx, core, flags, flags.conversationId);
  const providerId = flags.provider;
  if (!providerId) throw new HolstError('invalid_input', '--provider ID is required.', { field: 'provider' });
  const config = core.providers.require(providerId);
  const providerName = config.name ?? config.id;
  const imageIds = await inputImageIds(core, flags);
  const input: GenerationInput = {
    providerId,
    prompt: flags.prompt,
    params: withKindDefaults(flags.params, config.kind),
    ...(flags.model ? { model: flags.model } : {}),
    ...(flags.system ? { system: flags.system } : {}),
    ...(imageIds.length > 0 ? { imageIds } : {}),
    ...(flags.maskFile ? { maskFile: flags.maskFile } : {}),
    ...(flags.maskId !== undefined ? { maskId: flags.maskId } : {}),
  };

  const controller = new AbortController();
  const cancel = () => controller.abort();
  process.once('SIGINT', cancel);
  const progress = progressLine(ctx);
  try {
    progress(`Asking ${providerId}…`);
    let saved = 0;
    const result = await generate(core, input, {
      signal: controller.signal,
      onProgress: (event) => {
        if (event.type === 'image-saved') progress(`Saved ${++saved} image${saved === 1 ? '' : 's'}…`);
        else if (event.type === 'progress') progress(event.message);
        else if (event.type === 'retry') progress(describeRetry(event.notice, providerName));
      },
    });
    progress('');
    if (result.images.length === 0) {
      const said = result.text ? ` It said: "${result.text.slice(0, 300)}"` : '';
      throw new HolstError('no_image', `${providerId} answered without an image.${said}`);
    }
    const images = result.images.map((image) => imageSummary(core, image));
    ctx.out.result(
      { images, text: result.text, provider: result.provider, model: result.model, usage: result.usage },
      imageLines(images, result.text),
    );
  } finally {
    process.off('SIGINT', cancel);
  }
}
