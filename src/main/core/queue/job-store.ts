import * as z from 'zod';
import { ErrorPayloadSchema, type ErrorPayload } from '../../../shared/errors';
import { JobStateSchema, type JobState, type QueueJob } from '../../../shared/queue';
import type { Db } from '../database/database';
import type { Logger } from '../logging/log';
import type { RemoteJob } from '../providers/types';

/** A job as the scheduler keeps it: what the window sees, and the order it was sent in and how it picks its source. */
export interface StoredJob extends QueueJob {
  /** The order prompts were sent in: a conversation's prompts go in this order, whatever their places. */
  seq: number;
  /** The prompt goes on from the conversation's last picture as Holst picks it (ChatSendSchema's `autoSource`). */
  autoSource: boolean;
  /** The provider's own job (Givon's), once it has taken the prompt: followed again after a restart, never re-sent. */
  remoteJob: RemoteJob | null;
  /** How many times the provider refused it for now (429) and the queue put it back. */
  retries: number;
}

export interface NewJob {
  generationId: string;
  conversationId: number;
  userMessageId: number;
  messageId: number;
  provider: string;
  model: string;
  autoSource: boolean;
}

const id = z.number().int();
const time = id.nullable();
/** A row as this version reads it; one that does not match is skipped (written by a newer Holst, or damaged). */
const JobRowSchema = z.object({
  seq: id,
  id: z.string().min(1),
  conversation_id: id,
  user_message_id: id,
  answer_message_id: id,
  provider: z.string().min(1),
  model: z.string().nullable(),
  state: JobStateSchema,
  position: id,
  auto_source: id,
  created_at: id,
  started_at: time,
  finished_at: time,
  error: z.string().nullable(),
  prompt: z.string().nullable(),
  remote_job: z.string().nullable(),
  retry_at: time,
  retries: id,
});

const RemoteJobSchema = z.object({ id: z.string().min(1), baseUrl: z.string().min(1) });

/** The prompt's text as a list shows it. */
const PROMPT = `(SELECT substr(m.text, 1, 200) FROM messages m WHERE m.id = j.user_message_id) AS prompt`;

/**
 * The queue's rows in the database (`generation_jobs`, `queue_state`). Every read goes through
 * JobRowSchema: a row that cannot be read is left out, with one log line per row, so it never
 * blocks the queue.
 */
export class JobStore {
  private readonly reported = new Set<number>();

  constructor(
    private readonly db: Db,
    private readonly logger: Pick<Logger, 'warn'>,
  ) {}

  /** False once the database is closed (the app quitting): a generation ending late has nothing to write to. */
  get isOpen(): boolean {
    return this.db.open;
  }

  /** Adds a job at the end of the queue. */
  add(job: NewJob): StoredJob {
    const now = Date.now();
    const seq = this.db
      .prepare(
        `INSERT INTO generation_jobs (id, conversation_id, user_message_id, answer_message_id, provider, model, state, position, auto_source, created_at)
         VALUES (?, ?, ?, ?, ?, ?, 'queued', (SELECT coalesce(max(position), 0) + 1 FROM generation_jobs), ?, ?)`,
      )
      .run(
        job.generationId,
        job.conversationId,
        job.userMessageId,
        job.messageId,
        job.provider,
        job.model,
        job.autoSource ? 1 : 0,
        now,
      ).lastInsertRowid;
    // Just written by this version, so it reads back.
    return this.bySeq(Number(seq))!;
  }

  get(generationId: string): StoredJob | null {
    const row = this.db.prepare(`SELECT j.*, ${PROMPT} FROM generation_jobs j WHERE j.id = ?`).get(generationId);
    return row ? this.read(row) : null;
  }

  /** Jobs waiting or running, in queue order (position, then the order sent). */
  open(): StoredJob[] {
    const rows = this.db
      .prepare(`SELECT j.*, ${PROMPT} FROM generation_jobs j WHERE j.state IN ('queued', 'running') ORDER BY j.position, j.seq`)
      .all();
    return this.readAll(rows);
  }

  /** The `limit` most recently ended jobs, newest first. */
  ended(limit: number): StoredJob[] {
    if (limit <= 0) return [];
    const rows = this.db
      .prepare(
        `SELECT j.*, ${PROMPT} FROM generation_jobs j WHERE j.finished_at IS NOT NULL AND j.state NOT IN ('queued', 'running')
         ORDER BY j.finished_at DESC, j.seq DESC LIMIT ?`,
      )
      .all(limit);
    return this.readAll(rows);
  }

  /** Writes a job's new state; `startedAt`/`finishedAt` and `error` as given. Answers the job as now stored (null if gone). */
  setState(generationId: string, state: JobState, times: { startedAt?: number; finishedAt?: number }, error?: ErrorPayload | null) {
    if (!this.isOpen) return null;
    // A job that starts is no longer waiting out a 429.
    this.db
      .prepare(
        `UPDATE generation_jobs SET state = @state, started_at = coalesce(@startedAt, started_at),
           finished_at = coalesce(@finishedAt, finished_at), error = @error,
           retry_at = CASE WHEN @state = 'running' THEN NULL ELSE retry_at END WHERE id = @id`,
      )
      .run({
        id: generationId,
        state,
        startedAt: times.startedAt ?? null,
        finishedAt: times.finishedAt ?? null,
        error: error ? JSON.stringify(error) : null,
      });
    return this.get(generationId);
  }

  /** Keeps the provider's own job with the queue's, the moment it exists (see RemoteJob). */
  setRemoteJob(generationId: string, job: RemoteJob): StoredJob | null {
    if (!this.isOpen) return null;
    this.db.prepare('UPDATE generation_jobs SET remote_job = ? WHERE id = ?').run(JSON.stringify(job), generationId);
    return this.get(generationId);
  }

  /** Puts a job the provider refused for now back in the queue, to go again at `retryAt` (its `retries`-th wait). */
  defer(generationId: string, retryAt: number, retries: number): StoredJob | null {
    if (!this.isOpen) return null;
    this.db
      .prepare("UPDATE generation_jobs SET state = 'queued', retry_at = ?, retries = ? WHERE id = ?")
      .run(retryAt, retries, generationId);
    return this.get(generationId);
  }

  /** Swaps two jobs' places in one transaction. */
  swap(a: StoredJob, b: StoredJob): void {
    const set = this.db.prepare('UPDATE generation_jobs SET position = ? WHERE id = ?');
    this.db.transaction(() => {
      set.run(b.position === a.position ? b.position + 1 : b.position, a.generationId);
      set.run(a.position, b.generationId);
    })();
  }

  /** The stored state of each of these jobs; a job whose row is gone (its conversation deleted) is missing. */
  statesOf(generationIds: string[]): Map<string, string> {
    const rows = this.db
      .prepare('SELECT id, state FROM generation_jobs WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(generationIds)) as Array<{ id: unknown; state: unknown }>;
    return new Map(rows.map((row) => [String(row.id), String(row.state)]));
  }

  /**
   * Marks a job waiting or running in another process (the app, or a `holst generate`) cancelled,
   * with its answer if it is still being written: that process stops it at its next look (see
   * GenerationQueue). Answers the job as now stored, or null when it had already ended.
   */
  cancelStored(generationId: string): StoredJob | null {
    const now = Date.now();
    const changed = this.db.transaction(() => {
      const { changes } = this.db
        .prepare("UPDATE generation_jobs SET state = 'cancelled', finished_at = ? WHERE id = ? AND state IN ('queued', 'running')")
        .run(now, generationId);
      if (changes === 0) return false;
      this.db
        .prepare(
          `UPDATE messages SET status = 'cancelled', updated_at = ?
             WHERE status = 'streaming' AND id = (SELECT answer_message_id FROM generation_jobs WHERE id = ?)`,
        )
        .run(now, generationId);
      return true;
    })();
    return changed ? this.get(generationId) : null;
  }

  /**
   * At start: jobs the app was running when it stopped are interrupted (never sent again by
   * themselves), except those whose provider had taken them as a job of its own (a readable
   * `remote_job`): they wait in the queue again, to be followed by that job's id, not sent.
   */
  recoverRunning(): { interrupted: string[]; resumed: string[] } {
    const now = Date.now();
    const rows = this.db.prepare("SELECT id, remote_job FROM generation_jobs WHERE state = 'running'").all() as Array<{
      id: unknown;
      remote_job: unknown;
    }>;
    const interrupted: string[] = [];
    const resumed: string[] = [];
    for (const row of rows) {
      if (typeof row.id !== 'string') continue;
      (readRemoteJob(row.remote_job) ? resumed : interrupted).push(row.id);
    }
    const interrupt = this.db.prepare(
      "UPDATE generation_jobs SET state = 'interrupted', finished_at = ? WHERE id = ? AND state = 'running'",
    );
    const requeue = this.db.prepare("UPDATE generation_jobs SET state = 'queued' WHERE id = ? AND state = 'running'");
    this.db.transaction(() => {
      for (const generationId of interrupted) interrupt.run(now, generationId);
      for (const generationId of resumed) requeue.run(generationId);
      // A row whose id this version cannot read is interrupted too: it is never sent again by itself.
      this.db.prepare("UPDATE generation_jobs SET state = 'interrupted', finished_at = ? WHERE state = 'running'").run(now);
    })();
    return { interrupted, resumed };
  }

  get paused(): boolean {
    const row = this.db.prepare("SELECT value FROM queue_state WHERE name = 'paused'").get() as { value: string } | undefined;
    return row?.value === 'true';
  }

  setPaused(paused: boolean): void {
    this.db
      .prepare("INSERT INTO queue_state (name, value) VALUES ('paused', ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value")
      .run(String(paused));
  }

  private bySeq(seq: number): StoredJob | null {
    const row = this.db.prepare(`SELECT j.*, ${PROMPT} FROM generation_jobs j WHERE j.seq = ?`).get(seq);
    return row ? this.read(row) : null;
  }

  private readAll(rows: unknown[]): StoredJob[] {
    return rows.map((row) => this.read(row)).filter((job): job is StoredJob => job !== null);
  }

  /** A row as a job, or null (with one log line per row) when this version cannot read it. */
  private read(row: unknown): StoredJob | null {
    const parsed = JobRowSchema.safeParse(row);
    if (!parsed.success) {
      const seq = (row as { seq?: unknown }).seq;
      const key = typeof seq === 'number' ? seq : -1;
      if (!this.reported.has(key)) {
        this.reported.add(key);
        const issue = parsed.error.issues[0];
        this.logger.warn(
          `queue: job row ${String(seq)} cannot be read (${issue?.path.join('.') ?? '?'}: ${issue?.message ?? '?'}); skipped`,
        );
      }
      return null;
    }
    const r = parsed.data;
    return {
      generationId: r.id,
      seq: r.seq,
      conversationId: r.conversation_id,
      userMessageId: r.user_message_id,
      messageId: r.answer_message_id,
      provider: r.provider,
      model: r.model,
      state: r.state,
      position: r.position,
      prompt: r.prompt ?? '',
      autoSource: r.auto_source === 1,
      remoteJob: readRemoteJob(r.remote_job),
      retries: r.retries,
      retryAt: r.retry_at,
      createdAt: r.created_at,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      error: readError(r.error),
    };
  }
}

/** A stored provider job, or null when there is none or it cannot be read (then it is never followed). */
function readRemoteJob(text: unknown): RemoteJob | null {
  if (typeof text !== 'string' || text === '') return null;
  try {
    const parsed = RemoteJobSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A stored error payload, or null when there is none or it cannot be read. */
function readError(text: string | null): ErrorPayload | null {
  if (!text) return null;
  try {
    const parsed = ErrorPayloadSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The job as the window sees it (the scheduler's own fields left out). */
export function publicJob(job: StoredJob): QueueJob {
  return {
    generationId: job.generationId,
    conversationId: job.conversationId,
    userMessageId: job.userMessageId,
    messageId: job.messageId,
    provider: job.provider,
    model: job.model,
    state: job.state,
    position: job.position,
    prompt: job.prompt,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    error: job.error,
    retryAt: job.retryAt ?? null,
  };
}
