import { MEDIA_KINDS, type MediaKind } from '../../../shared/library';
import type { ImageLibrary } from './image-library';

export interface MediaAnswer {
  status: 200 | 304 | 404;
  headers: Record<string, string>;
  /** The file to send with a 200. */
  file?: string;
}

const isMediaKind = (value: string): value is MediaKind => (MEDIA_KINDS as readonly string[]).includes(value);

/**
 * Answers `<kind>/<id>` (from `holst-media://thumb/12` or the harness's `/media/thumb/12`).
 * Both parts are taken raw, before any URL decoding: only a known kind and a plain decimal id are
 * looked up, so `..`, encoded separators, absolute paths and NUL bytes all end as 404.
 */
export async function answerMediaRequest(
  library: ImageLibrary,
  kind: string,
  id: string,
  ifNoneMatch?: string | null,
): Promise<MediaAnswer> {
  const notFound: MediaAnswer = { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } };
  if (!isMediaKind(kind)) return notFound;
  const media = await library.media(kind, id);
  if (!media) return notFound;
  // Content-addressed: what an id shows never changes, so it may be cached for good.
  const headers = { 'Cache-Control': 'private, max-age=31536000, immutable', ETag: media.etag, 'X-Content-Type-Options': 'nosniff' };
  if (ifNoneMatch === media.etag) return { status: 304, headers };
  return { status: 200, headers: { ...headers, 'Content-Type': media.mime, 'Content-Length': String(media.size) }, file: media.file };
}

/** Splits the part after the media prefix into exactly `kind` and `id`, or null. */
export function splitMediaPath(rest: string): { kind: string; id: string } | null {
  const parts = rest.split('/');
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') return null;
  return { kind: parts[0]!, id: parts[1]! };
}
