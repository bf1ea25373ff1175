import type { MaskCoverage, Rect } from './coverage';

/** The tint over what will change; how strongly it shows is the canvas's CSS opacity. */
const TINT = [255, 46, 99] as const;

/** Draws the marked pixels of `rect` onto the overlay canvas (which is exactly the source's pixel size). */
export function paintOverlay(context: CanvasRenderingContext2D, coverage: MaskCoverage, rect: Rect): void {
  if (rect.width <= 0 || rect.height <= 0) return;
  const image = context.createImageData(rect.width, rect.height);
  const pixels = image.data;
  for (let y = 0; y < rect.height; y++) {
    const row = (rect.y + y) * coverage.width + rect.x;
    for (let x = 0; x < rect.width; x++) {
      if (coverage.data[row + x] === 0) continue;
      const i = (y * rect.width + x) * 4;
      pixels[i] = TINT[0];
      pixels[i + 1] = TINT[1];
      pixels[i + 2] = TINT[2];
      pixels[i + 3] = 255;
    }
  }
  context.putImageData(image, rect.x, rect.y);
}
