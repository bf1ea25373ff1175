/** Generation as it crosses IPC: what the renderer asks for and the events it is sent back. */
import * as z from 'zod';
import { SaidSchema } from './core-messages';
import { ErrorPayloadSchema } from './errors';
import { ImageIdSchema, ImageRecordSchema, MaskIdSchema, MessageSchema, UsageSchema } from './library';
import {
  BACKGROUNDS,
  INPUT_FIDELITIES,
  MAX_PARTIAL_IMAGES,
  MAX_SEED,
  MODERATIONS,
  OUTPUT_FORMATS,
  QUALITIES,
  RESOLUTIONS,
} from './model-takes';
import { MAX_REQUEST_IMAGES } from './provider-kinds';
import { ProviderIdSchema } from './settings';

/** Parameters a request may carry; each provider kind checks which of them it takes, and their limits. */
export const GenerateParamsSchema = z.object({
  n: z.number().int().min(1).max(10).optional(),
  size: z.string().trim().max(20).optional(),
  aspect: z.string().trim().max(10).optional(),
  quality: z.enum(QUALITIES).optional(),
  resolution: z.enum(RESOLUTIONS).optional(),
  /** GigaChat: send the prompt as a request to draw it (provider-kinds.ts). */
  pictureMode: z.boolean().optional(),
  /** The Images API's GPT image models (model-catalogue.ts): the answer's format and its compression. */
  outputFormat: z.enum(OUTPUT_FORMATS).optional(),
  compression: z.number().int().min(0).max(100).optional(),
  background: z.enum(BACKGROUNDS).optional(),
  moderation: z.enum(MODERATIONS).optional(),
  inputFidelity: z.enum(INPUT_FIDELITIES).optional(),
  seed: z.number().int().min(0).max(MAX_SEED).optional(),
  /** The Images API's GPT image models: stream this many pictures on the way (0–3), each shown until the final one replaces it. */
  partialImages: z.number().int().min(0).max(MAX_PARTIAL_IMAGES).optional(),
});
export type GenerateParamsInput = z.infer<typeof GenerateParamsSchema>;

/** At most this many pictures for one prompt ("×N"). */
export const MAX_VARIATIONS = 10;
/** At most this many providers or models for one prompt (the first and those it is compared with). */
export const MAX_FAN_OUT = 4;

export const ChatSendSchema = z.object({
  /** The conversation to continue; a new one is started without it. */
  conversationId: z.number().int().positive().optional(),
  providerId: ProviderIdSchema,
  model: z.string().trim().min(1).max(200).optional(),
  prompt: z.string().max(100_000),
  system: z.string().max(100_000).optional(),
  /** Library images to send: the first is the edit's source, the rest references. */
  imageIds: z.array(ImageIdSchema).max(MAX_REQUEST_IMAGES).default([]),
  /** A mask painted over the source (`library.saveMask`), for kinds that take one. */
  maskId: MaskIdSchema.optional(),
  params: GenerateParamsSchema.default({}),
  /**
   * Send the prompt alone, without the conversation's earlier turns (after a provider refused a
   * multi-turn body). Follow-ups carry the history by default, per provider kind.
   */
  singleTurn: z.boolean().optional(),
  /**
   * The source is the conversation's last picture, as Holst picks it (the user chose none):
   * `imageIds[0]` is that pick when the window had it. A prompt sent while an earlier answer of the
   * conversation is still being written waits for it, and then goes on from its picture instead;
   * one sent before the window had a pick gets it from the core.
   */
  autoSource: z.boolean().optional(),
  /**
   * Variations: how many pictures in all (1–10), for any kind. Where the model takes `n`, one
   * request carries as many as it may; the rest (or what a provider returned short) are further
   * requests through the queue, each an answer (a version) of the same prompt.
   */
  count: z.number().int().min(1).max(MAX_VARIATIONS).optional(),
  /**
   * Fan-out: further providers (or models) the same prompt goes to, each as its own job and its own
   * answer (a version of the prompt, labelled with its provider). `params` are that provider's own.
   */
  compare: z
    .array(
      z.object({
        providerId: ProviderIdSchema,
        model: z.string().trim().min(1).max(200).optional(),
        params: GenerateParamsSchema.default({}),
      }),
    )
    .max(MAX_FAN_OUT - 1)
    .optional(),
});
export type ChatSendInput = z.input<typeof ChatSendSchema>;

/** What a person did with a set of candidates (the pictures of one prompt's "×N"), in the conversation. */
export const ChatCandidatesSchema = z.object({
  /** The prompt (user message) the candidates answer. */
  messageId: z.number().int().positive(),
  keep: z.array(ImageIdSchema).max(100).default([]),
  unkeep: z.array(ImageIdSchema).max(100).default([]),
  /** Candidates to move to the library's trash; `rest`: every one not kept. */
  discard: z.union([z.array(ImageIdSchema).max(100), z.literal('rest')]).optional(),
});

/** "Continue with this": the answer (and, among candidates, the picture) the conversation goes on from. */
export const ChatChooseSchema = z.object({
  messageId: z.number().int().positive(),
  answerId: z.number().int().positive(),
  imageId: ImageIdSchema.optional(),
});

export const ChatStartedSchema = z.object({
  generationId: z.string(),
  conversationId: z.number().int(),
  userMessage: MessageSchema,
  assistantMessage: MessageSchema,
  /** It waits for an earlier answer of the same conversation to finish (a `started` event says when it goes). */
  waiting: z.boolean().optional(),
  /**
   * It waits for its turn in the generation queue (its provider or the whole queue is at its limit,
   * or the queue is paused); a `started` event says when it goes, `queue.changed` how it stands.
   */
  queued: z.boolean().optional(),
  /** Variations and fan-out: the further answers the same prompt started, each its own job. */
  more: z.array(z.object({ generationId: z.string(), assistantMessage: MessageSchema, waiting: z.boolean().optional() })).optional(),
});
export type ChatStarted = z.infer<typeof ChatStartedSchema>;

const about = {
  generationId: z.string(),
  conversationId: z.number().int(),
  /** The assistant message being written. */
  messageId: z.number().int(),
};

/**
 * The provider answered 429 (rate limited) or a 5xx and Holst is about to try again by itself:
 * the `retry`-th retry of at most `of`, after `delayMs`.
 */
export const RetryNoticeSchema = z.object({
  status: z.number().int(),
  delayMs: z.number().nonnegative(),
  retry: z.number().int().positive(),
  of: z.number().int().positive(),
});
export type RetryNotice = z.infer<typeof RetryNoticeSchema>;

/** The notice in English (the CLI's progress line): "Rate limited — trying again in 3 s (2 of 3)". */
export function describeRetry(notice: RetryNotice, providerName: string): string {
  const seconds = Math.max(1, Math.round(notice.delayMs / 1000));
  const why = notice.status === 429 ? `${providerName}: rate limited` : `${providerName} had a server error (${notice.status})`;
  return `${why} — trying again in ${seconds} s (${notice.retry} of ${notice.of})`;
}

/**
 * A provider's progress line ("Givon: queued…"): in English for the CLI and the log, and where the
 * core's catalogue has it, its key and parameters for the window's language (core-messages.ts).
 */
export const ProgressLineSchema = z.object({ message: z.string(), key: SaidSchema.shape.key, params: SaidSchema.shape.params });
export type ProgressLine = z.infer<typeof ProgressLineSchema>;

/** What a running generation reports, in order: text and progress, images, usage, then `finished` once. */
export const GenerationEventSchema = z.discriminatedUnion('type', [
  /** A prompt that waited has gone out, with the history and source it went with (its message as now saved); a further request of a "×N" brings its answer. */
  z.object({ ...about, type: z.literal('started'), userMessage: MessageSchema, assistantMessage: MessageSchema.optional() }),
  z.object({ ...about, type: z.literal('text'), delta: z.string() }),
  z.object({ ...about, type: z.literal('progress'), ...ProgressLineSchema.shape }),
  /** The provider refused for now (429 or 5xx) and the request goes again after a wait. */
  z.object({ ...about, type: z.literal('retry'), notice: RetryNoticeSchema }),
  z.object({ ...about, type: z.literal('image'), image: ImageRecordSchema }),
  /**
   * A picture still being drawn (a streamed partial image, `index` from 0), as a data: URL: shown in
   * the answer until the next one or the final `image` replaces it; never kept in the library.
   */
  z.object({
    ...about,
    type: z.literal('partial-image'),
    index: z.number().int().min(0).max(9),
    dataUrl: z.string().startsWith('data:image/'),
  }),
  z.object({ ...about, type: z.literal('usage'), usage: UsageSchema }),
  z.object({
    ...about,
    type: z.literal('finished'),
    status: z.enum(['complete', 'error', 'cancelled']),
    message: MessageSchema,
    error: ErrorPayloadSchema.nullable(),
  }),
]);
export type GenerationEvent = z.infer<typeof GenerationEventSchema>;

/** The steps "Test connection" goes through, in order; the first that fails ends the test. */
export const CONNECTION_STEPS = ['dns', 'connect', 'tls', 'auth', 'models'] as const;
export const ConnectionReportSchema = z.object({
  ok: z.boolean(),
  steps: z.array(
    z.object({
      step: z.enum(CONNECTION_STEPS),
      status: z.enum(['ok', 'failed', 'skipped']),
      /** What the step found, in English; `key` and `params` say it in the window's language. */
      message: z.string(),
      ...SaidSchema.shape,
    }),
  ),
  models: z.array(z.string()),
});
export type ConnectionReport = z.infer<typeof ConnectionReportSchema>;
