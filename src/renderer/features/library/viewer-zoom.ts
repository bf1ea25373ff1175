/**
 * The viewer's zoom and pan: the picture (its original pixels) drawn at `scale` CSS pixels per
 * pixel with its top-left corner at (x, y) in the stage. The fitted view and the point-anchored
 * zoom are the mask painter's; this adds the viewer's limits and keeps the picture on the stage.
 */
import { fitView, zoomAt, type Size, type View } from '../mask/view';

export type { Size, View };
export { fitView };

/** The largest zoom: 16 screen pixels per picture pixel. */
export const MAX_ZOOM = 16;
/** One press of + or −. */
export const ZOOM_STEP = 1.25;

/** The smallest zoom: the fitted size, or 1:1 when that is smaller (a small picture fitted up). */
export const minZoom = (fit: View) => Math.min(fit.scale, 1);

/** Keeps the picture covering the stage on an axis where it is larger, and centred where it is smaller. */
export function clampView(view: View, stage: Size, picture: Size): View {
  const axis = (offset: number, stageSize: number, pictureSize: number) => {
    const size = pictureSize * view.scale;
    if (size <= stageSize) return (stageSize - size) / 2;
    return Math.min(0, Math.max(stageSize - size, offset));
  };
  return { scale: view.scale, x: axis(view.x, stage.width, picture.width), y: axis(view.y, stage.height, picture.height) };
}

/**
 * Zooms by `factor` around the stage point (px, py), within the limits. Null means "fitted": zooming
 * out to the fitted size or below snaps back to it, so the picture re-fits when the window resizes.
 */
export function zoomTo(current: View, factor: number, px: number, py: number, stage: Size, picture: Size): View | null {
  const fit = fitView(stage, picture);
  const min = minZoom(fit);
  const scale = Math.min(MAX_ZOOM, Math.max(min, current.scale * factor));
  if (factor < 1 && Math.abs(scale - fit.scale) < 1e-6) return null;
  return clampView(rescale(current, scale, px, py), stage, picture);
}

/** The view at exactly `scale`, the stage point (px, py) staying over the same picture point. */
export const rescale = (view: View, scale: number, px: number, py: number): View => zoomAt(view, scale / view.scale, px, py, 0);

/** Whether the picture is larger than the stage on some axis, so dragging moves it. */
export const pannable = (view: View, stage: Size, picture: Size) =>
  picture.width * view.scale > stage.width + 0.5 || picture.height * view.scale > stage.height + 0.5;

/** The CSS transform placing the picture (origin top-left); rounded so the style stays short. */
export const cssTransform = (view: View) => {
  const px = (value: number) => `${Math.round(value * 100) / 100}px`;
  return ['translate(', px(view.x), ', ', px(view.y), ') scale(', view.scale.toFixed(4), ')'].join('');
};
