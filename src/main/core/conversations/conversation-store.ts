import { SaidSchema, say, type Said } from '../../../shared/core-messages';
import { HolstError } from '../../../shared/errors';
import { UsageSchema, type Conversation, type Message, type Usage } from '../../../shared/library';
import type { Db } from '../database/database';
import { toFtsQuery } from '../library/query/records';

interface ConversationRow {
  id: number;
  title: string;
  created_at: number;
  updated_at: number;
}

interface MessageRow {
  id: number;
  conversation_id: number;
  role: Message['role'];
  text: string;
  status: Message['status'];
  provider: string | null;
  model: string | null;
  error_code: string | null;
  error_message: string | null;
  error_said: string | null;
  created_at: number;
  updated_at: number;
  /** `id:width:height` per picture, comma-separated, in the message's order. */
  images: string | null;
  request: string | null;
  reply_to: number | null;
  usage: string | null;
  elapsed_ms: number | null;
}

const toConversation = (row: ConversationRow): Conversation => ({
  id: row.id,
  title: row.title,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

function pictures(list: string | null): Pick<Message, 'imageIds' | 'imageSizes'> {
  const parts = list ? list.split(',').map((entry) => entry.split(':').map(Number)) : [];
  return {
    imageIds: parts.map(([id]) => id!),
    imageSizes: parts.map(([, width, height]) => ({ width: width!, height: height! })),
  };
}

/** A message's row with its pictures (each one's id and size, in order). */
const MESSAGE_COLUMNS = `m.*, (SELECT group_concat(entry) FROM (
    SELECT mi.image_id || ':' || i.width || ':' || i.height AS entry
    FROM message_images mi JOIN images i ON i.id = mi.image_id
    WHERE mi.message_id = m.id ORDER BY mi.position)) AS images`;

const toMessage = (row: MessageRow): Message => ({
  id: row.id,
  conversationId: row.conversation_id,
  role: row.role,
  text: row.text,
  status: row.status,
  provider: row.provider,
  model: row.model,
  error: row.error_code ? { code: row.error_code, message: row.error_message ?? '', ...parseSaid(row.error_said) } : null,
  ...pictures(row.images),
  request: parseRequest(row.request),
  replyTo: row.reply_to,
  usage: parseUsage(row.usage),
  elapsedMs: row.elapsed_ms,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** A stored request that cannot be read (written by a newer Holst, or damaged) reads as none. */
function parseRequest(text: string | null): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Stored usage is read back through its schema: a damaged or foreign value reads as none. */
function parseUsage(text: string | null): Usage | null {
  if (!text) return null;
  try {
    const parsed = UsageSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** What an answer cost, saved when it ends. */
export interface AnswerStats {
  usage?: Usage | null;
  elapsedMs?: number | null;
}

export class ConversationStore {
  constructor(private readonly db: Db) {
    // Answers that were streaming when the app stopped keep their text, marked as interrupted;
    // those still waiting in the generation queue stay to be written when their turn comes, and so
    // do those whose provider had taken them as a job of its own (followed again: job-store.ts).
    db.prepare(
      `UPDATE messages SET status = 'interrupted' WHERE status = 'streaming'
         AND id NOT IN (SELECT answer_message_id FROM generation_jobs WHERE answer_message_id IS NOT NULL AND (state = 'queued'
           OR (state = 'running' AND (CASE WHEN json_valid(remote_job)
             THEN json_type(remote_job, '$.id') = 'text' AND json_type(remote_job, '$.baseUrl') = 'text' END) = 1)))`,
    ).run();
  }

  create(title = ''): Conversation {
    const now = Date.now();
    const id = Number(
      this.db.prepare('INSERT INTO conversations (title, created_at, updated_at) VALUES (?, ?, ?)').run(title, now, now).lastInsertRowid,
    );
    return this.require(id);
  }

  get(id: number): Conversation | null {
    const row = this.db.prepare('SELECT * FROM conversations WHERE id = ?').get(id) as ConversationRow | undefined;
    return row ? toConversation(row) : null;
  }

  require(id: number): Conversation {
    const conversation = this.get(id);
    if (!conversation) throw HolstError.said('not_found', say('conversationNotFound', { id }));
    return conversation;
  }

  rename(id: number, title: string): Conversation {
    this.require(id);
    // A new name is not new activity: the chat keeps its place in the list (newest activity first).
    this.db.prepare('UPDATE conversations SET title = ? WHERE id = ?').run(title, id);
    return this.require(id);
  }

  /**
   * Newest activity first; with a query, conversations whose title or any message matches. A page
   * at a time: `after` is the last conversation of the page before (by its activity and id).
   */
  list(options: { query?: string; limit?: number; after?: { updatedAt: number; id: number } } = {}): Conversation[] {
    const limit = options.limit ?? 200;
    const match = options.query ? toFtsQuery(options.query) : null;
    if (options.query && options.query.trim() !== '' && !match) return [];
    const after = options.after ? 'AND (updated_at, id) < (@updatedAt, @id)' : '';
    const cursor = options.after ?? {};
    const rows = match
      ? (this.db
          .prepare(
            `SELECT * FROM conversations WHERE id IN (
               SELECT rowid FROM conversations_fts WHERE conversations_fts MATCH @match
               UNION SELECT m.conversation_id FROM messages_fts f JOIN messages m ON m.id = f.rowid WHERE messages_fts MATCH @match)
             ${after} ORDER BY updated_at DESC, id DESC LIMIT @limit`,
          )
          .all({ match, limit, ...cursor }) as ConversationRow[])
      : (this.db
          .prepare(`SELECT * FROM conversations WHERE 1 ${after} ORDER BY updated_at DESC, id DESC LIMIT @limit`)
          .all({ limit, ...cursor }) as ConversationRow[]);
    return rows.map(toConversation);
  }

  /** Deletes a conversation and its messages. Its images stay in the library unless `trashImages`. */
  delete(id: number, options: { trashImages?: boolean } = {}): { trashedImages: number } {
    this.require(id);
    return this.db.transaction(() => {
      const trashed = options.trashImages
        ? this.db.prepare('UPDATE images SET trashed_at = ? WHERE conversation_id = ? AND trashed_at IS NULL').run(Date.now(), id).changes
        : 0;
      this.db.prepare('DELETE FROM conversations WHERE id = ?').run(id);
      return { trashedImages: trashed };
    })();
  }

  addMessage(input: {
    conversationId: number;
    role: Message['role'];
    text?: string;
    status?: Message['status'];
    provider?: string | null;
    model?: string | null;
    request?: Record<string, unknown> | null;
    replyTo?: number | null;
    imageIds?: number[];
  }): Message {
    this.require(input.conversationId);
    const now = Date.now();
    const id = this.db.transaction(() => {
      const inserted = this.db
        .prepare(
          `INSERT INTO messages (conversation_id, role, text, status, provider, model, request, reply_to, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          input.conversationId,
          input.role,
          input.text ?? '',
          input.status ?? 'complete',
          input.provider ?? null,
          input.model ?? null,
          input.request ? JSON.stringify(input.request) : null,
          input.replyTo ?? null,
          now,
          now,
        ).lastInsertRowid;
      for (const imageId of input.imageIds ?? []) this.attachImage(Number(inserted), imageId);
      return inserted;
    })();
    this.touch(input.conversationId, now);
    return this.requireMessage(Number(id));
  }

  /** Oldest first; with `last`, only the newest that many. */
  messages(conversationId: number, options: { last?: number } = {}): Message[] {
    const rows = this.db
      .prepare(`SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.conversation_id = ? ORDER BY m.id DESC LIMIT ?`)
      .all(conversationId, options.last ?? -1) as MessageRow[];
    return rows.reverse().map(toMessage);
  }

  requireMessage(id: number): Message {
    const row = this.db.prepare(`SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.id = ?`).get(id) as MessageRow | undefined;
    if (!row) throw HolstError.said('not_found', say('messageNotFound', { id }));
    return toMessage(row);
  }

  /** Shows a library image in a message (after those already there); showing it twice is a no-op. */
  attachImage(messageId: number, imageId: number): void {
    this.db
      .prepare(
        'INSERT OR IGNORE INTO message_images (message_id, image_id, position) VALUES (?, ?, (SELECT COUNT(*) FROM message_images WHERE message_id = ?))',
      )
      .run(messageId, imageId, messageId);
  }

  /** Removes a prompt's answers that were stopped before anything arrived (Answer again leaves no empty version). */
  removeEmptyStops(userMessageId: number): number {
    return this.db
      .prepare(
        `DELETE FROM messages WHERE reply_to = ? AND role = 'assistant' AND status = 'cancelled' AND trim(text) = ''
           AND NOT EXISTS (SELECT 1 FROM message_images mi WHERE mi.message_id = messages.id)`,
      )
      .run(userMessageId).changes;
  }

  /** Sets the images a message shows, in this order (a prompt that waited goes on from the picture that arrived). */
  replaceImages(messageId: number, imageIds: readonly number[]): Message {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM message_images WHERE message_id = ?').run(messageId);
      for (const imageId of imageIds) this.attachImage(messageId, imageId);
    })();
    return this.requireMessage(messageId);
  }

  /** False once the database is closed (app quitting): late timers then have nothing to write to. */
  get isOpen(): boolean {
    return this.db.open;
  }

  /** Replaces what a user message asked for (e.g. Retry chose to send it without the history). */
  updateRequest(id: number, request: Record<string, unknown>): Message {
    this.db.prepare('UPDATE messages SET request = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(request), Date.now(), id);
    return this.requireMessage(id);
  }

  saveMessageText(id: number, text: string): void {
    this.db.prepare('UPDATE messages SET text = ?, updated_at = ? WHERE id = ?').run(text, Date.now(), id);
  }

  finishMessage(
    id: number,
    status: Exclude<Message['status'], 'streaming'>,
    text: string,
    error?: { code: string; message: string } & Said,
    stats: AnswerStats = {},
  ): Message {
    const now = Date.now();
    const usage = stats.usage && Object.keys(stats.usage).length > 0 ? JSON.stringify(stats.usage) : null;
    const elapsed = stats.elapsedMs === undefined || stats.elapsedMs === null ? null : Math.max(0, Math.round(stats.elapsedMs));
    this.db
      .prepare(
        'UPDATE messages SET text = ?, status = ?, error_code = ?, error_message = ?, error_said = ?, usage = ?, elapsed_ms = ?, updated_at = ? WHERE id = ?',
      )
      .run(text, status, error?.code ?? null, error?.message ?? null, saidJson(error), usage, elapsed, now, id);
    const message = this.requireMessage(id);
    this.touch(message.conversationId, now);
    return message;
  }

  /** Starts an assistant answer that is saved while it streams (see StreamingMessage). */
  startStreaming(
    conversationId: number,
    provider: string | null,
    model: string | null,
    options: { flushMs?: number; replyTo?: number } = {},
  ): StreamingMessage {
    const message = this.addMessage({
      conversationId,
      role: 'assistant',
      status: 'streaming',
      provider,
      model,
      replyTo: options.replyTo ?? null,
    });
    const flushMs = options.flushMs ?? 500;
    return new StreamingMessage(this, message.id, flushMs);
  }

  /** An answer started earlier (a queued job whose turn has come), written from now on as it streams. */
  continueStreaming(messageId: number, options: { flushMs?: number } = {}): StreamingMessage {
    return new StreamingMessage(this, messageId, options.flushMs ?? 500);
  }

  private touch(conversationId: number, now: number): void {
    this.db.prepare('UPDATE conversations SET updated_at = ? WHERE id = ?').run(now, conversationId);
  }
}

/**
 * Text of an answer as it streams in, written to the database at most every `flushMs` and at the
 * end, so a crash keeps what had arrived (the message is then marked interrupted at start-up).
 */
export class StreamingMessage {
  private text = '';
  private saved = '';
  private timer: NodeJS.Timeout | null = null;
  private done = false;

  constructor(
    private readonly store: ConversationStore,
    readonly id: number,
    private readonly flushMs: number,
  ) {}

  append(delta: string): void {
    if (this.done) return;
    this.text += delta;
    this.timer ??= setTimeout(() => this.flush(), this.flushMs);
  }

  get currentText(): string {
    return this.text;
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.text !== this.saved && this.store.isOpen) {
      this.store.saveMessageText(this.id, this.text);
      this.saved = this.text;
    }
  }

  /** Ends the answer; `finalText` replaces the streamed text (e.g. with image links taken out). */
  finish(
    status: Exclude<Message['status'], 'streaming'>,
    error?: { code: string; message: string } & Said,
    finalText?: string,
    stats?: AnswerStats,
  ): Message {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.done = true;
    if (finalText !== undefined) this.text = finalText;
    return this.store.finishMessage(this.id, status, this.text, error, stats);
  }
}

/** An error's catalogued sentence as stored beside its English message (null when it has none). */
function saidJson(error: Said | undefined): string | null {
  if (!error?.key) return null;
  const { key, params, quote } = error;
  return JSON.stringify({ key, params, quote });
}

/** The stored sentence back, or nothing when there is none or it cannot be read (the English message stands). */
function parseSaid(json: string | null): Said {
  if (!json) return {};
  try {
    const parsed = SaidSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
