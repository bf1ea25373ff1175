import fs from 'node:fs/promises';
import type { MediaKind } from '../../../shared/library';
import type { Logger } from '../logging/log';
import type { Db } from '../database/database';
import { EXT_BY_MIME, type LibraryLayout } from './layout';
import { PREVIEW_SIZE, remakeDerivative, THUMB_SIZE } from './ingest/thumbnails';

export interface MediaFile {
  file: string;
  mime: string;
  etag: string;
  size: number;
}

/** Only plain decimal ids are accepted: no path, no sign, no leading zero, nothing else. */
const ID_PATTERN = /^[1-9][0-9]{0,15}$/;

/**
 * The file behind `holst-media://<kind>/<id>`. Takes an id only, never a path, so no request
 * can reach outside the library; anything but a plain id is null. Missing thumbnails are remade.
 */
export async function mediaFile(db: Db, layout: LibraryLayout, logger: Logger, kind: MediaKind, idText: string): Promise<MediaFile | null> {
  if (!ID_PATTERN.test(idText)) return null;
  if (kind === 'mask') {
    const mask = db.prepare('SELECT sha256, mime FROM masks WHERE id = ?').get(Number(idText)) as
      { sha256: string; mime: string } | undefined;
    if (!mask) return null;
    const file = layout.original(mask.sha256, EXT_BY_MIME[mask.mime] ?? 'bin');
    const stat = await fs.stat(file).catch(() => null);
    return stat ? { file, mime: mask.mime, etag: `"${mask.sha256}-mask"`, size: stat.size } : null;
  }
  const row = db.prepare('SELECT sha256, mime, has_preview FROM images WHERE id = ?').get(Number(idText)) as
    { sha256: string; mime: string; has_preview: number } | undefined;
  if (!row) return null;
  const original = layout.original(row.sha256, EXT_BY_MIME[row.mime] ?? 'bin');
  let file = original;
  let mime = row.mime;
  if (kind === 'thumb' || (kind === 'preview' && row.has_preview === 1)) {
    const size = kind === 'thumb' ? THUMB_SIZE : PREVIEW_SIZE;
    file = kind === 'thumb' ? layout.thumb(row.sha256) : layout.preview(row.sha256);
    mime = 'image/webp';
    const exists = await fs.access(file).then(
      () => true,
      () => false,
    );
    if (!exists) {
      try {
        await remakeDerivative(original, file, size);
      } catch (error) {
        logger.error(`could not remake the ${kind} of image ${idText}`, error);
        return null;
      }
    }
  }
  const stat = await fs.stat(file).catch(() => null);
  if (!stat) return null;
  return { file, mime, etag: `"${row.sha256}-${kind}"`, size: stat.size };
}
