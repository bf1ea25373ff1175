/**
 * What each provider kind takes, described once: the core checks requests against it, and the
 * composer, the provider form and the first-run guide show what it says. A new kind adds its
 * description here and its folder under src/main/core/providers/. What a known model of a kind
 * takes, narrower than its kind, is in model-catalogue.ts.
 */
import {
  BACKGROUNDS,
  INPUT_FIDELITIES,
  MAX_PARTIAL_IMAGES,
  MAX_SEED,
  MODERATIONS,
  OUTPUT_FORMATS,
  RESOLUTIONS,
  type CustomSize,
  type Quality,
} from './model-takes';
import type { ProviderConfig, ProviderKind } from './settings';

export { PIXEL_SIZE, QUALITIES, RESOLUTIONS, type Quality, type Resolution } from './model-takes';

/** The parameters a request may carry (GenerateParamsSchema in generation.ts). */
export type ParamName =
  | 'n'
  | 'size'
  | 'aspect'
  | 'quality'
  | 'resolution'
  | 'pictureMode'
  | 'outputFormat'
  | 'compression'
  | 'background'
  | 'moderation'
  | 'inputFidelity'
  | 'seed'
  | 'partialImages';

/** How many pictures one request makes. */
export interface CountSpec {
  name: 'n';
  type: 'count';
  min: number;
  max: number;
  default: number;
}
/** A pixel size written `WIDTHxHEIGHT`, or `auto`. */
export interface PixelsSpec {
  name: 'size';
  type: 'pixels';
  example: string;
  /** Sizes offered by name. */
  suggestions: readonly string[];
  /**
   * Which other sizes may be typed: any that fits PIXEL_SIZE (`any`, a kind that does not know its
   * models), those within a model's limits, or none (null: the suggestions only).
   */
  custom: 'any' | CustomSize | null;
  default: string;
}
/** One of a fixed list. */
export interface ChoiceSpec {
  name: 'aspect' | 'quality' | 'resolution' | 'outputFormat' | 'background' | 'moderation' | 'inputFidelity';
  type: 'choice';
  values: readonly string[];
  default: string | null;
}
/**
 * A whole number in a range: a JPEG or WebP answer's compression (0–100), a seed, or how many
 * pictures on the way a model streams before the final one (`partialImages`, 0–3; the Images API's
 * `stream` with `partial_images`: each is shown as it arrives, and the final picture replaces it).
 */
export interface NumberSpec {
  name: 'compression' | 'seed' | 'partialImages';
  type: 'number';
  min: number;
  max: number;
  default: number | null;
}
/**
 * A switch. `pictureMode` (GigaChat): the prompt goes as a request to draw it, the documented way
 * (a system message that steers drawing and "Нарисуй: …" / "Draw: …"); off, it goes as written,
 * for plain talk.
 */
export interface ToggleSpec {
  name: 'pictureMode';
  type: 'toggle';
  default: boolean;
}
export type ParamSpec = CountSpec | PixelsSpec | ChoiceSpec | NumberSpec | ToggleSpec;
/** The description of parameter `N`. */
export type SpecFor<N extends ParamName> = N extends 'n'
  ? CountSpec
  : N extends 'size'
    ? PixelsSpec
    : N extends 'pictureMode'
      ? ToggleSpec
      : N extends 'compression' | 'seed' | 'partialImages'
        ? NumberSpec
        : ChoiceSpec;

/** Why a kind takes no mask, as a code: the window shows its sentence (mask:unsupported.<code>). */
export type MaskUnsupportedReason = 'gigachat' | 'chat-model' | 'other';

/** What a follow-up sends of the conversation's earlier turns. */
export type HistorySupport = 'none' | 'text' | 'text-and-images';

export interface KindDescription {
  kind: ProviderKind;
  /** Its name in messages ("GigaChat makes 1 to 4 …"). */
  label: string;
  params: readonly ParamSpec[];
  /**
   * What the first attached picture is to this kind: a source it edits, or a picture it takes into
   * account when drawing a new one (GigaChat: attachments are considered, not edited).
   */
  source: 'edited' | 'considered';
  /** Whether it takes a mask over the source, and if not, why. */
  mask: { ok: true } | { ok: false; reason: MaskUnsupportedReason };
  /** How many reference pictures it takes besides the source. */
  references: number;
  history: HistorySupport;
  /** Limits on each picture sent, where the kind has its own. */
  inputImages?: { mimes: readonly string[]; maxBytes: number };
  /** Settings fields a provider of this kind has besides id, name, address, models and CA file. */
  settings: readonly ProviderSettingName[];
  /**
   * How many of a provider's generations run at once when its `maxConcurrent` is unset: `default`,
   * or by its scope where the service limits a scope (GigaChat: one stream for an individual).
   */
  concurrency: { default: number; byScope?: Readonly<Record<string, number>>; scopeWhenUnset?: string };
  /**
   * Parameters the kind can send only for a model whose catalogue entry says it takes them (a seed:
   * no documented model of these kinds takes one, some an aggregator serves do).
   */
  optIn?: readonly ParamSpec[];
  /** The model this describes, when it is a known model's description (model-catalogue.ts). */
  model?: string;
}

/**
 * A provider's own settings fields: `authUrl` and `scope` (GigaChat's OAuth), and `maxConcurrent`
 * (every kind: how many of its generations the queue runs at once, 1-16).
 */
export type ProviderSettingName = 'authUrl' | 'scope' | 'maxConcurrent';

/** The qualities GPT image models and Givon take. */
export const GPT_QUALITIES = ['low', 'medium', 'high'] as const satisfies readonly Quality[];
const QUALITY: ChoiceSpec = { name: 'quality', type: 'choice', values: GPT_QUALITIES, default: null };
const SIZE: PixelsSpec = {
  name: 'size',
  type: 'pixels',
  example: '1024x1024',
  suggestions: ['auto', '1024x1024', '1536x1024', '1024x1536', '1792x1024', '1024x1792', '512x512'],
  custom: 'any',
  default: 'auto',
};
const choice = (name: ChoiceSpec['name'], values: readonly string[]): ChoiceSpec => ({ name, type: 'choice', values, default: null });
/** What the Images API's GPT image models take besides size, quality and n. */
export const IMAGES_API_EXTRAS: readonly ParamSpec[] = [
  choice('outputFormat', OUTPUT_FORMATS),
  { name: 'compression', type: 'number', min: 0, max: 100, default: null },
  choice('background', BACKGROUNDS),
  choice('moderation', MODERATIONS),
  choice('inputFidelity', INPUT_FIDELITIES),
  { name: 'partialImages', type: 'number', min: 0, max: MAX_PARTIAL_IMAGES, default: null },
];
const SEED: NumberSpec = { name: 'seed', type: 'number', min: 0, max: MAX_SEED, default: null };

/** The seed's values; Givon answers 400 to anything else, so they are checked before sending. */
export const GIVON_ASPECT_RATIOS = ['1:1', '2:3', '3:2', '4:3', '3:4', '4:5', '5:4', '16:9', '9:16', '21:9'] as const;

export const KIND_DESCRIPTIONS: Readonly<Record<ProviderKind, KindDescription>> = {
  gigachat: {
    kind: 'gigachat',
    label: 'GigaChat',
    params: [
      { name: 'n', type: 'count', min: 1, max: 4, default: 1 },
      // GigaChat draws only when asked to: on in a new chat, so a prompt that describes a picture gets one.
      { name: 'pictureMode', type: 'toggle', default: true },
    ],
    source: 'considered',
    mask: { ok: false, reason: 'gigachat' },
    references: 16,
    // Attachments are taken into account, not edited (provider digest): earlier images stay out of the history.
    history: 'text',
    inputImages: { mimes: ['image/png', 'image/jpeg'], maxBytes: 15 * 1024 * 1024 },
    settings: ['authUrl', 'scope', 'maxConcurrent'],
    // An individual (GIGACHAT_API_PERS, the scope used when none is set) may hold one stream at a time; a company ten.
    concurrency: { default: 4, byScope: { GIGACHAT_API_PERS: 1 }, scopeWhenUnset: 'GIGACHAT_API_PERS' },
  },
  'openai-chat': {
    kind: 'openai-chat',
    label: 'A chat image model',
    params: [{ name: 'n', type: 'count', min: 1, max: 10, default: 1 }, SIZE],
    source: 'edited',
    mask: { ok: false, reason: 'chat-model' },
    references: 15,
    history: 'text-and-images',
    settings: ['maxConcurrent'],
    concurrency: { default: 4 },
    optIn: [SEED],
  },
  'openai-images': {
    kind: 'openai-images',
    label: 'The Images API',
    // A model the catalogue does not know is offered all the Images API takes; the service decides.
    params: [{ name: 'n', type: 'count', min: 1, max: 10, default: 1 }, SIZE, QUALITY, ...IMAGES_API_EXTRAS],
    source: 'edited',
    mask: { ok: true },
    references: 15,
    history: 'none',
    settings: ['maxConcurrent'],
    concurrency: { default: 4 },
    optIn: [SEED],
  },
  givon: {
    kind: 'givon',
    label: 'Givon',
    params: [{ name: 'aspect', type: 'choice', values: GIVON_ASPECT_RATIOS, default: null }, QUALITY, choice('resolution', RESOLUTIONS)],
    source: 'edited',
    mask: { ok: true },
    references: 16,
    history: 'none',
    settings: ['maxConcurrent'],
    concurrency: { default: 4 },
  },
};

export function describeKind(kind: ProviderKind): KindDescription {
  return KIND_DESCRIPTIONS[kind];
}

/** How many of this provider's generations may run at once: its `maxConcurrent`, else its kind's default. */
export function maxConcurrentOf(config: Pick<ProviderConfig, 'kind' | 'scope' | 'maxConcurrent'>): number {
  if (config.maxConcurrent !== undefined) return config.maxConcurrent;
  const { concurrency } = KIND_DESCRIPTIONS[config.kind];
  const scope = config.scope ?? concurrency.scopeWhenUnset;
  return (scope !== undefined ? concurrency.byScope?.[scope] : undefined) ?? concurrency.default;
}

/** The names of the parameters a kind takes, in the order the composer shows them. */
export function paramNames(kind: ProviderKind): ParamName[] {
  return KIND_DESCRIPTIONS[kind].params.map((spec) => spec.name);
}

/** A parameter's description for a kind, if the kind takes it. */
export function paramSpec<N extends ParamName>(kind: ProviderKind, name: N): SpecFor<N> | undefined {
  return KIND_DESCRIPTIONS[kind].params.find((spec) => spec.name === name) as SpecFor<N> | undefined;
}

/** The most pictures one request may carry, whatever the kind: a source and the most references any kind takes. */
export const MAX_REQUEST_IMAGES = 1 + Math.max(...Object.values(KIND_DESCRIPTIONS).map((kind) => kind.references));
