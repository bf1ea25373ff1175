import type { ImageRecord, MediaKind } from '../../shared/library';
import { inElectron } from './index';

/**
 * Where the page loads an image's pixels from, by id only: the `holst-media:` protocol in the
 * desktop app, the harness's same-origin `/media/` path in a browser.
 */
export function mediaUrl(kind: MediaKind, id: number): string {
  return inElectron() ? `holst-media://${kind}/${id}` : `/media/${kind}/${id}`;
}

/** The large view of an image: its downscaled preview when it has one, else the original. */
export function largeUrl(image: Pick<ImageRecord, 'id' | 'hasPreview'>): string {
  return mediaUrl(image.hasPreview ? 'preview' : 'original', image.id);
}
