import type sharpModule from 'sharp';

let loading: Promise<typeof sharpModule> | undefined;

/**
 * sharp (and libvips with it) loads on the first picture to decode, not with the modules that use
 * it: opening the library, or `holst library list`, never needs it.
 */
export function loadSharp(): Promise<typeof sharpModule> {
  return (loading ??= import('sharp').then((loaded) => loaded.default));
}
