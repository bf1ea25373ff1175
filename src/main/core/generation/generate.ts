import fs from 'node:fs/promises';
import path from 'node:path';
import { HolstError } from '../../../shared/errors';
import type { ImageRecord } from '../../../shared/library';
import type { AppCore } from '../app-core';
import { sniffImageFormat } from '../library/image-format';
import { saveImageRef } from '../providers/download';
import { extractMarkdownImages } from '../providers/image-refs';
import { openProviderClient, requireProviderConfig } from '../providers/client';
import { providerKind } from '../providers/registry';
import type { GenerateEvent, GenerateParams, InputImage, Usage } from '../providers/types';

export interface GenerationInput {
  providerId: string;
  prompt: string;
  model?: string;
  system?: string;
  /** Files to send: the first is the edit's source, the rest references (after `imageIds`). */
  imageFiles?: string[];
  maskFile?: string;
  /** Library images to send, before any files. */
  imageIds?: number[];
  maskImageId?: number;
  params?: GenerateParams;
  stream?: boolean;
  conversationId?: number;
  messageId?: number;
}

export interface GenerationResult {
  images: ImageRecord[];
  text: string;
  provider: string;
  model: string;
  usage: Usage | null;
}

export type GenerationProgress =
  { type: 'text'; delta: string } | { type: 'progress'; message: string } | { type: 'image-saved'; image: ImageRecord };

/**
 * Sends one prompt (and images) to a provider and lands every returned image in the library at
 * once, with its prompt, provider, model, parameters and parents. Input files are imported first
 * so the lineage points at them.
 */
export async function generate(
  core: AppCore,
  input: GenerationInput,
  options: { signal?: AbortSignal; onProgress?: (event: GenerationProgress) => void } = {},
): Promise<GenerationResult> {
  const config = requireProviderConfig(core, input.providerId);
  const model = input.model ?? config.models?.[0];
  if (!model)
    throw new HolstError('invalid_input', `Name a model for ${config.name ?? config.id} (--model), or list models in its settings.`, {
      field: 'model',
    });
  if (input.prompt.trim() === '') throw new HolstError('invalid_input', 'The prompt is empty.', { field: 'prompt' });
  const kind = providerKind(config.kind);
  const params = input.params ?? {};

  const images = [
    ...(await Promise.all((input.imageIds ?? []).map((id) => loadLibraryInput(core, id)))),
    ...(await Promise.all((input.imageFiles ?? []).map((file) => loadInput(core, file, 'image')))),
  ];
  const mask =
    input.maskImageId !== undefined
      ? await loadLibraryInput(core, input.maskImageId)
      : input.maskFile
        ? await loadInput(core, input.maskFile, 'mask')
        : undefined;
  const request = {
    model,
    prompt: input.prompt,
    ...(input.system ? { system: input.system } : {}),
    images,
    ...(mask ? { mask } : {}),
    params,
    stream: input.stream ?? true,
  };
  kind.validate(request);

  const client = await openProviderClient(core, config.id);
  const http = client.ctx.http;
  const parents = [
    ...images.flatMap((image, i) =>
      image.libraryId ? [{ id: image.libraryId, role: i === 0 ? ('source' as const) : ('reference' as const) }] : [],
    ),
    ...(mask?.libraryId ? [{ id: mask.libraryId, role: 'mask' as const }] : []),
  ];
  const meta = {
    source: images.length > 0 ? ('edited' as const) : ('generated' as const),
    prompt: input.prompt,
    provider: config.id,
    model,
    params: { ...params, ...(input.system ? { system: input.system } : {}) },
    parents,
    ...(input.conversationId !== undefined ? { conversationId: input.conversationId } : {}),
    ...(input.messageId !== undefined ? { messageId: input.messageId } : {}),
  };

  const saved: ImageRecord[] = [];
  let text = '';
  let usage: Usage | null = null;
  try {
    const events: AsyncIterable<GenerateEvent> = kind.generate(client.ctx, request, options.signal);
    for await (const event of events) {
      if (options.signal?.aborted) throw new HolstError('cancelled', 'Generation cancelled.');
      if (event.type === 'text') {
        text += event.delta;
        options.onProgress?.(event);
      } else if (event.type === 'progress') {
        options.onProgress?.(event);
      } else if (event.type === 'usage') {
        usage = event.usage;
      } else {
        const { image } = await saveImageRef(core.library, http, event.ref, meta, options.signal);
        if (!saved.some((s) => s.id === image.id)) saved.push(image);
        options.onProgress?.({ type: 'image-saved', image });
      }
    }
  } catch (error) {
    if (options.signal?.aborted && !(error instanceof HolstError && error.code === 'cancelled')) {
      throw new HolstError('cancelled', 'Generation cancelled.', { cause: error });
    }
    throw error;
  } finally {
    await client.close();
  }
  if (saved.length > 0) core.events.emit('library.changed', { ids: saved.map((i) => i.id) });
  return { images: saved, text: extractMarkdownImages(text).text, provider: config.id, model, usage };
}

/** A library image to send; it must still be there (not in the trash) and its file readable. */
async function loadLibraryInput(core: AppCore, id: number): Promise<InputImage> {
  const image = core.library.get(id);
  if (!image || image.trashedAt !== null)
    throw new HolstError('invalid_input', `Image ${id} is not in the library (or is in the trash).`, { field: 'imageIds' });
  const file = core.library.originalPath(image);
  const bytes = await fs.readFile(file).catch((error: Error) => {
    throw new HolstError('storage', `Cannot read image ${id} from the library (${file}): ${error.message}`);
  });
  return { bytes, mime: image.mime, name: image.originalName ?? path.basename(file), libraryId: id };
}

/** Reads an input image and checks it really is one; sources and references are kept in the library (lineage). */
async function loadInput(core: AppCore, file: string, what: 'image' | 'mask'): Promise<InputImage> {
  const bytes = await fs.readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new HolstError(error.code === 'ENOENT' ? 'invalid_input' : 'storage', `Cannot read the ${what} ${file}: ${error.message}`, {
      field: what,
    });
  });
  const format = sniffImageFormat(bytes.subarray(0, 16));
  if (!format) throw new HolstError('invalid_input', `${file} is not a PNG, JPEG, WebP or GIF image.`, { field: what });
  const input = { bytes, mime: format.mime, name: path.basename(file) };
  if (what === 'mask') return input;
  const { image } = await core.library.ingest({ bytes }, { source: 'imported', originalName: path.basename(file) });
  return { ...input, libraryId: image.id };
}
