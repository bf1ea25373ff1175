import { say } from '../../../shared/core-messages';
import { HolstError } from '../../../shared/errors';
import { describeModel, type ModelCatalogue } from '../../../shared/model-catalogue';
import { COMPRESSIBLE_FORMATS, fitsCustomSize, TRANSPARENT_FORMATS, type OutputFormat } from '../../../shared/model-takes';
import { PIXEL_SIZE, type KindDescription, type ParamName, type PixelsSpec } from '../../../shared/provider-kinds';
import type { ProviderKind } from '../../../shared/settings';
import type { GenerateRequest } from './types';

const MASK_REFUSALS = {
  gigachat: 'requestNoMaskGigachat',
  'chat-model': 'requestNoMaskChatModel',
  other: 'requestNoMaskOther',
} as const;

/** A refusal the window says in its language (src/shared/core-messages.ts). */
const refused = (field: string, sentence: ReturnType<typeof say>) => HolstError.said('invalid_input', sentence, { field });

/**
 * Checks a request against what its model takes (src/shared/model-catalogue.ts, with the settings
 * file's entries), or its provider kind where the model is not known: the parameters and their
 * values, how they go together, the source, references and mask, and each picture's own limits.
 */
export function checkRequest(kindName: ProviderKind, request: GenerateRequest, catalogue?: ModelCatalogue): void {
  const kind = describeModel(kindName, request.model, catalogue);
  for (const [name, value] of Object.entries(request.params) as Array<[ParamName, unknown]>) {
    if (value !== undefined) checkParam(kind, name, value);
  }
  checkTogether(kind, request);
  const [source, ...references] = request.images;
  if (request.mask) {
    if (!kind.mask.ok) throw refused('mask', say(MASK_REFUSALS[kind.mask.reason], {}));
    if (!source) throw refused('mask', say('requestMaskNeedsSource', {}));
    if (request.mask.mime !== 'image/png') throw refused('mask', say('requestMaskNotPng', {}));
  }
  if (references.length > kind.references)
    throw refused('image', say('requestTooManyReferences', { kind: kind.label, max: kind.references }));
  const limits = kind.inputImages;
  if (!limits) return;
  for (const image of request.images) {
    if (image.bytes.length > limits.maxBytes)
      throw refused(
        'image',
        say('requestImageTooLarge', { image: image.name, kind: kind.label, megabytes: limits.maxBytes / 1024 / 1024 }),
      );
    if (!limits.mimes.includes(image.mime)) {
      const formats = limits.mimes.map((mime) => mime.replace('image/', '').toUpperCase()).join(', ');
      throw refused('image', say('requestImageFormat', { kind: kind.label, formats, image: image.name, mime: image.mime }));
    }
  }
}

/** What the Images API refuses of parameters that each pass alone (its reference, and the reference server). */
function checkTogether(kind: KindDescription, request: GenerateRequest): void {
  const { outputFormat, compression, background, inputFidelity, moderation } = request.params;
  // Without a format the answer is a PNG.
  const format: OutputFormat = outputFormat ?? 'png';
  if (compression !== undefined && !COMPRESSIBLE_FORMATS.includes(format))
    throw refused('compression', say('requestCompressionFormat', {}));
  if (background === 'transparent' && !TRANSPARENT_FORMATS.includes(format))
    throw refused('background', say('requestTransparentFormat', {}));
  // An edit goes to /images/edits, which takes input fidelity; a new picture to /images/generations, which takes moderation.
  if (inputFidelity !== undefined && request.images.length === 0) throw refused('inputFidelity', say('requestFidelityNeedsSource', {}));
  if (moderation !== undefined && request.images.length > 0)
    throw refused('moderation', say('requestModerationNotForEdits', { kind: kind.label }));
}

function checkParam(kind: KindDescription, name: ParamName, value: unknown): void {
  const spec = kind.params.find((p) => p.name === name);
  if (!spec) {
    const takes = kind.params.map((p) => p.name).join(', ');
    throw takes
      ? refused(name, say('requestParamUnknown', { kind: kind.label, name, takes }))
      : refused(name, say('requestParamNone', { kind: kind.label, name }));
  }
  if (spec.type === 'count') {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < spec.min || value > spec.max) {
      // A known model's limit is said of the model: "dall-e-3 makes one image per request".
      if (kind.model !== undefined && typeof value === 'number' && value > spec.max)
        throw spec.max === 1
          ? refused(name, say('requestModelMakesOne', { model: kind.model }))
          : refused(name, say('requestModelMakesAtMost', { model: kind.model, max: spec.max }));
      throw spec.min === spec.max
        ? refused(name, say('requestCountOne', { kind: kind.label, n: spec.min }))
        : refused(name, say('requestCountRange', { kind: kind.label, min: spec.min, max: spec.max }));
    }
  } else if (spec.type === 'toggle') {
    if (typeof value !== 'boolean') throw refused(name, say('requestParamToggle', { name }));
  } else if (spec.type === 'number') {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < spec.min || value > spec.max)
      throw refused(name, say('requestParamNumber', { name, min: spec.min, max: spec.max }));
  } else if (spec.type === 'pixels') {
    if (typeof value !== 'string' || !PIXEL_SIZE.test(value))
      throw refused(name, say('requestParamPixels', { name, example: spec.example }));
    checkSize(kind, spec, value);
  } else if (typeof value !== 'string' || !spec.values.includes(value)) {
    throw refused(name, say('requestParamOneOf', { name, values: spec.values.join(', '), kind: kind.label }));
  }
}

/** A size the model draws: one it names, or (where it takes others) one within its limits. */
function checkSize(kind: KindDescription, spec: PixelsSpec, size: string): void {
  if (spec.custom === 'any' || spec.suggestions.includes(size)) return;
  const [width, height] = size.split('x').map(Number) as [number, number];
  if (spec.custom === null || size === 'auto')
    throw refused('size', say('requestSizeNotOffered', { kind: kind.label, sizes: spec.suggestions.join(', '), size }));
  if (!fitsCustomSize(spec.custom, width, height))
    throw refused(
      'size',
      say('requestSizeOutOfLimits', {
        kind: kind.label,
        size,
        multiple: spec.custom.multipleOf,
        maxEdge: spec.custom.maxEdge,
        ratio: spec.custom.maxRatio,
        minPixels: spec.custom.minPixels,
        maxPixels: spec.custom.maxPixels,
      }),
    );
}
