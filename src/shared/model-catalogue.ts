/**
 * What each known model takes, narrower than its provider kind: sizes (named, and any width x height
 * within limits), aspect ratios, qualities, how many pictures a request makes, answer formats and
 * compression, a transparent background, moderation, input fidelity, a seed. The core checks a
 * request against its model's description and the composer offers exactly what it says. The
 * settings file's `modelCatalogue` adds models or replaces these entries (settings.ts); a model
 * neither knows is described by its kind (provider-kinds.ts).
 */
import { GPT_QUALITIES, GIVON_ASPECT_RATIOS, describeKind, type KindDescription, type ParamSpec } from './provider-kinds';
import { BACKGROUNDS, INPUT_FIDELITIES, MODERATIONS, OUTPUT_FORMATS, RESOLUTIONS, type CustomSize, type ModelTakes } from './model-takes';
import type { ProviderKind } from './settings';

/** Models by kind and name, as the settings file's `modelCatalogue` holds them. */
export type ModelCatalogue = Partial<Record<ProviderKind, Readonly<Record<string, ModelTakes>>>>;

const GPT_SIZES = ['auto', '1024x1024', '1536x1024', '1024x1536'];
/** What every GPT image model takes through the Images API (the API reference, 2025–2026). */
const GPT_IMAGE: ModelTakes = {
  n: 10,
  sizes: GPT_SIZES,
  qualities: [...GPT_QUALITIES],
  outputFormats: [...OUTPUT_FORMATS],
  compression: true,
  backgrounds: [...BACKGROUNDS],
  moderation: [...MODERATIONS],
  inputFidelity: [...INPUT_FIDELITIES],
  partialImages: true,
};
/** gpt-image-2 draws any size whose sides are multiples of 16, up to 3840 px and 3:1, within a pixel budget. */
const GPT_IMAGE_2_SIZES: CustomSize = { maxEdge: 3840, multipleOf: 16, maxRatio: 3, minPixels: 655_360, maxPixels: 8_294_400 };

/** The built-in table: what the providers' documentation says each model takes. */
export const MODEL_CATALOGUE: ModelCatalogue = {
  'openai-images': {
    'dall-e-2': { n: 10, sizes: ['256x256', '512x512', '1024x1024'], qualities: ['standard'] },
    'dall-e-3': { n: 1, sizes: ['1024x1024', '1792x1024', '1024x1792'], qualities: ['standard', 'hd'] },
    'gpt-image-1': GPT_IMAGE,
    // The small model keeps no closer to the input when asked: it takes no input fidelity.
    'gpt-image-1-mini': { ...GPT_IMAGE, inputFidelity: undefined },
    'gpt-image-1.5': GPT_IMAGE,
    'gpt-image-2': {
      ...GPT_IMAGE,
      sizes: [...GPT_SIZES, '2048x2048', '2048x1152', '3840x2160', '2160x3840'],
      customSize: GPT_IMAGE_2_SIZES,
    },
  },
  // The seed page's one model (shared/seeds 003): the same as the kind, said of the model.
  givon: {
    'gpt-image-2': { aspects: [...GIVON_ASPECT_RATIOS], qualities: [...GPT_QUALITIES], resolutions: [...RESOLUTIONS] },
  },
};

/**
 * A model's entry: the settings file's before the built-in one, by its name as written, then without
 * a service's `vendor/` prefix, then without a snapshot date (`gpt-image-2-2026-04-21`).
 */
export function findModel(kind: ProviderKind, model: string, user: ModelCatalogue = {}): ModelTakes | undefined {
  const bare = model.replace(/^[\w.-]+\//, '');
  const names = [model, bare, bare.replace(/-\d{4}-\d{2}-\d{2}$/, '')];
  for (const table of [user[kind], MODEL_CATALOGUE[kind]]) {
    const name = names.find((candidate) => table && Object.hasOwn(table, candidate));
    if (name !== undefined) return table![name];
  }
  return undefined;
}

/** What `model` of `kind` takes: its kind's description narrowed to its entry, or its kind's as it is. */
export function describeModel(kind: ProviderKind, model: string, user?: ModelCatalogue): KindDescription {
  const description = describeKind(kind);
  const takes = findModel(kind, model, user);
  if (!takes) return description;
  const params = [...description.params, ...(description.optIn ?? [])].flatMap((spec) => {
    const narrowed = narrow(spec, takes);
    return narrowed ? [narrowed] : [];
  });
  return { ...description, label: model, model, params, optIn: [] };
}

/** A parameter of the kind as the model takes it, or null when it does not. */
function narrow(spec: ParamSpec, takes: ModelTakes): ParamSpec | null {
  switch (spec.type) {
    case 'toggle':
      return spec;
    case 'count': {
      // Left out, the model makes one picture a request: n = 1 is still fine to send.
      const max = Math.min(spec.max, takes.n ?? 1);
      return { ...spec, max, default: Math.min(spec.default, max) };
    }
    case 'pixels': {
      if (!takes.sizes && !takes.customSize) return null;
      const sizes = takes.sizes ?? [];
      const named = sizes.find((size) => size !== 'auto');
      return {
        ...spec,
        suggestions: sizes,
        custom: takes.customSize ?? null,
        // What the service draws when asked nothing: `auto` where it picks, else the square most offer.
        default: sizes.includes('auto') || !named ? 'auto' : sizes.includes('1024x1024') ? '1024x1024' : named,
        example: named ?? spec.example,
      };
    }
    case 'number':
      return NUMBERS[spec.name](takes) ? spec : null;
    case 'choice': {
      const values = CHOICES[spec.name](takes);
      return values ? { ...spec, values } : null;
    }
  }
}

const NUMBERS: Record<Extract<ParamSpec, { type: 'number' }>['name'], (takes: ModelTakes) => boolean | undefined> = {
  compression: (takes) => takes.compression,
  seed: (takes) => takes.seed,
  partialImages: (takes) => takes.partialImages,
};

const CHOICES: Record<Extract<ParamSpec, { type: 'choice' }>['name'], (takes: ModelTakes) => readonly string[] | undefined> = {
  aspect: (takes) => takes.aspects,
  quality: (takes) => takes.qualities,
  resolution: (takes) => takes.resolutions,
  outputFormat: (takes) => takes.outputFormats,
  background: (takes) => takes.backgrounds,
  moderation: (takes) => takes.moderation,
  inputFidelity: (takes) => takes.inputFidelity,
};
