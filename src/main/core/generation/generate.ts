import { say } from '../../../shared/core-messages';
import { HolstError } from '../../../shared/errors';
import type { ProgressLine, RetryNotice } from '../../../shared/generation';
import { describeKind } from '../../../shared/provider-kinds';
import type { ImageRecord } from '../../../shared/library';
import { copyToSaveFolder } from '../library/export/save-folder';
import { saveImageRef } from '../providers/download';
import { extractMarkdownImages } from '../providers/image-refs';
import { openProviderClient } from '../providers/client';
import { providerKind } from '../providers/registry';
import type { GenerateEvent, GenerateParams, RemoteJob, SentPrompt, Usage } from '../providers/types';
import type { CoreServices } from '../services';
import { providerHistory, type StoredTurn } from './history';
import { keepMaskInput, loadInputFile, loadLibraryInput, loadMaskInput } from './input-images';
import { pixelSizeOf } from './mask-size';
import { chooseTarget, prepareGeneration } from './prepare';

/** What a generation uses of the core. */
export type GenerateDeps = Pick<CoreServices, 'settings' | 'secrets' | 'library' | 'events' | 'notices' | 'logger'>;

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
  /** A kept mask (`library.saveMask`). */
  maskId?: number;
  params?: GenerateParams;
  stream?: boolean;
  conversationId?: number;
  messageId?: number;
  /** The conversation's earlier turns (a follow-up); each kind takes what it can of them. */
  history?: StoredTurn[];
  /** The provider's job this generation created before a restart: followed, not created again. */
  resume?: RemoteJob;
}

export interface GenerationResult {
  images: ImageRecord[];
  text: string;
  provider: string;
  model: string;
  usage: Usage | null;
  /** The prompt as the provider was sent it, where its kind reshapes it (GigaChat's picture mode). */
  sent?: SentPrompt;
}

export type GenerationProgress =
  | { type: 'sent'; sent: SentPrompt }
  | { type: 'text'; delta: string }
  | ({ type: 'progress' } & ProgressLine)
  | { type: 'retry'; notice: RetryNotice }
  | { type: 'image-saved'; image: ImageRecord }
  | { type: 'usage'; usage: Usage }
  | Extract<GenerateEvent, { type: 'remote-job' | 'partial-image' }>;

/**
 * Sends one prompt (and images, and for a follow-up the conversation's earlier turns) to a
 * provider and lands every returned image in the library at once, with its prompt, provider,
 * model, parameters and parents. Input files are imported first so the lineage points at them.
 */
export async function generate(
  core: GenerateDeps,
  input: GenerationInput,
  options: {
    signal?: AbortSignal;
    onProgress?: (event: GenerationProgress) => void;
    /** `report`: a 429 is thrown at once with its Retry-After, for the generation queue to wait out (the chat's way). */
    rateLimits?: 'retry' | 'report';
  } = {},
): Promise<GenerationResult> {
  // Provider, model and prompt first: nothing is read or imported for a request that cannot go.
  chooseTarget(core, input);
  const images = [
    ...(await Promise.all((input.imageIds ?? []).map((id) => loadLibraryInput(core, id)))),
    ...(await Promise.all((input.imageFiles ?? []).map((file) => loadInputFile(core, file, 'image')))),
  ];
  let mask =
    input.maskId !== undefined
      ? await loadMaskInput(core, input.maskId)
      : input.maskFile
        ? await loadInputFile(core, input.maskFile, 'mask')
        : undefined;
  const source = images[0];
  const { config, model, request } = prepareGeneration(core, {
    ...input,
    images,
    mask,
    params: input.params ?? {},
    stream: input.stream ?? true,
    maskSizes: mask && source ? { mask: await pixelSizeOf(core, mask), source: await pixelSizeOf(core, source) } : undefined,
  });
  const params = request.params;
  if (input.resume) request.resume = input.resume;
  const kind = providerKind(config.kind);
  // A mask file over a library source is kept as that picture's mask, so the lineage shows it.
  if (mask && mask.maskId === undefined && source?.libraryId !== undefined) {
    mask = await keepMaskInput(core, mask, source.libraryId);
    request.mask = mask;
  }
  const providerName = config.name ?? config.id;
  const { history, notes } = await providerHistory(core, providerName, describeKind(config.kind).history, input.history ?? [], images);
  if (history.length > 0) request.history = history;
  for (const message of notes) options.onProgress?.({ type: 'progress', message });

  const client = await openProviderClient(core, config.id, {
    onRetry: (notice) => options.onProgress?.({ type: 'retry', notice }),
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
  });
  const http = client.ctx.http;
  const parents = [
    ...images.flatMap((image, i) =>
      image.libraryId ? [{ id: image.libraryId, role: i === 0 ? ('source' as const) : ('reference' as const) }] : [],
    ),
  ];
  const meta = {
    source: images.length > 0 ? ('edited' as const) : ('generated' as const),
    prompt: input.prompt,
    provider: config.id,
    model,
    params: { ...params, ...(input.system ? { system: input.system } : {}) },
    parents,
    ...(mask?.maskId !== undefined ? { maskId: mask.maskId } : {}),
    ...(input.conversationId !== undefined ? { conversationId: input.conversationId } : {}),
    ...(input.messageId !== undefined ? { messageId: input.messageId } : {}),
  };

  const saved: ImageRecord[] = [];
  let text = '';
  let usage: Usage | null = null;
  let sent: SentPrompt | undefined;
  try {
    const events: AsyncIterable<GenerateEvent> = kind.generate(client.ctx, request, options.signal);
    for await (const event of events) {
      if (options.signal?.aborted) throw HolstError.said('cancelled', say('generationCancelled', {}));
      if (event.type === 'text') {
        text += event.delta;
        options.onProgress?.(event);
      } else if (event.type === 'sent') {
        sent = event.sent;
        options.onProgress?.(event);
      } else if (event.type === 'progress') {
        options.onProgress?.(event);
      } else if (event.type === 'usage') {
        usage = event.usage;
        options.onProgress?.(event);
      } else if (event.type === 'remote-job' || event.type === 'partial-image') {
        options.onProgress?.(event);
      } else {
        const { image, duplicate } = await saveImageRef(core.library, http, event.ref, meta, options.signal);
        // The save folder's copy runs in the background: it never holds up or fails the generation.
        if (!duplicate) copyToSaveFolder(core, image);
        if (!saved.some((s) => s.id === image.id)) saved.push(image);
        options.onProgress?.({ type: 'image-saved', image });
      }
    }
  } catch (error) {
    if (options.signal?.aborted && !(error instanceof HolstError && error.code === 'cancelled')) {
      throw HolstError.said('cancelled', say('generationCancelled', {}), { cause: error });
    }
    if (request.history && error instanceof HolstError && error.code === 'bad_request') throw historyRefused(providerName, error);
    throw error;
  } finally {
    await client.close();
  }
  if (saved.length > 0) core.events.emit('library.changed', { ids: saved.map((i) => i.id) });
  return { images: saved, text: extractMarkdownImages(text).text, provider: config.id, model, usage, ...(sent ? { sent } : {}) };
}

/**
 * A provider that refuses a follow-up's earlier turns: said as such, with its own words, so the
 * user can send the prompt again alone (chat.retry with singleTurn). Nothing is retried by itself.
 */
function historyRefused(providerName: string, error: HolstError): HolstError {
  return HolstError.said('bad_request', say('historyRefused', { name: providerName, reason: error.message }), {
    field: 'history',
    cause: error,
  });
}
