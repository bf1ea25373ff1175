/**
 * What one model takes, as the built-in catalogue (model-catalogue.ts) and the settings file's
 * `modelCatalogue` write it: one schema for both, so an entry a user adds reads like a built-in one.
 * Only zod here: the settings schema imports it, and it imports nothing of ours.
 */
import * as z from 'zod';

/** The qualities a model may take (the composer, the messages and the viewer name each). */
export const QUALITIES = ['low', 'medium', 'high', 'standard', 'hd'] as const;
export type Quality = (typeof QUALITIES)[number];
/** The resolutions a model may take. */
export const RESOLUTIONS = ['1K', '2K', '4K'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];
/** The file formats a model may answer in (`output_format`). */
export const OUTPUT_FORMATS = ['png', 'jpeg', 'webp'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
/** Whether the picture's background is transparent (`background`). */
export const BACKGROUNDS = ['transparent', 'opaque', 'auto'] as const;
/** How strictly the service filters what it draws (`moderation`). */
export const MODERATIONS = ['auto', 'low'] as const;
/** How closely an edit keeps the input's features, faces above all (`input_fidelity`). */
export const INPUT_FIDELITIES = ['low', 'high'] as const;
/** The formats whose compression can be set (`output_compression`, 0–100). */
export const COMPRESSIBLE_FORMATS: readonly OutputFormat[] = ['jpeg', 'webp'];
/** The formats a transparent background can be saved in. */
export const TRANSPARENT_FORMATS: readonly OutputFormat[] = ['png', 'webp'];
/** The most pictures on the way a model streams before the final one (`partial_images`). */
export const MAX_PARTIAL_IMAGES = 3;
/** The largest seed any model takes (an unsigned 32-bit integer). */
export const MAX_SEED = 4_294_967_295;

/** A pixel size as `size` takes it: `auto`, or width x height. */
export const PIXEL_SIZE = /^(auto|\d{2,5}x\d{2,5})$/;

/** The sizes a model draws besides its presets, when it takes any width x height within limits. */
export const CustomSizeSchema = z.object({
  /** The longest side, in pixels. */
  maxEdge: z.number().int().min(16).max(100_000),
  /** Both sides are multiples of this. */
  multipleOf: z.number().int().min(1).max(1024).default(1),
  /** The long side over the short one, at most. */
  maxRatio: z.number().min(1).max(100).default(100),
  /** Width times height, at least and at most. */
  minPixels: z.number().int().min(1).default(1),
  maxPixels: z.number().int().min(1).max(10_000_000_000).default(10_000_000_000),
});
export type CustomSize = z.infer<typeof CustomSizeSchema>;

/** Whether width x height is within a model's size limits (the core's check and the composer's hint). */
export function fitsCustomSize(limits: CustomSize, width: number, height: number): boolean {
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  const pixels = width * height;
  return (
    short > 0 &&
    width % limits.multipleOf === 0 &&
    height % limits.multipleOf === 0 &&
    long <= limits.maxEdge &&
    long / short <= limits.maxRatio &&
    pixels >= limits.minPixels &&
    pixels <= limits.maxPixels
  );
}

const list = <T extends readonly [string, ...string[]]>(values: T) => z.array(z.enum(values)).min(1).max(values.length);

/**
 * What a model takes; what an entry leaves out, the model does not take (`n` left out: one picture
 * per request). A parameter its provider kind cannot send is never offered, whatever an entry says.
 */
export const ModelTakesSchema = z.object({
  /** The most pictures one request makes (1–10). */
  n: z.number().int().min(1).max(10).optional(),
  /** Sizes offered by name, `auto` among them where the model picks one itself. */
  sizes: z.array(z.string().trim().regex(PIXEL_SIZE)).min(1).max(50).optional(),
  /** Other sizes it draws, within these limits. */
  customSize: CustomSizeSchema.optional(),
  aspects: z
    .array(
      z
        .string()
        .trim()
        .regex(/^\d{1,2}:\d{1,2}$/),
    )
    .min(1)
    .max(30)
    .optional(),
  qualities: list(QUALITIES).optional(),
  resolutions: list(RESOLUTIONS).optional(),
  outputFormats: list(OUTPUT_FORMATS).optional(),
  /** Whether a JPEG or WebP answer's compression can be set (0–100). */
  compression: z.boolean().optional(),
  backgrounds: list(BACKGROUNDS).optional(),
  moderation: list(MODERATIONS).optional(),
  inputFidelity: list(INPUT_FIDELITIES).optional(),
  /** Whether a seed makes the same prompt draw the same picture again. */
  seed: z.boolean().optional(),
  /** Whether it streams pictures on the way (0–3) before the final one (`stream` with `partial_images`). */
  partialImages: z.boolean().optional(),
});
export type ModelTakes = z.infer<typeof ModelTakesSchema>;
