import { HolstError } from '../../shared/errors';
import type { AppCore } from '../../main/core/app-core';
import { keepMaskInput, loadInputFile } from '../../main/core/generation/input-images';
import type { GenerateParams } from '../../main/core/providers/types';
import { paramSpec } from '../../shared/provider-kinds';
import type { ProviderKind } from '../../shared/settings';
import { parseCommandArgs, parseId } from '../args';

/** The most pictures `--n` asks for (the composer's ×N goes as far). */
export const MAX_COUNT = 10;

/** What the generate flags ask for, checked: the prompt, parameters and which images go in which role. */
export interface GenerateFlags {
  /** Every `--provider`, in the order given: more than one sends the prompt to each side by side. */
  providers: string[];
  prompt: string;
  /** `--model` per provider, in the same order (one `--model` goes to every provider). */
  models: Array<string | undefined>;
  system: string | undefined;
  /** The parameters besides the number of pictures (`count`), which goes as `n` only where a kind takes it. */
  params: GenerateParams;
  /** `--n`: how many pictures, made in as few requests as each provider allows. */
  count: number | undefined;
  imageFiles: string[];
  editId: number | undefined;
  refIds: number[];
  maskFile: string | undefined;
  maskId: number | undefined;
  conversationId: number | undefined;
  singleTurn: boolean;
}

export function readGenerateFlags(args: string[]): GenerateFlags {
  const { values } = parseCommandArgs(args, {
    provider: { type: 'string', multiple: true },
    prompt: { type: 'string' },
    model: { type: 'string', multiple: true },
    image: { type: 'string', multiple: true },
    mask: { type: 'string' },
    edit: { type: 'string' },
    ref: { type: 'string', multiple: true },
    'mask-id': { type: 'string' },
    continue: { type: 'string' },
    'single-turn': { type: 'boolean' },
    size: { type: 'string' },
    aspect: { type: 'string' },
    quality: { type: 'string' },
    resolution: { type: 'string' },
    n: { type: 'string' },
    system: { type: 'string' },
    'picture-mode': { type: 'string' },
  });
  const providers = values.provider ?? [];
  if (providers.length === 0 && values.continue === undefined)
    throw new HolstError('invalid_input', '--provider ID is required.', { field: 'provider' });
  if (providers.length > 1 && values.continue !== undefined)
    throw new HolstError('invalid_input', '--continue goes on with one provider: give at most one --provider.', { field: 'provider' });
  if (!values.prompt) throw new HolstError('invalid_input', '--prompt TEXT is required.', { field: 'prompt' });
  if (values.mask !== undefined && values['mask-id'] !== undefined)
    throw new HolstError('invalid_input', 'Give one mask: --mask FILE or --mask-id ID.', { field: 'mask' });
  if (values['single-turn'] && values.continue === undefined)
    throw new HolstError('invalid_input', '--single-turn goes with --continue CONVERSATION.', { field: 'single-turn' });
  const models = values.model ?? [];
  if (models.length > 1 && models.length !== providers.length)
    throw new HolstError('invalid_input', 'Give one --model for every provider, in the same order, or one for all.', { field: 'model' });
  const params: GenerateParams = {};
  let count: number | undefined;
  if (values.n !== undefined) {
    count = /^\d{1,2}$/.test(values.n) ? Number(values.n) : NaN;
    if (!(count >= 1 && count <= MAX_COUNT))
      throw new HolstError('invalid_input', `--n must be a whole number from 1 to ${MAX_COUNT}.`, { field: 'n' });
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
  const pictureMode = values['picture-mode'];
  if (pictureMode !== undefined) {
    if (pictureMode !== 'on' && pictureMode !== 'off')
      throw new HolstError('invalid_input', '--picture-mode must be on or off.', { field: 'picture-mode' });
    params.pictureMode = pictureMode === 'on';
  }
  return {
    providers,
    prompt: values.prompt,
    models: providers.length === 0 ? [models[0]] : providers.map((_, i) => models[models.length === 1 ? 0 : i]),
    system: values.system,
    params,
    count,
    imageFiles: values.image ?? [],
    editId: values.edit !== undefined ? parseId(values.edit, '--edit') : undefined,
    refIds: (values.ref ?? []).map((id) => parseId(id, '--ref')),
    maskFile: values.mask,
    maskId: values['mask-id'] !== undefined ? parseId(values['mask-id'], '--mask-id') : undefined,
    conversationId: values.continue !== undefined ? parseId(values.continue, '--continue') : undefined,
    singleTurn: values['single-turn'] ?? false,
  };
}

/**
 * The parameters for a provider of `kind`: each switch it takes and the command line left out is at
 * its default (GigaChat's picture mode on, as in a new chat: `holst generate` is for pictures).
 */
export function withKindDefaults(params: GenerateParams, kind: ProviderKind): GenerateParams {
  const pictureMode = paramSpec(kind, 'pictureMode');
  return pictureMode && params.pictureMode === undefined ? { ...params, pictureMode: pictureMode.default } : params;
}

/**
 * The library images to send, in order: the source first (`--edit`, else the first `--image`, else
 * `fallbackSource`), then the references (the other files, then every `--ref`). Files are imported.
 */
async function inputImageIds(core: AppCore, flags: GenerateFlags, fallbackSource?: number | null): Promise<number[]> {
  for (const [id, flag] of [
    [flags.editId, '--edit'],
    ...flags.refIds.map((id) => [id, '--ref'] as const),
    [flags.maskId, '--mask-id'],
  ] as const) {
    if (id !== undefined) requireLibraryImage(core, id, flag);
  }
  const files: number[] = [];
  for (const file of flags.imageFiles) files.push((await loadInputFile(core, file, 'image')).libraryId!);
  const source = flags.editId ?? files[0] ?? fallbackSource ?? undefined;
  const rest = flags.editId === undefined ? files.slice(1) : files;
  return [...(source !== undefined ? [source] : []), ...rest, ...flags.refIds];
}

/**
 * The library images a prompt goes with (see `inputImageIds`) and its mask: `--mask-id`, or a
 * `--mask FILE` kept as the source's mask (a mask needs a source).
 */
export async function promptImages(
  core: AppCore,
  flags: GenerateFlags,
  fallbackSource?: number | null,
): Promise<{ imageIds: number[]; maskId: number | undefined }> {
  const imageIds = await inputImageIds(core, flags, fallbackSource);
  const source = imageIds[0];
  if (!flags.maskFile) return { imageIds, maskId: flags.maskId };
  if (source === undefined)
    throw new HolstError('invalid_input', 'A mask needs a source image: add --edit ID or --image FILE.', { field: 'mask' });
  const mask = await keepMaskInput(core, await loadInputFile(core, flags.maskFile, 'mask'), source);
  return { imageIds, maskId: mask.maskId };
}

/** An image named by id on the command line: unknown is `not_found`, in the trash is `invalid_input`. */
function requireLibraryImage(core: AppCore, id: number, flag: string): void {
  const image = core.library.get(id);
  if (!image) throw new HolstError('not_found', `There is no image ${id} in the library (${flag}). "holst library list" shows them.`);
  if (image.trashedAt !== null)
    throw new HolstError('invalid_input', `Image ${id} is in the trash (${flag}); restore it first.`, { field: flag.slice(2) });
}
