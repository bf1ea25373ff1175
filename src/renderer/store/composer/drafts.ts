/**
 * What the composer holds for one conversation (its draft): the prompt being written, the provider,
 * model and picture settings, and the pictures to send. Each conversation has its own, and the
 * new chat not sent yet has one too: nothing set in one chat is ever sent from another.
 */
import { MAX_VARIATIONS, type GenerateParamsInput } from '../../../shared/generation';
import type { ImageRecord, MaskRecord, Message } from '../../../shared/library';
import {
  BACKGROUNDS,
  INPUT_FIDELITIES,
  MODERATIONS,
  OUTPUT_FORMATS,
  QUALITIES,
  RESOLUTIONS,
  type Quality,
  type Resolution,
} from '../../../shared/model-takes';
import { describeKind, type KindDescription, type ParamSpec, type ToggleSpec } from '../../../shared/provider-kinds';
import type { ProviderKind } from '../../../shared/settings';

/** Parameter fields as typed; only those the model takes (model-catalogue.ts), and only filled ones, are sent. */
export interface ParamsDraft {
  n: string;
  size: string;
  aspect: string;
  quality: '' | Quality;
  resolution: '' | Resolution;
  /** A switch: '' until the user flips it (the kind's default then holds: picture mode starts on). */
  pictureMode: ToggleDraft;
  outputFormat: '' | (typeof OUTPUT_FORMATS)[number];
  compression: string;
  background: '' | (typeof BACKGROUNDS)[number];
  moderation: '' | (typeof MODERATIONS)[number];
  inputFidelity: '' | (typeof INPUT_FIDELITIES)[number];
  seed: string;
  /** Pictures on the way to stream before the final one (0–3), where the model takes it. */
  partialImages: string;
}
export type ToggleDraft = '' | 'on' | 'off';

export const EMPTY_PARAMS: ParamsDraft = Object.freeze({
  n: '',
  size: '',
  aspect: '',
  quality: '',
  resolution: '',
  pictureMode: '',
  outputFormat: '',
  compression: '',
  background: '',
  moderation: '',
  inputFidelity: '',
  seed: '',
  partialImages: '',
});

/** Whether a switch is on: as flipped, else the kind's default. */
export const toggleOn = (value: ToggleDraft, spec: ToggleSpec): boolean => (value === '' ? spec.default : value === 'on');

/**
 * A setting's value as the composer shows it for the chosen model: a choice the model does not offer
 * (left from another model of the provider) reads as not set, and is not sent.
 */
export function draftValue(spec: Exclude<ParamSpec, ToggleSpec>, draft: ParamsDraft): string {
  const value = draft[spec.name].trim();
  return spec.type === 'choice' && !spec.values.includes(value) ? '' : value;
}

/**
 * The parameters to send: only those the model's description lists (describeModel; a kind's own
 * where only the kind is given), only filled
 * ones, each as its type is sent; a switch always goes, so the prompt is stored with what it was sent with.
 */
export function buildParams(target: ProviderKind | KindDescription, draft: ParamsDraft): GenerateParamsInput {
  const description = typeof target === 'string' ? describeKind(target) : target;
  const params: Record<string, string | number | boolean> = {};
  for (const spec of description.params) {
    if (spec.type === 'toggle') {
      params[spec.name] = toggleOn(draft[spec.name], spec);
      continue;
    }
    const value = draftValue(spec, draft);
    if (value === '') continue;
    params[spec.name] = spec.type === 'count' || spec.type === 'number' ? Number(value) : value;
  }
  return params as GenerateParamsInput;
}

/**
 * The composer's description of a model: its own, with "How many" (×N) offered for every kind from
 * 1 to MAX_VARIATIONS. Where the model takes `n`, one request carries as many as it may; the core
 * asks again for the rest (chat.send's `count`).
 */
export function withVariations(description: KindDescription): KindDescription {
  const own = description.params.find((spec) => spec.name === 'n');
  const count = { name: 'n', type: 'count', min: 1, max: MAX_VARIATIONS, default: own?.type === 'count' ? own.default : 1 } as const;
  return { ...description, params: [count, ...description.params.filter((spec) => spec.name !== 'n')] };
}

/** How many pictures the draft asks for in all (×N), where it asks for more than one. */
export function draftCount(draft: ParamsDraft): number | undefined {
  const n = Number(draft.n.trim());
  return Number.isInteger(n) && n > 1 && n <= MAX_VARIATIONS ? n : undefined;
}

/** Why an attached picture can no longer be sent. */
export type MissingReason = 'trashed' | 'deleted';

export interface Draft {
  prompt: string;
  /** Provider picked (null: the first one). */
  providerId: string | null;
  /** Model picked per provider (absent: the provider's first configured model). */
  models: Record<string, string>;
  /** Picture settings per provider: settings chosen for one provider never go to another. */
  params: Record<string, ParamsDraft>;
  /** Library images to send: the first is the edit's source, the rest references. */
  attachments: ImageRecord[];
  /** The first attachment was chosen by Holst: the last picture of the conversation (a follow-up). */
  sourceAuto: boolean;
  /** The user took the automatic source off: none is chosen again until the next answer. */
  autoOff: boolean;
  /** A mask painted over the source (the first attachment), for kinds that take one. */
  mask: MaskRecord | null;
  /** Attached images that can no longer be sent, by id: why (moved to the trash, or deleted for good). */
  missing: Record<number, MissingReason>;
  /** Files being imported to be attached here. */
  attaching: number;
  attachError: string | null;
  /** Fan-out: further providers (and models) the next prompt also goes to, side by side. */
  compare: CompareTarget[];
}

/** A provider (and its model) a prompt also goes to. */
export interface CompareTarget {
  providerId: string;
  kind: ProviderKind;
  model: string;
}

export const DRAFT_FIELDS = [
  'prompt',
  'providerId',
  'models',
  'params',
  'attachments',
  'sourceAuto',
  'autoOff',
  'mask',
  'missing',
  'attaching',
  'attachError',
  'compare',
] as const satisfies readonly (keyof Draft)[];

/** Where a conversation's draft is kept; the new chat (not sent yet) has its own. */
export type DraftKey = `c${number}` | 'new';
export const draftKey = (conversationId: number | null): DraftKey => (conversationId === null ? 'new' : `c${conversationId}`);

/** The draft part of a state that holds one (the chat store holds the open conversation's). */
export function pickDraft(state: Draft): Draft {
  const draft = {} as Record<keyof Draft, unknown>;
  for (const field of DRAFT_FIELDS) draft[field] = state[field];
  return draft as unknown as Draft;
}

/** The provider and model the last prompt was sent with: a new chat starts from them. */
export interface LastUsed {
  providerId: string;
  model: string;
}

/** A draft with nothing in it but the provider and model last used. */
export function cleanDraft(lastUsed: LastUsed | null): Draft {
  return {
    prompt: '',
    providerId: lastUsed?.providerId ?? null,
    models: lastUsed && lastUsed.model ? { [lastUsed.providerId]: lastUsed.model } : {},
    params: {},
    attachments: [],
    sourceAuto: false,
    autoOff: false,
    mask: null,
    missing: {},
    attaching: 0,
    attachError: null,
    compare: [],
  };
}

/** The picture settings a sent prompt asked for, as the composer's fields (what it does not know is left out). */
export function paramsFromRequest(request: Message['request']): ParamsDraft {
  const sent = request?.params;
  const draft: ParamsDraft = { ...EMPTY_PARAMS };
  if (!sent || typeof sent !== 'object') return draft;
  const { n, size, aspect, quality, resolution, pictureMode, outputFormat, compression, background, moderation, inputFidelity, seed } =
    sent as Record<string, unknown>;
  const { partialImages } = sent as Record<string, unknown>;
  if (typeof pictureMode === 'boolean') draft.pictureMode = pictureMode ? 'on' : 'off';
  if (typeof n === 'number' && Number.isSafeInteger(n)) draft.n = String(n);
  if (typeof size === 'string') draft.size = size;
  if (typeof aspect === 'string') draft.aspect = aspect;
  if (isOneOf(QUALITIES, quality)) draft.quality = quality;
  if (isOneOf(RESOLUTIONS, resolution)) draft.resolution = resolution;
  if (isOneOf(OUTPUT_FORMATS, outputFormat)) draft.outputFormat = outputFormat;
  if (typeof compression === 'number' && Number.isSafeInteger(compression)) draft.compression = String(compression);
  if (isOneOf(BACKGROUNDS, background)) draft.background = background;
  if (isOneOf(MODERATIONS, moderation)) draft.moderation = moderation;
  if (isOneOf(INPUT_FIDELITIES, inputFidelity)) draft.inputFidelity = inputFidelity;
  if (typeof seed === 'number' && Number.isSafeInteger(seed)) draft.seed = String(seed);
  if (typeof partialImages === 'number' && Number.isSafeInteger(partialImages)) draft.partialImages = String(partialImages);
  // A "×N" asked for N in all, whatever its first request carried.
  if (typeof request?.count === 'number' && Number.isSafeInteger(request.count)) draft.n = String(request.count);
  return draft;
}

/**
 * A conversation opened with no draft of its own yet goes on as it was last sent: the provider,
 * model and picture settings of its newest prompt (or, if it has none, those last used).
 */
export function draftFromConversation(
  messages: readonly Message[],
  lastUsed: LastUsed | null,
): Pick<Draft, 'providerId' | 'models' | 'params'> {
  const last = messages.findLast((m) => m.role === 'user' && m.provider);
  if (!last?.provider) {
    const { providerId, models, params } = cleanDraft(lastUsed);
    return { providerId, models, params };
  }
  return {
    providerId: last.provider,
    models: last.model ? { [last.provider]: last.model } : {},
    params: { [last.provider]: paramsFromRequest(last.request) },
  };
}

/** Whether any picture setting the kind takes is filled in (a switch: flipped from its default). */
export const hasParams = (draft: ParamsDraft | undefined, kind: ProviderKind): boolean =>
  draft !== undefined &&
  describeKind(kind).params.some((spec) =>
    spec.type === 'toggle' ? toggleOn(draft[spec.name], spec) !== spec.default : draft[spec.name].trim() !== '',
  );

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T => (list as readonly unknown[]).includes(value);
