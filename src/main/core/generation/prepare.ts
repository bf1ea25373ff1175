import { say } from '../../../shared/core-messages';
import { HolstError } from '../../../shared/errors';
import type { ProviderConfig } from '../../../shared/settings';
import { checkRequest } from '../providers/check-request';
import { requireProvider } from '../providers/provider-settings';
import type { GenerateParams, GenerateRequest, InputImage } from '../providers/types';
import type { CoreServices } from '../services';
import { checkMaskSize, type PixelSize } from './mask-size';

/** What a prompt asks for, before anything is sent or written. */
export interface GenerationAsk {
  providerId: string;
  /** Absent: the provider's first listed model. */
  model?: string | undefined;
  prompt: string;
  system?: string | undefined;
  /** The edit's source first, then references; their bytes may still be empty (a check before reading files). */
  images: InputImage[];
  mask?: InputImage | undefined;
  params: GenerateParams;
  stream?: boolean;
  /** The mask's and the source's pixel sizes, when there are both. */
  maskSizes?: { mask: PixelSize; source: PixelSize } | undefined;
}

export interface PreparedGeneration {
  config: ProviderConfig;
  /** The model it goes to (the one asked for, else the provider's first). */
  model: string;
  request: GenerateRequest;
}

/**
 * The one set of checks before a generation, for the chat (when a prompt is sent, and again when
 * it goes) and for `holst generate` alike: the provider, a model, a prompt, what the provider kind
 * accepts, and a mask the size of its source. Each mistake reads the same wherever it is made.
 */
export function prepareGeneration(deps: Pick<CoreServices, 'settings'>, ask: GenerationAsk): PreparedGeneration {
  const { config, model } = chooseTarget(deps, ask);
  const request: GenerateRequest = {
    model,
    prompt: ask.prompt,
    ...(ask.system ? { system: ask.system } : {}),
    images: ask.images,
    ...(ask.mask ? { mask: ask.mask } : {}),
    params: ask.params,
    stream: ask.stream ?? true,
  };
  checkRequest(config.kind, request, deps.settings.get().modelCatalogue);
  if (ask.mask && ask.images[0] && ask.maskSizes) checkMaskSize(ask.maskSizes.mask, ask.maskSizes.source);
  return { config, model, request };
}

/** The first checks, which need no file read: the provider, a model, a prompt. */
export function chooseTarget(
  deps: Pick<CoreServices, 'settings'>,
  ask: Pick<GenerationAsk, 'providerId' | 'model' | 'prompt'>,
): Omit<PreparedGeneration, 'request'> {
  const config = requireProvider(deps.settings, ask.providerId);
  const model = ask.model ?? config.models?.[0];
  if (!model) throw HolstError.said('invalid_input', say('modelNotChosen', { name: config.name ?? config.id }), { field: 'model' });
  if (ask.prompt.trim() === '') throw HolstError.said('invalid_input', say('promptEmpty', {}), { field: 'prompt' });
  return { config, model };
}
