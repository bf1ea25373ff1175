import { say } from '../../../shared/core-messages';
import { HolstError } from '../../../shared/errors';
import type {
  ImageDetail,
  ImageRecord,
  LibraryCountQuery,
  LibraryFacets,
  LibraryPage,
  LibraryQuery,
  LibraryView,
  MaskRecord,
  MediaKind,
  ParentRole,
  Selection,
  Timeline,
} from '../../../shared/library';
import type { Logger } from '../logging/log';
import { BulkActions } from './bulk-actions';
import { openDatabase, type Db } from '../database/database';
import { libraryFacets } from './query/facets';
import { LibraryIngest, type IngestMeta, type IngestResult } from './ingest/ingest';
import { EXT_BY_MIME, LibraryLayout } from './layout';
import { LibraryCount } from './query/library-count';
import { LibraryFiles } from './library-files';
import { LibraryQueries } from './query/library-queries';
import { deleteTag, normalizeTags, removeOrphanTags, renameTag, tagImage } from './query/library-tags';
import { mediaFile, type MediaFile } from './media-files';
import type { IngestInput } from './ingest/receive-bytes';
import { toImageRecord, toMaskRecord, type ImageRow, type MaskRow } from './query/records';
import { LibraryTimeline } from './query/timeline';

export type { IngestMeta, IngestResult } from './ingest/ingest';
export type { MediaFile } from './media-files';

export const DEFAULT_MAX_IMAGE_BYTES = 100 * 1024 * 1024;

export interface LibraryOptions {
  maxImageBytes: () => number;
  logger: Logger;
  nativeBinding?: string;
}

/**
 * The library's front: what a picture is and how the grid finds it. Storing (ingest.ts), files on
 * disk and their crash journal (library-files.ts), media (media-files.ts), queries and bulk
 * actions each live in a file of their own; this class holds them together over one database.
 */
export class ImageLibrary {
  readonly layout: LibraryLayout;
  private readonly queries: LibraryQueries;
  private readonly counts: LibraryCount;
  private readonly timelines: LibraryTimeline;
  /** Trash, restore, favourite, tag and delete many images at once, each in one transaction. */
  readonly bulk: BulkActions;
  private readonly files: LibraryFiles;
  private readonly ingestion: LibraryIngest;

  private constructor(
    readonly db: Db,
    dataDir: string,
    private readonly options: LibraryOptions,
  ) {
    this.layout = new LibraryLayout(dataDir);
    this.queries = new LibraryQueries(db);
    this.counts = new LibraryCount(db);
    this.timelines = new LibraryTimeline(db);
    this.files = new LibraryFiles(db, this.layout, options.logger);
    this.bulk = new BulkActions(db, (sha256, ext) => this.files.removeUnusedFiles(sha256, ext));
    this.ingestion = new LibraryIngest(db, this.layout, this.files, options.maxImageBytes, this);
  }

  /** Opens the database, migrates it, and undoes whatever a crash left half done. */
  static async open(dataDir: string, options: LibraryOptions): Promise<ImageLibrary> {
    const layout = new LibraryLayout(dataDir);
    const db = openDatabase(layout.database, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    const library = new ImageLibrary(db, dataDir, options);
    await library.reconcile();
    return library;
  }

  close(): void {
    this.db.close();
  }

  /**
   * Start-up repair after a crash: temp files are removed; files whose ingest never committed are
   * removed; files whose row was deleted are removed.
   */
  reconcile(): Promise<{ removedTemp: number; undoneIngests: number; finishedDeletes: number }> {
    return this.files.reconcile();
  }

  /**
   * Stores an image atomically: bytes streamed to a temp file (hashed, size-capped), the type
   * checked from magic bytes, decoded once for thumbnails, renamed into place, then recorded in
   * one transaction. The same bytes are stored once. A failure or cancel stores nothing.
   */
  ingest(input: IngestInput, meta: IngestMeta, signal?: AbortSignal): Promise<IngestResult> {
    return this.ingestion.ingest(input, meta, signal);
  }

  /** Keeps a mask (PNG bytes already checked) painted over picture `sourceId`; the same bytes are kept once. */
  storeMask(bytes: Buffer, size: { width: number; height: number }, sourceId: number): Promise<{ mask: MaskRecord; duplicate: boolean }> {
    return this.ingestion.storeMask(bytes, size, sourceId);
  }

  /** How much the library holds, for diagnostics. */
  stats(): { images: number; trashed: number; conversations: number } {
    const row = this.db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM images WHERE trashed_at IS NULL) AS images,
                (SELECT COUNT(*) FROM images WHERE trashed_at IS NOT NULL) AS trashed,
                (SELECT COUNT(*) FROM conversations) AS conversations`,
      )
      .get() as { images: number; trashed: number; conversations: number };
    return row;
  }

  list(query: LibraryQuery): LibraryPage {
    return this.queries.list(query);
  }

  /** How many images the view (filters and search, or the trash) holds; paging is ignored. */
  count(query: LibraryCountQuery): number {
    return this.counts.count(query);
  }

  /** Providers, models, sources and tags with how many images (not in the trash) have each. */
  facets(): LibraryFacets {
    return libraryFacets(this.db);
  }

  /** The months of a view, newest first, with their counts and places in the grid. */
  timeline(view: LibraryView): Timeline {
    return this.timelines.timeline(view);
  }

  get(id: number): ImageRecord | null {
    const row = this.db.prepare('SELECT * FROM images WHERE id = ?').get(id) as ImageRow | undefined;
    return row ? toImageRecord(row) : null;
  }

  require(id: number): ImageRecord {
    const image = this.get(id);
    if (!image) throw HolstError.said('not_found', say('libraryNoImage', { id }));
    return image;
  }

  detail(id: number): ImageDetail {
    const image = this.require(id);
    const parents = this.db
      .prepare('SELECT p.role, i.* FROM image_parents p JOIN images i ON i.id = p.parent_id WHERE p.image_id = ? ORDER BY p.position')
      .all(id) as Array<ImageRow & { role: ParentRole }>;
    const children = this.db
      .prepare(
        'SELECT i.* FROM image_parents p JOIN images i ON i.id = p.image_id WHERE p.parent_id = ? AND i.trashed_at IS NULL ORDER BY i.id DESC LIMIT 100',
      )
      .all(id) as ImageRow[];
    return {
      image,
      parents: parents.map((row) => ({ role: row.role, image: toImageRecord(row) })),
      mask: this.maskOf(id),
      children: children.map(toImageRecord),
      tags: this.tagsOf(id),
    };
  }

  /** Parents of several images at once (for listings), in their original order. */
  parentsOf(ids: number[]): Map<number, Array<{ id: number; role: ParentRole }>> {
    const result = new Map<number, Array<{ id: number; role: ParentRole }>>(ids.map((id) => [id, []]));
    if (ids.length === 0) return result;
    const rows = this.db
      .prepare(
        `SELECT image_id, parent_id, role FROM image_parents WHERE image_id IN (${ids.map(() => '?').join(',')}) ORDER BY image_id, position`,
      )
      .all(...ids) as Array<{ image_id: number; parent_id: number; role: ParentRole }>;
    for (const row of rows) result.get(row.image_id)?.push({ id: row.parent_id, role: row.role });
    return result;
  }

  setFavorite(id: number, favorite: boolean): ImageRecord {
    this.require(id);
    this.db.prepare('UPDATE images SET favorite = ? WHERE id = ?').run(favorite ? 1 : 0, id);
    return this.require(id);
  }

  setTags(id: number, tags: string[]): string[] {
    this.require(id);
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM image_tags WHERE image_id = ?').run(id);
      for (const name of normalizeTags(tags)) tagImage(this.db, id, name);
      removeOrphanTags(this.db);
    })();
    return this.tagsOf(id);
  }

  allTags(): string[] {
    return (this.db.prepare('SELECT name FROM tags ORDER BY name COLLATE NOCASE').all() as Array<{ name: string }>).map((r) => r.name);
  }

  /** Renames a tag everywhere; onto an existing tag, the two merge. */
  renameTag(from: string, to: string): string[] {
    renameTag(this.db, from, to);
    return this.allTags();
  }

  /** Removes a tag from every image; answers how many had it. */
  deleteTag(name: string): number {
    return deleteTag(this.db, name);
  }

  /** Moves images to the trash; they stay on disk until the trash is emptied. Answers how many moved. */
  trash(selection: Selection | number[]): number {
    if (Array.isArray(selection) && selection.length === 0) return 0;
    return this.bulk.trash(Array.isArray(selection) ? { ids: selection } : selection).count;
  }

  restore(selection: Selection | number[]): number {
    if (Array.isArray(selection) && selection.length === 0) return 0;
    return this.bulk.restore(Array.isArray(selection) ? { ids: selection } : selection).count;
  }

  /** Deletes every trashed image for good: rows first (journalled), then their files. */
  async emptyTrash(): Promise<number> {
    return (await this.bulk.deleteForGood({ view: { trashed: true } })).count;
  }

  originalPath(image: Pick<ImageRecord, 'sha256' | 'mime'>): string {
    return this.layout.original(image.sha256, EXT_BY_MIME[image.mime] ?? 'bin');
  }

  /**
   * The file behind `holst-media://<kind>/<id>`. Takes an id only, never a path, so no request
   * can reach outside the library; anything but a plain id is null. Missing thumbnails are remade.
   */
  media(kind: MediaKind, idText: string): Promise<MediaFile | null> {
    return mediaFile(this.db, this.layout, this.options.logger, kind, idText);
  }

  mask(id: number): MaskRecord | null {
    const row = this.db.prepare('SELECT * FROM masks WHERE id = ?').get(id) as MaskRow | undefined;
    return row ? toMaskRecord(row) : null;
  }

  requireMask(id: number): MaskRecord {
    const mask = this.mask(id);
    if (!mask) throw HolstError.said('not_found', say('libraryNoMask', { id }));
    return mask;
  }

  /** The mask picture `id` was made with, if any. */
  maskOf(id: number): MaskRecord | null {
    const row = this.db.prepare('SELECT m.* FROM images i JOIN masks m ON m.id = i.mask_id WHERE i.id = ?').get(id) as MaskRow | undefined;
    return row ? toMaskRecord(row) : null;
  }

  maskPath(mask: Pick<MaskRecord, 'sha256'>): string {
    return this.layout.original(mask.sha256, 'png');
  }

  private tagsOf(id: number): string[] {
    return (
      this.db
        .prepare('SELECT t.name FROM image_tags it JOIN tags t ON t.id = it.tag_id WHERE it.image_id = ? ORDER BY t.name')
        .all(id) as Array<{ name: string }>
    ).map((r) => r.name);
  }
}
