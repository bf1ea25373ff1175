/** Library and conversation records as they cross IPC and the CLI. */
import { z } from 'zod';

export const IMAGE_SOURCES = ['generated', 'imported', 'edited'] as const;
export const ImageSourceSchema = z.enum(IMAGE_SOURCES);
export type ImageSource = z.infer<typeof ImageSourceSchema>;

export const PARENT_ROLES = ['source', 'reference', 'mask'] as const;
export const ParentRoleSchema = z.enum(PARENT_ROLES);

export const ImageIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const ImageRecordSchema = z.object({
  id: ImageIdSchema,
  sha256: z.string(),
  mime: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  prompt: z.string().nullable(),
  revisedPrompt: z.string().nullable(),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  params: z.record(z.string(), z.unknown()).nullable(),
  source: ImageSourceSchema,
  conversationId: z.number().int().nullable(),
  messageId: z.number().int().nullable(),
  originalName: z.string().nullable(),
  createdAt: z.number().int(),
  favorite: z.boolean(),
  trashedAt: z.number().int().nullable(),
  hasPreview: z.boolean(),
});
export type ImageRecord = z.infer<typeof ImageRecordSchema>;

export const ImageLinkSchema = z.object({ id: ImageIdSchema, role: ParentRoleSchema });

export const ImageDetailSchema = z.object({
  image: ImageRecordSchema,
  parents: z.array(z.object({ role: ParentRoleSchema, image: ImageRecordSchema })),
  children: z.array(ImageRecordSchema),
  tags: z.array(z.string()),
});
export type ImageDetail = z.infer<typeof ImageDetailSchema>;

export const TagSchema = z.string().trim().min(1).max(64);

export const LibraryQuerySchema = z.object({
  /** Return items older than this id (the previous page's `nextCursor`). */
  cursor: ImageIdSchema.optional(),
  limit: z.number().int().min(1).max(500).default(200),
  /** Full-text search over prompts; words match as prefixes, all must match. */
  query: z.string().max(500).optional(),
  favorites: z.boolean().optional(),
  provider: z.string().max(200).optional(),
  model: z.string().max(200).optional(),
  source: ImageSourceSchema.optional(),
  tag: TagSchema.optional(),
  /** Created at or after / before these times (ms since the epoch). */
  from: z.number().int().nonnegative().optional(),
  to: z.number().int().nonnegative().optional(),
  conversationId: z.number().int().positive().optional(),
  /** The trash instead of the library. */
  trashed: z.boolean().optional(),
});
export type LibraryQuery = z.input<typeof LibraryQuerySchema>;

/** A view of the library to count: the query's filters and search, without paging. */
export const LibraryCountQuerySchema = LibraryQuerySchema.omit({ cursor: true, limit: true });
export type LibraryCountQuery = z.input<typeof LibraryCountQuerySchema>;

export const LibraryPageSchema = z.object({
  items: z.array(ImageRecordSchema),
  nextCursor: ImageIdSchema.nullable(),
});
export type LibraryPage = z.infer<typeof LibraryPageSchema>;

export const ImportFileResultSchema = z.object({
  path: z.string(),
  status: z.enum(['imported', 'duplicate', 'skipped', 'failed']),
  id: ImageIdSchema.optional(),
  reason: z.string().optional(),
});
export type ImportFileResult = z.infer<typeof ImportFileResultSchema>;

export const ImportProgressSchema = z.object({
  jobId: z.string(),
  done: z.number().int(),
  total: z.number().int(),
  current: z.string().nullable(),
  finished: z.boolean(),
  results: z.array(ImportFileResultSchema).optional(),
});
export type ImportProgress = z.infer<typeof ImportProgressSchema>;

export const MESSAGE_STATUSES = ['complete', 'streaming', 'interrupted', 'error', 'cancelled'] as const;

export const ConversationSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type Conversation = z.infer<typeof ConversationSchema>;

/** Token usage a provider reported for one answer (fields it leaves out stay absent). */
export const UsageSchema = z.object({
  promptTokens: z.number().optional(),
  completionTokens: z.number().optional(),
  totalTokens: z.number().optional(),
});
export type Usage = z.infer<typeof UsageSchema>;

export const MessageSchema = z.object({
  id: z.number().int(),
  conversationId: z.number().int(),
  role: z.enum(['user', 'assistant', 'system']),
  text: z.string(),
  status: z.enum(MESSAGE_STATUSES),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  imageIds: z.array(ImageIdSchema),
  /** On a user message: what was asked besides the text (parameters, system text, mask), for Retry. */
  request: z.record(z.string(), z.unknown()).nullable(),
  /** On an assistant message: the user message it answers (answers to one prompt are its versions). */
  replyTo: z.number().int().nullable(),
  /** On an assistant message: the token usage the provider reported, when it did. */
  usage: UsageSchema.nullable(),
  /** On an assistant message: milliseconds from sending to the answer's end (its last image). */
  elapsedMs: z.number().int().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type Message = z.infer<typeof MessageSchema>;

/** The kinds of media the renderer may ask for, by image id only. */
export const MEDIA_KINDS = ['thumb', 'preview', 'original'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];
