import type { CSSProperties } from 'react';
import type { ImageSize } from '../../../../shared/library';

/** The most a picture in the conversation shows at, either side, and the least (as in chat.css). */
const LONGEST = 440;
const SHORTEST = 96;

/** The pictures' sizes by id, from a message and what a live answer has added to it. */
export function sizesById(
  ...sources: { imageIds: readonly number[]; imageSizes?: readonly ImageSize[] | undefined }[]
): Map<number, ImageSize> {
  const sizes = new Map<number, ImageSize>();
  for (const { imageIds, imageSizes } of sources) {
    imageIds.forEach((id, index) => {
      const size = imageSizes?.[index];
      if (size) sizes.set(id, size);
    });
  }
  return sizes;
}

/**
 * A picture's box from before it loads: its own shape, at the size it will show at. Without it the
 * picture takes the least box (96 px) until it has loaded, and its turn then grows under the reader
 * (and is measured twice as it scrolls into view).
 */
export function pictureStyle(size: ImageSize | undefined): CSSProperties | undefined {
  if (!size) return undefined;
  const { width, height } = size;
  // As the browser sizes a loaded picture between those limits: down to fit, else up to the least.
  let scale = Math.min(1, LONGEST / width, LONGEST / height);
  if (width * scale < SHORTEST || height * scale < SHORTEST) scale = Math.max(SHORTEST / width, SHORTEST / height);
  return { width: Math.min(LONGEST, Math.round(width * scale)), aspectRatio: `${width} / ${height}` };
}
