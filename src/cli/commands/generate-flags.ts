import { HolstError } from '../../shared/errors';
import type { AppCore } from '../../main/core/app-core';
import { loadInputFile } from '../../main/core/generation/input-images';
import type { GenerateParams } from '../../main/core/providers/types';
import { paramSpec } from '../../shared/provider-kinds';
import type { ProviderKind } from '../../shared/settings';
import { parseCommandArgs, parseId } from '../args';

/** What the generate flags ask for, checked: the prompt, parameters and which images go in which role. */
export interface GenerateFlags {
  provider: string | undefined;
  prompt: string;
  model: string | undefined;
  system: string | undefined;
  params: GenerateParams;
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
    provider: { type: 'string' },
    prompt: { type: 'string' },
    model: { type: 'string' },
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
  if (!values.provider && values.continue === undefined)
    throw new HolstError('invalid_input', '--provider ID is required.', { field: 'provider' });
  if (!values.prompt) throw new HolstError('invalid_input', '--prompt TEXT is required.', { field: 'prompt' });
  if (values.mask !== undefined && values['mask-id'] !== undefined)
    throw new HolstError('invalid_input', 'Give one mask: --mask FILE or --mask-id ID.', { field: 'mask' });
  if (values['single-turn'] && values.continue === undefined)
    throw new HolstError('invalid_input', '--single-turn goes with --continue CONVERSATION.', { field: 'single-turn' });
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
  const pictureMode = values['picture-mode'];
  if (pictureMode !== undefined) {
    if (pictureMode !== 'on' && pictureMode !== 'off')
      throw new HolstError('invalid_input', '--picture-mode must be on or off.', { field: 'picture-mode' });
    params.pictureMode = pictureMode === 'on';
  }
  return {
    provider: values.provider,
    prompt: values.prompt,
    model: values.model,
    system: values.system,
    params,
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
export async function inputImageIds(core: AppCore, flags: GenerateFlags, fallbackSource?: number | null): Promise<number[]> {
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

/** An image named by id on the command line: unknown is `not_found`, in the trash is `invalid_input`. */
function requireLibraryImage(core: AppCore, id: number, flag: string): void {
  const image = core.library.get(id);
  if (!image) throw new HolstError('not_found', `There is no image ${id} in the library (${flag}). "holst library list" shows them.`);
  if (image.trashedAt !== null)
    throw new HolstError('invalid_input', `Image ${id} is in the trash (${flag}); restore it first.`, { field: flag.slice(2) });
}
