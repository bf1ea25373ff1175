import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { say } from '../../../../shared/core-messages';
import { HolstError } from '../../../../shared/errors';
import type { ImageRecord, ImageSource, MaskRecord, ParentRole } from '../../../../shared/library';
import type { Db } from '../../database/database';
import { nonImageSentence, sniffImageFormat } from './image-format';
import { IngestRefusal } from './ingest-refusal';
import type { LibraryLayout } from '../layout';
import type { LibraryFiles } from '../library-files';
import { tagImage } from '../query/library-tags';
import { inMemory, receiveBytes, syncFile, type IngestInput } from './receive-bytes';
import type { ImageRow } from '../query/records';
import { decodeAndMakeThumbnails } from './thumbnails';

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

/** What the pipeline reads back from the library it stores into. */
export interface IngestLookups {
  get(id: number): ImageRecord | null;
  require(id: number): ImageRecord;
  mask(id: number): MaskRecord | null;
  requireMask(id: number): MaskRecord;
}

/** How pictures and masks come into the library: received, checked, decoded, moved into place, recorded. */
export class LibraryIngest {
  constructor(
    private readonly db: Db,
    private readonly layout: LibraryLayout,
    private readonly files: LibraryFiles,
    private readonly maxImageBytes: () => number,
    private readonly lookups: IngestLookups,
  ) {}

  /**
   * Stores an image atomically: bytes streamed to a temp file (hashed, size-capped), the type
   * checked from magic bytes, decoded once for thumbnails, renamed into place, then recorded in
   * one transaction. The same bytes are stored once. A failure or cancel stores nothing.
   */
  async ingest(input: IngestInput, meta: IngestMeta, signal?: AbortSignal): Promise<IngestResult> {
    const maxBytes = this.maxImageBytes();
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
        throw new IngestRefusal('no_image', why, say(nonImageSentence(received.head, received.size), {}));
      }

      const existing = this.rowBySha(received.sha256);
      if (existing) {
        if (existing.trashed_at !== null) this.db.prepare('UPDATE images SET trashed_at = NULL WHERE id = ?').run(existing.id);
        return { image: this.lookups.require(existing.id), duplicate: true };
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
        const reason = (error as Error).message.split('\n')[0] ?? '';
        const sentence = say('notSavedDamaged', { format: format.ext.toUpperCase(), reason });
        throw new IngestRefusal('no_image', 'damaged', sentence, { cause: error });
      } finally {
        cleanup.push(`${received.temp}.thumb.webp`, `${received.temp}.preview.webp`);
      }
      if (decoded.format !== format.sharpFormat) {
        const sentence = say('notSavedDecodesAs', { format: format.ext.toUpperCase(), decoded: decoded.format });
        throw new IngestRefusal('no_image', 'damaged', sentence);
      }
      const syncError = await durable;
      if (syncError) throw syncError;
      if (signal?.aborted) throw HolstError.said('cancelled', say('imageSaveCancelled', {}));

      const { sha256 } = received;
      const journal = this.db
        .prepare("INSERT INTO file_journal (op, sha256, ext, created_at) VALUES ('ingest', ?, ?, ?)")
        .run(sha256, format.ext, Date.now()).lastInsertRowid;
      try {
        await this.files.moveInto(received.temp, this.layout.original(sha256, format.ext));
        await this.files.moveInto(decoded.thumbTemp, this.layout.thumb(sha256));
        if (decoded.previewTemp) await this.files.moveInto(decoded.previewTemp, this.layout.preview(sha256));
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
        return { image: this.lookups.require(id), duplicate: false };
      } catch (error) {
        const raced = this.rowBySha(sha256);
        this.db.prepare('DELETE FROM file_journal WHERE id = ?').run(journal);
        // The same bytes committed by a concurrent ingest: theirs stands.
        if (raced) return { image: this.lookups.require(raced.id), duplicate: true };
        await this.files.removeFiles(sha256, format.ext);
        throw error;
      }
    } finally {
      await Promise.all(pending);
      await Promise.all(cleanup.map((file) => fs.rm(file, { force: true })));
    }
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
    if (same !== undefined) return { mask: this.lookups.requireMask(same), duplicate: true };
    const file = this.layout.original(sha256, 'png');
    const journal = this.db
      .prepare("INSERT INTO file_journal (op, sha256, ext, created_at) VALUES ('ingest', ?, 'png', ?)")
      .run(sha256, Date.now()).lastInsertRowid;
    const temp = path.join(this.layout.tmp, `mask-${sha256}-${process.pid}-${Date.now()}`);
    try {
      await fs.mkdir(this.layout.tmp, { recursive: true });
      await fs.writeFile(temp, bytes, { flush: true });
      await this.files.moveInto(temp, file);
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
      return { mask: this.lookups.requireMask(id), duplicate: false };
    } catch (error) {
      await fs.rm(temp, { force: true });
      this.db.prepare('DELETE FROM file_journal WHERE id = ?').run(journal);
      await this.files.removeUnusedFiles(sha256, 'png');
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
      if (meta.maskId != null && !this.lookups.mask(meta.maskId))
        throw HolstError.said('not_found', say('ingestNoMask', { id: meta.maskId }));
      const parent = this.db.prepare('INSERT OR IGNORE INTO image_parents (image_id, parent_id, role, position) VALUES (?, ?, ?, ?)');
      (meta.parents ?? []).forEach((p, position) => {
        if (!this.lookups.get(p.id)) throw HolstError.said('not_found', say('ingestNoParent', { id: p.id }));
        parent.run(id, p.id, p.role, position);
      });
      for (const tag of meta.tags ?? []) tagImage(this.db, id, tag);
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
}
