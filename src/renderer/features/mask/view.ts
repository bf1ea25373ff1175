/**
 * Zoom and pan of the painter's stage: the picture (source pixels) is drawn at `scale` CSS pixels
 * per source pixel with its top-left corner at (x, y) in the stage.
 */
export interface View {
  scale: number;
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export const MAX_SCALE = 32;
/** Room left around the picture when it is fitted. */
const FIT_MARGIN = 24;

/** The whole picture, as large as the stage allows, centred. */
export function fitView(stage: Size, picture: Size): View {
  const scale = Math.max(
    0.01,
    Math.min((stage.width - FIT_MARGIN * 2) / picture.width, (stage.height - FIT_MARGIN * 2) / picture.height, MAX_SCALE),
  );
  return centred(stage, picture, scale);
}

/** The picture at `scale`, centred in the stage. */
export function centred(stage: Size, picture: Size, scale: number): View {
  return { scale, x: (stage.width - picture.width * scale) / 2, y: (stage.height - picture.height * scale) / 2 };
}

/** The smallest zoom: a quarter of the fitted size, and never above 1:1. */
export function minScale(stage: Size, picture: Size): number {
  return Math.min(1, fitView(stage, picture).scale / 4);
}

/** Zooms by `factor` keeping the stage point (px, py) over the same picture point. */
export function zoomAt(view: View, factor: number, px: number, py: number, min: number): View {
  const scale = Math.min(MAX_SCALE, Math.max(min, view.scale * factor));
  const ratio = scale / view.scale;
  return { scale, x: px - (px - view.x) * ratio, y: py - (py - view.y) * ratio };
}

/**
 * The source pixel coordinates (fractions kept) under a point on screen, from where the canvas
 * really is on screen and its pixel size: right at any zoom, pan or CSS scaling.
 */
export function toSourcePoint(
  clientX: number,
  clientY: number,
  rect: { left: number; top: number; width: number; height: number },
  picture: Size,
): { x: number; y: number } {
  return {
    x: ((clientX - rect.left) * picture.width) / rect.width,
    y: ((clientY - rect.top) * picture.height) / rect.height,
  };
}
