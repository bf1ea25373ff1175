import type { Db } from '../database/database';
import type { UploadCache } from './types';

/**
 * The `provider_uploads` table seen by one provider: which file id a library image got when it
 * was uploaded there. The kind checks the provider still has the file before reusing it.
 */
export function uploadCacheFor(db: Db, providerId: string): UploadCache {
  return {
    get(imageId) {
      if (!db.open) return null;
      const row = db.prepare('SELECT file_id FROM provider_uploads WHERE provider_id = ? AND image_id = ?').get(providerId, imageId) as
        { file_id: string } | undefined;
      return row?.file_id ?? null;
    },
    remember(imageId, fileId) {
      if (!db.open) return;
      // The image may have been deleted for good meanwhile: then there is nothing to remember.
      db.prepare(
        `INSERT INTO provider_uploads (provider_id, image_id, file_id, uploaded_at)
         SELECT ?, id, ?, ? FROM images WHERE id = ?
         ON CONFLICT (provider_id, image_id) DO UPDATE SET file_id = excluded.file_id, uploaded_at = excluded.uploaded_at`,
      ).run(providerId, fileId, Date.now(), imageId);
    },
    forget(imageId) {
      if (!db.open) return;
      db.prepare('DELETE FROM provider_uploads WHERE provider_id = ? AND image_id = ?').run(providerId, imageId);
    },
  };
}
