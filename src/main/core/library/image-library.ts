import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { HolstError } from '../../../shared/errors';
import type {
  ImageDetail,
  ImageRecord,
  ImageSource,
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
import { openDatabase, type Db } from './database';
import { libraryFacets } from './facets';
import { forEachConcurrently } from './for-each-concurrently';
import { describeNonImage, sniffImageFormat } from './image-format';
import { IngestRefusal } from './ingest-refusal';
import { EXT_BY_MIME, LibraryLayout } from './layout';
import { LibraryCount } from './library-count';
import { LibraryQueries } from './library-queries';
import { deleteTag, normalizeTags, removeOrphanTags, renameTag } from './library-tags';
import { inMemory, receiveBytes, syncFile, type IngestInput } from './receive-bytes';
import { toImageRecord, toMaskRecord, type ImageRow, type MaskRow } from './records';
import { decodeAndMakeThumbnails, PREVIEW_SIZE, remakeDerivative, THUMB_SIZE } from './thumbnails';
import { LibraryTimeline } from './timeline';

export const DEFAULT_MAX_IMAGE_BYTES = 100 * 1024 * 1024;

export interface IngestMeta {
  source: ImageSource;
  prompt?: string | null;
  revisedPrompt?: string | null;
  provider?: string | null;
  model?: string | null;
  params?: Record<string, unknown> | null;
  /** The images this one was made from: the edit's source, then references. */
  parents?: Array<{ id: number; role: ParentRole }>;
  /** The mask the edit was made with (`saveMask`). */
  maskId?: number | null;
  conversationId?: number | null;
  messageId?: number | null;
  originalName?: string | null;
  tags?: string[];
}

export interface IngestResult {
  image: ImageRecord;
  /** The same bytes were already in the library; nothing new was stored. */
  duplicate: boolean;
}

export interface MediaFile {
  file: string;
  mime: string;
  etag: string;
  size: number;
}

export interface LibraryOptions {
  maxImageBytes: () => number;
  logger: Logger;
  nativeBinding?: string;
}

/** Only plain decimal ids are accepted: no path, no sign, no leading zero, nothing else. */
const ID_PATTERN = /^[1-9][0-9]{0,15}$/;

export class ImageLibrary {
  readonly layout: LibraryLayout;
  private readonly queries: LibraryQueries;
  private readonly counts: LibraryCount;
  private readonly timelines: LibraryTimeline;
  /** Trash, restore, favourite, tag and delete many images at once, each in one transaction. */
  readonly bulk: BulkActions;
  /** Whether a row holds the bytes of a hash (before files named by it are removed). */
  private readonly hasBytes: ReturnType<Db['prepare']>;

  private constructor(
    readonly db: Db,
    dataDir: string,
    private readonly options: LibraryOptions,
  ) {
    this.layout = new LibraryLayout(dataDir);
    this.queries = new LibraryQueries(db);
    this.counts = new LibraryCount(db);
    this.timelines = new LibraryTimeline(db);
    this.bulk = new BulkActions(db, (sha256, ext) => this.removeUnusedFiles(sha256, ext));
    this.hasBytes = db.prepare('SELECT 1 FROM images WHERE sha256 = @sha UNION ALL SELECT 1 FROM masks WHERE sha256 = @sha');
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
   * removed; files whose row was deleted are removed. The journal makes this cost nothing when
   * there was no crash, whatever the library's size.
   */
  async reconcile(): Promise<{ removedTemp: number; undoneIngests: number; finishedDeletes: number }> {
    let removedTemp = 0;
    const temps = await fs.readdir(this.layout.tmp).catch(() => [] as string[]);
    for (const name of temps) {
      await fs.rm(path.join(this.layout.tmp, name), { force: true, recursive: true });
      removedTemp++;
    }
    const entries = this.db.prepare('SELECT id, op, sha256, ext FROM file_journal ORDER BY id').all() as Array<{
      id: number;
      op: string;
      sha256: string;
      ext: string;
    }>;
    let undoneIngests = 0;
    let finishedDeletes = 0;
    // Several removals at once: a crash while emptying a large trash leaves thousands of entries.
    await forEachConcurrently(entries, 16, async (entry) => {
      if (!(await this.removeUnusedFiles(entry.sha256, entry.ext))) return;
      if (entry.op === 'ingest') undoneIngests++;
      else finishedDeletes++;
    });
    // Cleared once every file is handled; a crash before this only repeats the (idempotent) removals.
    this.db.prepare('DELETE FROM file_journal WHERE id <= ?').run(entries.at(-1)?.id ?? 0);
    if (removedTemp + undoneIngests + finishedDeletes > 0) {
      this.options.logger.warn(
        `library reconciled: ${removedTemp} temp files, ${undoneIngests} unfinished ingests, ${finishedDeletes} unfinished deletes`,
      );
    }
    return { removedTemp, undoneIngests, finishedDeletes };
  }

  /**
   * Stores an image atomically: bytes streamed to a temp file (hashed, size-capped), the type
   * checked from magic bytes, decoded once for thumbnails, renamed into place, then recorded in
   * one transaction. The same bytes are stored once. A failure or cancel stores nothing.
   */
  async ingest(input: IngestInput, meta: IngestMeta, signal?: AbortSignal): Promise<IngestResult> {
    const maxBytes = this.options.maxImageBytes();
    const held = await inMemory(input, maxBytes);
    try {
      return await this.ingestFrom(held.input, maxBytes, meta, signal);
    } finally {
      held.release();
    }
  }

  private async ingestFrom(source: IngestInput, maxBytes: number, meta: IngestMeta, signal?: AbortSignal): Promise<IngestResult> {
    const received = await receiveBytes(source, this.layout.tmp, maxBytes, signal);
    const cleanup: string[] = [received.temp];
    const pending: Array<Promise<unknown>> = [];
    try {
      const format = sniffImageFormat(received.head);
      if (!format) {
        const why = received.size === 0 ? 'empty' : 'notImage';
        throw new IngestRefusal('no_image', why, `Not saved: ${describeNonImage(received.head, received.size)}.`);
      }

      const existing = this.rowBySha(received.sha256);
      if (existing) {
        if (existing.trashed_at !== null) this.db.prepare('UPDATE images SET trashed_at = NULL WHERE id = ?').run(existing.id);
        return { image: this.require(existing.id), duplicate: true };
      }

      // The disk flushes the bytes while the CPU decodes them; both finish before the rename.
      const durable = syncFile(received.temp).then(
        () => null,
        (error: unknown) => error,
      );
      pending.push(durable);
      let decoded;
      try {
        // Bytes already in memory are decoded from there rather than read back from the temp file.
        decoded = await decodeAndMakeThumbnails('bytes' in source ? source.bytes : received.temp, received.temp);
      } catch (error) {
        const reason = (error as Error).message.split('\n')[0];
        const message = `Not saved: the ${format.ext.toUpperCase()} data is damaged or incomplete (${reason}).`;
        throw new IngestRefusal('no_image', 'damaged', message, { cause: error });
      } finally {
        cleanup.push(`${received.temp}.thumb.webp`, `${received.temp}.preview.webp`);
      }
      if (decoded.format !== format.sharpFormat) {
        const message = `Not saved: the file starts like ${format.ext.toUpperCase()} but decodes as ${decoded.format}.`;
        throw new IngestRefusal('no_image', 'damaged', message);
      }
      const syncError = await durable;
      if (syncError) throw syncError;
      if (signal?.aborted) throw new HolstError('cancelled', 'The image was not saved: cancelled.');

      const { sha256 } = received;
      const journal = this.db
        .prepare("INSERT INTO file_journal (op, sha256, ext, created_at) VALUES ('ingest', ?, ?, ?)")
        .run(sha256, format.ext, Date.now()).lastInsertRowid;
      try {
        await this.moveInto(received.temp, this.layout.original(sha256, format.ext));
        await this.moveInto(decoded.thumbTemp, this.layout.thumb(sha256));
        if (decoded.previewTemp) await this.moveInto(decoded.previewTemp, this.layout.preview(sha256));
        const id = this.record(
          meta,
          {
            sha256,
            mime: format.mime,
            width: decoded.width,
            height: decoded.height,
            bytes: received.size,
            hasPreview: decoded.previewTemp !== null,
          },
          Number(journal),
        );
        // Every temp file was renamed into place: nothing is left to remove.
        cleanup.length = 0;
        return { image: this.require(id), duplicate: false };
      } catch (error) {
        const raced = this.rowBySha(sha256);
        this.db.prepare('DELETE FROM file_journal WHERE id = ?').run(journal);
        // The same bytes committed by a concurrent ingest: theirs stands.
        if (raced) return { image: this.require(raced.id), duplicate: true };
        await this.removeFiles(sha256, format.ext);
        throw error;
      }
    } finally {
      await Promise.all(pending);
      await Promise.all(cleanup.map((file) => fs.rm(file, { force: true })));
    }
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
    if (!image) throw new HolstError('not_found', `There is no image ${id} in the library.`);
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
      for (const name of normalizeTags(tags)) this.tagImage(id, name);
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
  async media(kind: MediaKind, idText: string): Promise<MediaFile | null> {
    if (!ID_PATTERN.test(idText)) return null;
    if (kind === 'mask') {
      const mask = this.db.prepare('SELECT sha256, mime FROM masks WHERE id = ?').get(Number(idText)) as
        { sha256: string; mime: string } | undefined;
      if (!mask) return null;
      const file = this.layout.original(mask.sha256, EXT_BY_MIME[mask.mime] ?? 'bin');
      const stat = await fs.stat(file).catch(() => null);
      return stat ? { file, mime: mask.mime, etag: `"${mask.sha256}-mask"`, size: stat.size } : null;
    }
    const row = this.db.prepare('SELECT sha256, mime, has_preview FROM images WHERE id = ?').get(Number(idText)) as
      { sha256: string; mime: string; has_preview: number } | undefined;
    if (!row) return null;
    const original = this.layout.original(row.sha256, EXT_BY_MIME[row.mime] ?? 'bin');
    let file = original;
    let mime = row.mime;
    if (kind === 'thumb' || (kind === 'preview' && row.has_preview === 1)) {
      const size = kind === 'thumb' ? THUMB_SIZE : PREVIEW_SIZE;
      file = kind === 'thumb' ? this.layout.thumb(row.sha256) : this.layout.preview(row.sha256);
      mime = 'image/webp';
      const exists = await fs.access(file).then(
        () => true,
        () => false,
      );
      if (!exists) {
        try {
          await remakeDerivative(original, file, size);
        } catch (error) {
          this.options.logger.error(`could not remake the ${kind} of image ${idText}`, error);
          return null;
        }
      }
    }
    const stat = await fs.stat(file).catch(() => null);
    if (!stat) return null;
    return { file, mime, etag: `"${row.sha256}-${kind}"`, size: stat.size };
  }

  mask(id: number): MaskRecord | null {
    const row = this.db.prepare('SELECT * FROM masks WHERE id = ?').get(id) as MaskRow | undefined;
    return row ? toMaskRecord(row) : null;
  }

  requireMask(id: number): MaskRecord {
    const mask = this.mask(id);
    if (!mask) throw new HolstError('not_found', `There is no mask ${id}: paint it again over the picture.`);
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

  /**
   * Keeps a mask (PNG bytes already checked by the caller) painted over picture `sourceId`, beside
   * the pictures: its file with the originals (shared if a picture has the same bytes), its row in
   * `masks`. The same bytes are kept once.
   */
  async storeMask(
    bytes: Buffer,
    size: { width: number; height: number },
    sourceId: number,
  ): Promise<{ mask: MaskRecord; duplicate: boolean }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const same = this.db.prepare('SELECT id FROM masks WHERE sha256 = ?').pluck().get(sha256) as number | undefined;
    if (same !== undefined) return { mask: this.requireMask(same), duplicate: true };
    const file = this.layout.original(sha256, 'png');
    const journal = this.db
      .prepare("INSERT INTO file_journal (op, sha256, ext, created_at) VALUES ('ingest', ?, 'png', ?)")
      .run(sha256, Date.now()).lastInsertRowid;
    const temp = path.join(this.layout.tmp, `mask-${sha256}-${process.pid}-${Date.now()}`);
    try {
      await fs.mkdir(this.layout.tmp, { recursive: true });
      await fs.writeFile(temp, bytes, { flush: true });
      await this.moveInto(temp, file);
      const id = this.db.transaction(() => {
        const inserted = this.db
          .prepare(
            `INSERT INTO masks (sha256, mime, width, height, bytes, source_id, created_at)
             VALUES (?, 'image/png', ?, ?, ?, (SELECT id FROM images WHERE id = ?), ?)
             ON CONFLICT(sha256) DO NOTHING RETURNING id`,
          )
          .pluck()
          .get(sha256, size.width, size.height, bytes.length, sourceId, Date.now()) as number | undefined;
        this.db.prepare('DELETE FROM file_journal WHERE id = ?').run(journal);
        return inserted ?? (this.db.prepare('SELECT id FROM masks WHERE sha256 = ?').pluck().get(sha256) as number);
      })();
      return { mask: this.requireMask(id), duplicate: false };
    } catch (error) {
      await fs.rm(temp, { force: true });
      this.db.prepare('DELETE FROM file_journal WHERE id = ?').run(journal);
      await this.removeUnusedFiles(sha256, 'png');
      throw error;
    }
  }

  private rowBySha(sha256: string): ImageRow | undefined {
    return this.db.prepare('SELECT * FROM images WHERE sha256 = ?').get(sha256) as ImageRow | undefined;
  }

  private record(
    meta: IngestMeta,
    file: { sha256: string; mime: string; width: number; height: number; bytes: number; hasPreview: boolean },
    journalId: number,
  ): number {
    return this.db.transaction(() => {
      const id = Number(
        this.db
          .prepare(
            `INSERT INTO images (sha256, mime, width, height, bytes, prompt, revised_prompt, provider, model, params, source,
               conversation_id, message_id, original_name, created_at, has_preview, mask_id)
             VALUES (@sha256, @mime, @width, @height, @bytes, @prompt, @revisedPrompt, @provider, @model, @params, @source,
               @conversationId, @messageId, @originalName, @createdAt, @hasPreview, @maskId)`,
          )
          .run({
            ...file,
            hasPreview: file.hasPreview ? 1 : 0,
            prompt: meta.prompt ?? null,
            revisedPrompt: meta.revisedPrompt ?? null,
            provider: meta.provider ?? null,
            model: meta.model ?? null,
            params: meta.params ? JSON.stringify(meta.params) : null,
            source: meta.source,
            conversationId: meta.conversationId ?? null,
            messageId: meta.messageId ?? null,
            originalName: meta.originalName ?? null,
            createdAt: Date.now(),
            maskId: meta.maskId ?? null,
          }).lastInsertRowid,
      );
      if (meta.maskId != null && !this.mask(meta.maskId)) throw new HolstError('not_found', `There is no mask ${meta.maskId}.`);
      const parent = this.db.prepare('INSERT OR IGNORE INTO image_parents (image_id, parent_id, role, position) VALUES (?, ?, ?, ?)');
      (meta.parents ?? []).forEach((p, position) => {
        if (!this.get(p.id)) throw new HolstError('not_found', `The parent image ${p.id} is not in the library.`);
        parent.run(id, p.id, p.role, position);
      });
      for (const tag of meta.tags ?? []) this.tagImage(id, tag);
      if (meta.messageId != null) {
        this.db
          .prepare(
            'INSERT OR IGNORE INTO message_images (message_id, image_id, position) VALUES (?, ?, (SELECT COUNT(*) FROM message_images WHERE message_id = ?))',
          )
          .run(meta.messageId, id, meta.messageId);
      }
      this.db.prepare('DELETE FROM file_journal WHERE id = ?').run(journalId);
      return id;
    })();
  }

  private tagImage(id: number, name: string): void {
    this.db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT(name) DO NOTHING').run(name);
    this.db.prepare('INSERT OR IGNORE INTO image_tags (tag_id, image_id) SELECT id, ? FROM tags WHERE name = ?').run(id, name);
  }

  private tagsOf(id: number): string[] {
    return (
      this.db
        .prepare('SELECT t.name FROM image_tags it JOIN tags t ON t.id = it.tag_id WHERE it.image_id = ? ORDER BY t.name')
        .all(id) as Array<{ name: string }>
    ).map((r) => r.name);
  }

  private async moveInto(temp: string, target: string): Promise<void> {
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.rename(temp, target);
  }

  /**
   * Removes a journalled file and its thumbnail and preview unless a row holds those bytes (they
   * came in again since the entry was written); answers whether it removed them.
   */
  private async removeUnusedFiles(sha256: string, ext: string): Promise<boolean> {
    if (this.hasBytes.get({ sha: sha256 }) !== undefined) return false;
    await this.removeFiles(sha256, ext);
    return true;
  }

  private async removeFiles(sha256: string, ext: string): Promise<void> {
    await Promise.all(
      [this.layout.original(sha256, ext), this.layout.thumb(sha256), this.layout.preview(sha256)].map((file) =>
        fs.rm(file, { force: true }),
      ),
    );
  }
}
