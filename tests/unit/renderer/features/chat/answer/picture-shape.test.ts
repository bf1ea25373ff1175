// An answer's picture takes its room before it loads: the box it shows in once loaded (as wide as
// the column allows, within its own pixels and the tallest a picture may be), with its own shape.
import { describe, expect, it } from 'vitest';
import { pictureStyle, sizesById } from '../../../../../../src/renderer/features/chat/answer/picture-shape';

describe('a picture’s box before it loads', () => {
  it('is the picture’s shape, as wide as the column allows, no wider than its pixels nor taller than the limit', () => {
    expect(pictureStyle({ width: 1536, height: 1024 })).toEqual({
      width: 'min(100%, 1536px, calc(var(--picture-max-h) * 1.5))',
      aspectRatio: '1536 / 1024',
    });
    expect(pictureStyle({ width: 1024, height: 1536 })).toEqual({
      width: 'min(100%, 1024px, calc(var(--picture-max-h) * 0.6667))',
      aspectRatio: '1024 / 1536',
    });
  });

  it('brings a small picture up to the least size, its shape kept', () => {
    // 60 × 40 shows at least at 144 × 96.
    expect(pictureStyle({ width: 60, height: 40 })?.width).toBe('min(100%, 144px, calc(var(--picture-max-h) * 1.5))');
    expect(pictureStyle({ width: 1000, height: 50 })?.width).toBe('min(100%, 1920px, calc(var(--picture-max-h) * 20))');
  });

  it('is left to the browser when the size is not known', () => {
    expect(pictureStyle(undefined)).toBeUndefined();
  });

  it('takes sizes from a message and what its live answer added, by id', () => {
    const sizes = sizesById(
      {
        imageIds: [1, 2],
        imageSizes: [
          { width: 10, height: 20 },
          { width: 30, height: 40 },
        ],
      },
      { imageIds: [3] },
      { imageIds: [4], imageSizes: [{ width: 50, height: 60 }] },
    );
    expect([...sizes]).toEqual([
      [1, { width: 10, height: 20 }],
      [2, { width: 30, height: 40 }],
      [4, { width: 50, height: 60 }],
    ]);
  });
});
