import { say } from '../../../shared/core-messages';
import { HolstError } from '../../../shared/errors';
import { describeKind, PIXEL_SIZE, type KindDescription, type ParamName } from '../../../shared/provider-kinds';
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
 * Checks a request against what its provider kind takes (src/shared/provider-kinds.ts): the
 * parameters and their values (narrower for some models), the source, references and mask, and
 * each picture's own limits.
 */
export function checkRequest(kindName: ProviderKind, request: GenerateRequest): void {
  const kind = describeKind(kindName);
  for (const [name, value] of Object.entries(request.params) as Array<[ParamName, unknown]>) {
    if (value !== undefined) checkParam(kind, name, value);
  }
  const model = kind.models?.[request.model];
  const { n } = request.params;
  if (model?.n && n !== undefined && n > model.n.max)
    throw model.n.max === 1
      ? refused('n', say('requestModelMakesOne', { model: request.model }))
      : refused('n', say('requestModelMakesAtMost', { model: request.model, max: model.n.max }));
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
      throw spec.min === spec.max
        ? refused(name, say('requestCountOne', { kind: kind.label, n: spec.min }))
        : refused(name, say('requestCountRange', { kind: kind.label, min: spec.min, max: spec.max }));
    }
  } else if (spec.type === 'toggle') {
    if (typeof value !== 'boolean') throw refused(name, say('requestParamToggle', { name }));
  } else if (spec.type === 'pixels') {
    if (typeof value !== 'string' || !PIXEL_SIZE.test(value))
      throw refused(name, say('requestParamPixels', { name, example: spec.example }));
  } else if (typeof value !== 'string' || !spec.values.includes(value)) {
    throw refused(name, say('requestParamOneOf', { name, values: spec.values.join(', '), kind: kind.label }));
  }
}
