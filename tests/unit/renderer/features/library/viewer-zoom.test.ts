// The viewer's zoom and pan (src/renderer/features/library/viewer-zoom.ts): limits, the point kept
// under the pointer, the snap back to the fitted view, and the picture kept on the stage.
import { describe, expect, it } from 'vitest';
import { clampView, cssTransform, fitView, MAX_ZOOM, pannable, zoomTo } from '../../../../../src/renderer/features/library/viewer-zoom';

const stage = { width: 900, height: 700 };
const large = { width: 2400, height: 1600 };
const small = { width: 64, height: 48 };

/** The picture point under a stage point. */
const under = (view: { x: number; y: number; scale: number }, px: number, py: number) => ({
  x: (px - view.x) / view.scale,
  y: (py - view.y) / view.scale,
});

describe('viewer zoom', () => {
  it('keeps the picture point under the pointer while zooming in', () => {
    const fit = fitView(stage, large);
    const zoomed = zoomTo(fit, 2, 300, 200, stage, large)!;
    expect(zoomed.scale).toBeCloseTo(fit.scale * 2);
    expect(under(zoomed, 300, 200).x).toBeCloseTo(under(fit, 300, 200).x);
    expect(under(zoomed, 300, 200).y).toBeCloseTo(under(fit, 300, 200).y);
  });

  it('snaps back to the fitted view (null) when zoomed out to it or beyond, and stops at the largest zoom', () => {
    const fit = fitView(stage, large);
    expect(zoomTo({ ...fit, scale: fit.scale * 1.1 }, 0.5, 450, 350, stage, large)).toBeNull();
    const max = zoomTo({ scale: MAX_ZOOM * 0.9, x: -1000, y: -1000 }, 4, 450, 350, stage, large)!;
    expect(max.scale).toBe(MAX_ZOOM);
  });

  it('lets a small picture fitted up go down to 1:1, centred', () => {
    const fit = fitView(stage, small);
    expect(fit.scale).toBeGreaterThan(1);
    const actual = zoomTo(fit, 0.01, 0, 0, stage, small)!;
    expect(actual.scale).toBe(1);
    expect(actual.x).toBe((stage.width - small.width) / 2);
    expect(pannable(actual, stage, small)).toBe(false);
  });

  it('keeps a zoomed picture covering the stage, and centres an axis where it is smaller', () => {
    const wide = clampView({ scale: 1, x: 500, y: -5000 }, stage, large);
    expect(wide.x).toBe(0);
    expect(wide.y).toBe(stage.height - large.height);
    const narrow = clampView({ scale: 0.3, x: -50, y: 80 }, stage, large);
    expect(narrow.x).toBeCloseTo((stage.width - 720) / 2);
    expect(narrow.y).toBeCloseTo((stage.height - 480) / 2);
    expect(pannable({ scale: 1, x: 0, y: 0 }, stage, large)).toBe(true);
  });

  it('writes the transform the <img> is drawn with', () => {
    expect(cssTransform({ scale: 0.5, x: 10.256, y: -3 })).toBe('translate(10.26px, -3px) scale(0.5000)');
  });
});
