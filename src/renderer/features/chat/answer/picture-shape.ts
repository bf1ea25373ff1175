import type { CSSProperties } from 'react';
import type { ImageSize } from '../../../../shared/library';

/** The least a picture shows at, either side (a sliver or a tiny picture is brought up to it). */
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
 * A picture's box, from before it loads: its own shape, as wide as the column allows, no wider than
 * its own pixels (brought up to 96 px a side at least) and no taller than `--picture-max-h` (chat.css).
 * Without it the picture takes the least box until it has loaded, and its turn then grows under the
 * reader (and is measured twice as it scrolls into view).
 */
export function pictureStyle(size: ImageSize | undefined): CSSProperties | undefined {
  if (!size) return undefined;
  const { width, height } = size;
  const natural = Math.round(width * Math.max(1, SHORTEST / width, SHORTEST / height));
  const ratio = Number((width / height).toFixed(4));
  return {
    // eslint-disable-next-line i18next/no-literal-string -- a CSS length, not text
    width: `min(100%, ${natural}px, calc(var(--picture-max-h) * ${ratio}))`,
    aspectRatio: `${width} / ${height}`,
  };
}
