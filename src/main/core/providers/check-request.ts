import { HolstError } from '../../../shared/errors';
import { describeKind, PIXEL_SIZE, type KindDescription, type ParamName } from '../../../shared/provider-kinds';
import type { ProviderKind } from '../../../shared/settings';
import type { GenerateRequest } from './types';

const MASK_REFUSALS = {
  gigachat: 'GigaChat does not take a mask; describe the change in the prompt instead.',
  'chat-model': 'Chat image models take no mask; describe the change in the prompt, or use an Images API provider.',
  other: 'This provider takes no mask; describe the change in the prompt instead.',
} as const;

const list = (values: readonly string[]) =>
  values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} and ${values.at(-1) ?? ''}`;

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
    throw new HolstError(
      'invalid_input',
      `${request.model} makes ${model.n.max === 1 ? 'one image per request (n = 1)' : `at most ${model.n.max} images per request (n)`}.`,
      { field: 'n' },
    );
  const [source, ...references] = request.images;
  if (request.mask) {
    if (!kind.mask.ok) throw new HolstError('invalid_input', MASK_REFUSALS[kind.mask.reason], { field: 'mask' });
    if (!source) throw new HolstError('invalid_input', 'A mask needs a source image to edit.', { field: 'mask' });
    if (request.mask.mime !== 'image/png')
      throw new HolstError('invalid_input', 'The mask must be a PNG (its transparent pixels mark the area to change).', { field: 'mask' });
  }
  if (references.length > kind.references)
    throw new HolstError('invalid_input', `${kind.label} takes one source image and at most ${kind.references} references.`, {
      field: 'image',
    });
  const limits = kind.inputImages;
  if (!limits) return;
  for (const image of request.images) {
    if (image.bytes.length > limits.maxBytes)
      throw new HolstError(
        'invalid_input',
        `${image.name} is over ${kind.label}'s ${limits.maxBytes / 1024 / 1024} MB limit for one image.`,
        {
          field: 'image',
        },
      );
    if (!limits.mimes.includes(image.mime)) {
      const formats = list(limits.mimes.map((mime) => mime.replace('image/', '').toUpperCase()));
      throw new HolstError('invalid_input', `${kind.label} takes ${formats} images; ${image.name} is ${image.mime}.`, { field: 'image' });
    }
  }
}

function checkParam(kind: KindDescription, name: ParamName, value: unknown): void {
  const spec = kind.params.find((p) => p.name === name);
  if (!spec) {
    const takes = kind.params.map((p) => p.name);
    throw new HolstError(
      'invalid_input',
      `${kind.label} takes no ${name}${takes.length > 0 ? `; it takes ${list(takes)}` : '; it takes no picture settings'}.`,
      { field: name },
    );
  }
  if (spec.type === 'count') {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < spec.min || value > spec.max) {
      const how =
        spec.min === spec.max ? `one picture per request (n = ${spec.min})` : `${spec.min} to ${spec.max} pictures per request (n)`;
      throw new HolstError('invalid_input', `${kind.label} makes ${how}.`, { field: name });
    }
  } else if (spec.type === 'toggle') {
    if (typeof value !== 'boolean') throw new HolstError('invalid_input', `${name} is on (true) or off (false).`, { field: name });
  } else if (spec.type === 'pixels') {
    if (typeof value !== 'string' || !PIXEL_SIZE.test(value))
      throw new HolstError('invalid_input', `${name} must look like ${spec.example} (or auto).`, { field: name });
  } else if (typeof value !== 'string' || !spec.values.includes(value)) {
    throw new HolstError('invalid_input', `${name} must be one of ${spec.values.join(', ')} for ${kind.label}.`, { field: name });
  }
}
