/** The generation queue as it crosses IPC: every answer asked for is a job that waits its turn. */
import * as z from 'zod';
import { ErrorPayloadSchema } from './errors';

/**
 * Where a job stands: `queued` (waiting for its turn), `running`, and how it ended: `done`,
 * `failed`, `cancelled`, or `interrupted` (the app stopped while it ran; it is never sent again by itself).
 */
export const JOB_STATES = ['queued', 'running', 'done', 'failed', 'cancelled', 'interrupted'] as const;
export const JobStateSchema = z.enum(JOB_STATES);
export type JobState = z.infer<typeof JobStateSchema>;

/** How many generations may run at once across every provider when the settings say nothing. */
export const DEFAULT_QUEUE_MAX_CONCURRENT = 6;

export const QueueJobSchema = z.object({
  /** The generation's id (the one `generation.event`s and `chat.cancel` use). */
  generationId: z.string(),
  conversationId: z.number().int(),
  /** The prompt it answers. */
  userMessageId: z.number().int(),
  /** The answer being written (or to be written). */
  messageId: z.number().int(),
  provider: z.string(),
  model: z.string().nullable(),
  state: JobStateSchema,
  /** Its place in the queue: lower goes first among jobs that may start. */
  position: z.number().int(),
  /** The prompt's text, cut to 200 characters (for a list). */
  prompt: z.string(),
  createdAt: z.number().int(),
  startedAt: z.number().int().nullable(),
  finishedAt: z.number().int().nullable(),
  /** Why it failed (state `failed`). */
  error: ErrorPayloadSchema.nullable(),
  /** A job the provider refused for now (429) waits in the queue until this time (ms since the epoch), then goes again. */
  retryAt: z.number().int().nullable().optional(),
});
export type QueueJob = z.infer<typeof QueueJobSchema>;

export const QueueViewSchema = z.object({
  paused: z.boolean(),
  /** At most this many generations run at once, whatever their providers (settings: `queue.maxConcurrent`). */
  maxConcurrent: z.number().int(),
  /** Jobs waiting or running, in queue order, then the most recent ended ones, newest first. */
  jobs: z.array(QueueJobSchema),
});
export type QueueView = z.infer<typeof QueueViewSchema>;

export const QueueListInputSchema = z.object({
  /** How many ended jobs to list besides those waiting or running (default 100). */
  limit: z.number().int().min(0).max(1000).optional(),
});

/** What changed in the queue: the jobs whose state or place changed (none for a pause or resume). */
export const QueueChangedSchema = z.object({ paused: z.boolean(), jobs: z.array(QueueJobSchema) });
export type QueueChanged = z.infer<typeof QueueChangedSchema>;

const generationId = z.string().min(1).max(100);
export const QueueCancelInputSchema = z.object({ generationId });
export const QueueMoveInputSchema = z.object({ generationId, direction: z.enum(['up', 'down']) });
