import type { ImageSource, LibraryFacets } from '../../../../shared/library';
import type { Db } from '../../database/database';

type Counted = { value: string | null; provider?: string | null; n: number };

/**
 * The values each filter can take, with how many images not in the trash have each: every count
 * is read from one covering index (all images), minus the same count over the trash's small index.
 */
export function libraryFacets(db: Db): LibraryFacets {
  const live = (all: string, trashed: string, key: (row: Counted) => string, keepEmpty = false): Counted[] => {
    const minus = new Map((db.prepare(trashed).all() as Counted[]).map((row) => [key(row), row.n]));
    return (db.prepare(all).all() as Counted[])
      .map((row) => ({ ...row, n: row.n - (minus.get(key(row)) ?? 0) }))
      .filter((row) => keepEmpty || row.n > 0)
      .sort((a, b) => b.n - a.n || String(a.value).localeCompare(String(b.value)));
  };
  const trash = 'FROM images INDEXED BY images_trashed WHERE trashed_at IS NOT NULL';
  const byValue = (row: Counted) => String(row.value);

  const providers = live(
    'SELECT provider AS value, COUNT(*) AS n FROM images INDEXED BY images_provider WHERE provider IS NOT NULL GROUP BY provider',
    `SELECT provider AS value, COUNT(*) AS n ${trash} AND provider IS NOT NULL GROUP BY provider`,
    byValue,
  );
  const models = live(
    `SELECT provider, model AS value, COUNT(*) AS n FROM images INDEXED BY images_provider_model
     WHERE model IS NOT NULL GROUP BY provider, model`,
    `SELECT provider, model AS value, COUNT(*) AS n ${trash} AND model IS NOT NULL GROUP BY provider, model`,
    (row) => JSON.stringify([row.provider, row.value]),
  );
  const sources = live(
    'SELECT source AS value, COUNT(*) AS n FROM images INDEXED BY images_source GROUP BY source',
    `SELECT source AS value, COUNT(*) AS n ${trash} GROUP BY source`,
    byValue,
  );
  const tags = live(
    'SELECT t.name AS value, COUNT(*) AS n FROM image_tags it JOIN tags t ON t.id = it.tag_id GROUP BY it.tag_id',
    `SELECT t.name AS value, COUNT(*) AS n FROM images i INDEXED BY images_trashed
       JOIN image_tags it ON it.image_id = i.id JOIN tags t ON t.id = it.tag_id WHERE i.trashed_at IS NOT NULL GROUP BY it.tag_id`,
    byValue,
    // A tag whose images are all in the trash still exists (to rename, delete, or filter the trash by).
    true,
  );
  return {
    providers: providers.map((row) => ({ value: row.value!, count: row.n })),
    models: models.map((row) => ({ value: row.value!, provider: row.provider ?? null, count: row.n })),
    sources: sources.map((row) => ({ value: row.value as ImageSource, count: row.n })),
    tags: tags.map((row) => ({ value: row.value!, count: row.n })),
  };
}
