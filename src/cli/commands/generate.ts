import { HolstError } from '../../shared/errors';
import { generate, type GenerationInput } from '../../main/core/generation/generate';
import type { GenerateParams } from '../../main/core/providers/types';
import { parseCommandArgs } from '../args';
import type { CliContext } from '../context';

export const generateHelp = `holst generate --provider ID --prompt TEXT [--model M] [--image FILE]... [--mask FILE]
               [--size WxH] [--aspect R] [--quality low|medium|high] [--resolution 1K|2K|4K]
               [--n N] [--system TEXT]     make images; the first --image is the edit's source`;

export async function generateCommand(ctx: CliContext): Promise<void> {
  const { values } = parseCommandArgs(ctx.args, {
    provider: { type: 'string' },
    prompt: { type: 'string' },
    model: { type: 'string' },
    image: { type: 'string', multiple: true },
    mask: { type: 'string' },
    size: { type: 'string' },
    aspect: { type: 'string' },
    quality: { type: 'string' },
    resolution: { type: 'string' },
    n: { type: 'string' },
    system: { type: 'string' },
  });
  if (!values.provider) throw new HolstError('invalid_input', '--provider ID is required.', { field: 'provider' });
  if (!values.prompt) throw new HolstError('invalid_input', '--prompt TEXT is required.', { field: 'prompt' });
  const params: GenerateParams = {};
  if (values.n !== undefined) {
    const n = Number(values.n);
    if (!Number.isInteger(n) || n < 1) throw new HolstError('invalid_input', '--n must be a whole number of at least 1.', { field: 'n' });
    params.n = n;
  }
  if (values.size) params.size = values.size;
  if (values.aspect) params.aspect = values.aspect;
  if (values.quality) {
    if (!['low', 'medium', 'high'].includes(values.quality))
      throw new HolstError('invalid_input', '--quality must be low, medium or high.', { field: 'quality' });
    params.quality = values.quality as GenerateParams['quality'];
  }
  if (values.resolution) {
    if (!['1K', '2K', '4K'].includes(values.resolution))
      throw new HolstError('invalid_input', '--resolution must be 1K, 2K or 4K.', { field: 'resolution' });
    params.resolution = values.resolution as GenerateParams['resolution'];
  }
  const input: GenerationInput = {
    providerId: values.provider,
    prompt: values.prompt,
    params,
    ...(values.model ? { model: values.model } : {}),
    ...(values.system ? { system: values.system } : {}),
    ...(values.image ? { imageFiles: values.image } : {}),
    ...(values.mask ? { maskFile: values.mask } : {}),
  };

  const core = await ctx.core();
  const controller = new AbortController();
  const cancel = () => controller.abort();
  process.once('SIGINT', cancel);
  const progress = (line: string) => {
    if (!ctx.out.json) process.stderr.write(`\r\x1b[K${line}`);
  };
  try {
    progress(`Asking ${input.providerId}…`);
    let saved = 0;
    const result = await generate(core, input, {
      signal: controller.signal,
      onProgress: (event) => {
        if (event.type === 'image-saved') progress(`Saved ${++saved} image${saved === 1 ? '' : 's'}…`);
        else if (event.type === 'progress') progress(event.message);
      },
    });
    progress('');
    if (result.images.length === 0) {
      const said = result.text ? ` It said: "${result.text.slice(0, 300)}"` : '';
      throw new HolstError('no_image', `${input.providerId} answered without an image.${said}`);
    }
    const images = result.images.map((image) => ({
      id: image.id,
      path: core.library.originalPath(image),
      sha256: image.sha256,
      mime: image.mime,
      width: image.width,
      height: image.height,
    }));
    const lines = images.map((i) => `${i.path}  (${i.width}×${i.height}, id ${i.id})`);
    if (result.text) lines.unshift(result.text);
    ctx.out.result({ images, text: result.text, provider: result.provider, model: result.model, usage: result.usage }, lines.join('\n'));
  } finally {
    process.off('SIGINT', cancel);
  }
}
