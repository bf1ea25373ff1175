// An answer's picture takes its room before it loads: the box the browser gives it once loaded
// (fitted into 440 px a side, brought up to 96 px at least), with its own shape.
import { describe, expect, it } from 'vitest';
import { pictureStyle, sizesById } from '../../src/renderer/features/chat/answer/picture-shape';

describe('a picture’s box before it loads', () => {
  it('is the picture’s shape at the size it will show at', () => {
    expect(pictureStyle({ width: 1536, height: 1024 })).toEqual({ width: 440, aspectRatio: '1536 / 1024' });
    // A portrait one is fitted by its height: 440 × 1024 / 1536.
    expect(pictureStyle({ width: 1024, height: 1536 })).toEqual({ width: 293, aspectRatio: '1024 / 1536' });
    expect(pictureStyle({ width: 300, height: 200 })).toEqual({ width: 300, aspectRatio: '300 / 200' });
  });

  it('brings a small picture up to the least size, and a sliver to the widest', () => {
    // 60 × 40 shows at 144 × 96, as the browser's min-width and min-height make it.
    expect(pictureStyle({ width: 60, height: 40 })).toEqual({ width: 144, aspectRatio: '60 / 40' });
    expect(pictureStyle({ width: 1000, height: 50 })?.width).toBe(440);
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
