/**
 * The mask format, defined once for the painter, the core and the providers: a PNG of exactly the
 * source image's pixel size whose fully transparent pixels (alpha 0) mark the area to change; every
 * other pixel is opaque (alpha 255). This is the OpenAI Images API's `mask`, and Holst sends the same
 * PNG as Givon's `maskImage` (assumed: Givon's docs give the field, not its format).
 */
import { KIND_DESCRIPTIONS, type KindDescription } from './provider-kinds';
import { PROVIDER_KINDS, type ProviderKind } from './settings';

export type { MaskUnsupportedReason } from './provider-kinds';

/** Kinds whose requests have a mask field (provider-kinds.ts says which). */
export const MASK_KINDS: readonly ProviderKind[] = PROVIDER_KINDS.filter((kind) => KIND_DESCRIPTIONS[kind].mask.ok);

export type MaskSupport = KindDescription['mask'];

/** Whether a provider kind takes a mask, and if not, why (for a tooltip). */
export function maskSupport(kind: ProviderKind): MaskSupport {
  return KIND_DESCRIPTIONS[kind].mask;
}

/** Alpha of a pixel the provider may change, and of one it must keep. */
export const MASK_CHANGE_ALPHA = 0;
export const MASK_KEEP_ALPHA = 255;

/**
 * RGBA pixels of the mask for a painted coverage bitmap (one value per pixel, row by row; any value
 * above half, 0/1 or 0–255, counts as painted). Painted pixels become fully transparent, the rest
 * opaque black; `invert` swaps the two (change everything but what was painted).
 */
export function coverageToMaskPixels(
  coverage: ArrayLike<number>,
  width: number,
  height: number,
  options: { invert?: boolean } = {},
): Uint8ClampedArray {
  const count = width * height;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0)
    throw new RangeError(`A mask needs a positive whole size, not ${width}×${height}.`);
  if (coverage.length !== count) throw new RangeError(`The coverage has ${coverage.length} values for ${width}×${height} pixels.`);
  const threshold = maxOf(coverage) <= 1 ? 0.5 : 127.5;
  const pixels = new Uint8ClampedArray(count * 4);
  for (let i = 0; i < count; i++) {
    const painted = coverage[i]! > threshold;
    pixels[i * 4 + 3] = painted !== (options.invert ?? false) ? MASK_CHANGE_ALPHA : MASK_KEEP_ALPHA;
  }
  return pixels;
}

/** The coverage (1 = to change) a mask's RGBA pixels describe: the inverse of `coverageToMaskPixels`. */
export function maskPixelsToCoverage(pixels: ArrayLike<number>, width: number, height: number): Uint8Array {
  const count = width * height;
  if (pixels.length !== count * 4) throw new RangeError(`The mask has ${pixels.length / 4} pixels, not ${width}×${height}.`);
  const coverage = new Uint8Array(count);
  for (let i = 0; i < count; i++) coverage[i] = pixels[i * 4 + 3]! === MASK_CHANGE_ALPHA ? 1 : 0;
  return coverage;
}

/** How many pixels a mask leaves to change (alpha 0). */
export function countChangePixels(pixels: ArrayLike<number>): number {
  let count = 0;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] === MASK_CHANGE_ALPHA) count++;
  return count;
}

function maxOf(values: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  return max;
}
