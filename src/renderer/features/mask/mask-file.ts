import type { MaskRecord } from '../../../shared/library';
import { coverageToMaskPixels, maskPixelsToCoverage } from '../../../shared/mask';
import { mediaUrl } from '../../bridge/media';
import { i18n } from '../../i18n';

/**
 * The mask as PNG bytes in base64, made on a canvas that only ever holds the mask's own pixels: a
 * canvas that held a library picture could not be read back in the desktop app (cross-origin).
 */
export async function encodeMaskPng(coverage: Uint8Array, width: number, height: number): Promise<string> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error(i18n.t('mask:file.noCanvas'));
  const pixels = coverageToMaskPixels(coverage, width, height);
  context.putImageData(new ImageData(new Uint8ClampedArray(pixels), width, height), 0, 0);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error(i18n.t('mask:file.noPng'));
  return toBase64(new Uint8Array(await blob.arrayBuffer()));
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** Masks painted in this window, by mask id: what was painted, for "Edit mask" without reading pixels back. */
const painted = new Map<number, Uint8Array>();
const REMEMBERED = 8;

export function rememberMask(id: number, coverage: Uint8Array): void {
  painted.delete(id);
  painted.set(id, coverage.slice());
  if (painted.size > REMEMBERED) painted.delete(painted.keys().next().value!);
}

/**
 * What an earlier mask marks, as coverage. One painted in this window comes from memory; another is
 * read from its PNG, which works where the page and its media share an origin (the browser) and is
 * refused by the desktop app (a cross-origin canvas), so the caller says so and starts empty.
 */
export async function loadMaskCoverage(mask: MaskRecord, width: number, height: number): Promise<Uint8Array> {
  if (mask.width !== width || mask.height !== height)
    throw new Error(i18n.t('mask:file.earlierSize', { maskWidth: mask.width, maskHeight: mask.height, width, height }));
  const known = painted.get(mask.id);
  if (known && known.length === width * height) return known.slice();
  const image = new Image();
  image.src = mediaUrl('mask', mask.id);
  await image.decode().catch(() => {
    throw new Error(i18n.t('mask:file.earlierLoad'));
  });
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error(i18n.t('mask:file.earlierNoCanvas'));
  context.drawImage(image, 0, 0);
  try {
    return maskPixelsToCoverage(context.getImageData(0, 0, width, height).data, width, height);
  } catch {
    throw new Error(i18n.t('mask:file.earlierReadBack'));
  }
}
