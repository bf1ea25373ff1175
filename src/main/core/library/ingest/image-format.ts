/** The image formats the library keeps, recognised by their first bytes, never by file name. */
export interface ImageFormat {
  mime: 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif';
  ext: 'png' | 'jpg' | 'webp' | 'gif';
  /** sharp's name for the format, to check that the decoder agrees. */
  sharpFormat: 'png' | 'jpeg' | 'webp' | 'gif';
}

export const SNIFF_BYTES = 16;

const startsWith = (head: Uint8Array, bytes: number[], offset = 0) => bytes.every((b, i) => head[offset + i] === b);

export function sniffImageFormat(head: Uint8Array): ImageFormat | null {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: 'image/png', ext: 'png', sharpFormat: 'png' };
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', ext: 'jpg', sharpFormat: 'jpeg' };
  if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && startsWith(head, [0x57, 0x45, 0x42, 0x50], 8)) {
    return { mime: 'image/webp', ext: 'webp', sharpFormat: 'webp' };
  }
  if (startsWith(head, [0x47, 0x49, 0x46, 0x38]) && (head[4] === 0x37 || head[4] === 0x39) && head[5] === 0x61) {
    return { mime: 'image/gif', ext: 'gif', sharpFormat: 'gif' };
  }
  return null;
}

/** Why bytes that are not one of our formats were refused, as the catalogue sentence a person can act on. */
export function nonImageSentence(
  head: Uint8Array,
  size: number,
): 'notSavedEmpty' | 'notSavedWebPage' | 'notSavedJson' | 'notSavedNotImage' {
  if (size === 0) return 'notSavedEmpty';
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head).trimStart().toLowerCase();
  if (text.startsWith('<!doctype') || text.startsWith('<html') || text.startsWith('<?xml') || text.startsWith('<')) {
    return 'notSavedWebPage';
  }
  if (text.startsWith('{') || text.startsWith('[')) return 'notSavedJson';
  return 'notSavedNotImage';
}
