import { say } from '../../../../shared/core-messages';
import { HolstError } from '../../../../shared/errors';
import type { Db } from '../../database/database';

/** Tags trimmed, empty ones dropped, and one per name whatever the case: the first spelling wins. */
export function normalizeTags(tags: string[]): string[] {
  const names = new Map<string, string>();
  for (const tag of tags.map((t) => t.trim()).filter(Boolean)) if (!names.has(tag.toLowerCase())) names.set(tag.toLowerCase(), tag);
  return [...names.values()];
}

/** Tags no image has any more are gone: the tag list and filters only offer tags in use. */
export function removeOrphanTags(db: Db): void {
  db.prepare('DELETE FROM tags WHERE NOT EXISTS (SELECT 1 FROM image_tags WHERE tag_id = tags.id)').run();
}

/** Gives image `id` the tag `name`, creating the tag if it is new. */
export function tagImage(db: Db, id: number, name: string): void {
  db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT(name) DO NOTHING').run(name);
  db.prepare('INSERT OR IGNORE INTO image_tags (tag_id, image_id) SELECT id, ? FROM tags WHERE name = ?').run(id, name);
}

function tagId(db: Db, name: string, field: string): number {
  const row = db.prepare('SELECT id FROM tags WHERE name = ?').get(name.trim()) as { id: number } | undefined;
  if (!row) throw HolstError.said('invalid_input', say('tagMissing', { tag: name.trim() }), { field });
  return row.id;
}

/**
 * Renames a tag everywhere (names are case-insensitive, so a change of case is a rename too);
 * renaming onto another existing tag merges the two into that one.
 */
export function renameTag(db: Db, from: string, to: string): void {
  const name = to.trim();
  if (name === '') throw HolstError.said('invalid_input', say('tagNameEmpty', {}), { field: 'to' });
  db.transaction(() => {
    const source = tagId(db, from, 'from');
    const target = db.prepare('SELECT id FROM tags WHERE name = ?').get(name) as { id: number } | undefined;
    if (target === undefined || target.id === source) {
      db.prepare('UPDATE tags SET name = ? WHERE id = ?').run(name, source);
      return;
    }
    db.prepare('INSERT OR IGNORE INTO image_tags (tag_id, image_id) SELECT ?, image_id FROM image_tags WHERE tag_id = ?').run(
      target.id,
      source,
    );
    db.prepare('DELETE FROM tags WHERE id = ?').run(source);
  })();
}

/** Removes a tag from every image; answers how many images had it. */
export function deleteTag(db: Db, name: string): number {
  return db.transaction(() => {
    const id = tagId(db, name, 'name');
    const { n } = db.prepare('SELECT COUNT(*) AS n FROM image_tags WHERE tag_id = ?').get(id) as { n: number };
    db.prepare('DELETE FROM tags WHERE id = ?').run(id);
    return n;
  })();
}
