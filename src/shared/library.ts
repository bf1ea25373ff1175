/** Library and conversation records as they cross IPC and the CLI. */
import * as z from 'zod';
import { ERROR_CODES } from './errors';

export const IMAGE_SOURCES = ['generated', 'imported', 'edited'] as const;
export const ImageSourceSchema = z.enum(IMAGE_SOURCES);
export type ImageSource = z.infer<typeof ImageSourceSchema>;

/** How a picture was made from another: the edit's source, or a reference. (A mask is not a picture: see MaskRecord.) */
export const PARENT_ROLES = ['source', 'reference'] as const;
export const ParentRoleSchema = z.enum(PARENT_ROLES);
export type ParentRole = z.infer<typeof ParentRoleSchema>;

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

export const MaskIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/**
 * A mask painted over a picture (the format is src/shared/mask.ts). Kept beside the pictures, never
 * among them: no grid, counts, filters, search or exports. Its file is shown at `holst-media://mask/<id>`.
 */
export const MaskRecordSchema = z.object({
  id: MaskIdSchema,
  sha256: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  /** The picture it was painted over; null once that picture is deleted for good. */
  sourceId: ImageIdSchema.nullable(),
  createdAt: z.number().int(),
});
export type MaskRecord = z.infer<typeof MaskRecordSchema>;

export const ImageDetailSchema = z.object({
  image: ImageRecordSchema,
  parents: z.array(z.object({ role: ParentRoleSchema, image: ImageRecordSchema })),
  /** The mask the edit was made with, shown beside its source in the lineage. */
  mask: MaskRecordSchema.nullable(),
  children: z.array(ImageRecordSchema),
  tags: z.array(z.string()),
});
export type ImageDetail = z.infer<typeof ImageDetailSchema>;

export const TagSchema = z.string().trim().min(1).max(64);

export const LibraryQuerySchema = z.object({
  /** Return items older than this id (the previous page's `nextCursor`). */
  cursor: ImageIdSchema.optional(),
  /**
   * Skip this many matching images first (for a page far down the grid that no loaded page
   * leads to). Ignored with `cursor`.
   */
  offset: z.number().int().nonnegative().max(10_000_000).optional(),
  /** Return items newer than this id instead, oldest of them first (the viewer's "previous"). */
  after: ImageIdSchema.optional(),
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
export const LibraryCountQuerySchema = LibraryQuerySchema.omit({ cursor: true, limit: true, offset: true, after: true });
export type LibraryCountQuery = z.input<typeof LibraryCountQuerySchema>;

/** A view of the library (filters and search, or the trash) without paging; what selections and jobs act on. */
export const LibraryViewSchema = LibraryCountQuerySchema;
export type LibraryView = z.input<typeof LibraryViewSchema>;

/**
 * Which images a bulk action applies to: a list of ids, or every image of a view (even those the
 * window has not loaded) except some ids. The core resolves a view selection in one transaction.
 */
export const SelectionSchema = z.union([
  z.object({ ids: z.array(ImageIdSchema).min(1).max(100_000) }),
  z.object({ view: LibraryViewSchema, except: z.array(ImageIdSchema).max(100_000).default([]) }),
]);
export type Selection = z.input<typeof SelectionSchema>;

/** A value of a filter with how many images (not in the trash) have it. */
export const FacetSchema = z.object({ value: z.string(), count: z.number().int().nonnegative() });
export const LibraryFacetsSchema = z.object({
  providers: z.array(FacetSchema),
  /** Models with the provider they came from (the same model name may come from two providers). */
  models: z.array(FacetSchema.extend({ provider: z.string().nullable() })),
  sources: z.array(FacetSchema.extend({ value: ImageSourceSchema })),
  tags: z.array(FacetSchema),
});
export type LibraryFacets = z.infer<typeof LibraryFacetsSchema>;

/** Months of a view, newest first, in the machine's local time, with how many images each holds. */
export const TimelineSchema = z.object({
  months: z.array(
    z.object({
      year: z.number().int(),
      /** 1–12. */
      month: z.number().int().min(1).max(12),
      count: z.number().int().positive(),
      /** How many images of the view come before this month's first (newer ones): its place in the grid. */
      offset: z.number().int().nonnegative(),
    }),
  ),
});
export type Timeline = z.infer<typeof TimelineSchema>;

export const ExportJobInputSchema = z.object({
  selection: SelectionSchema,
  /**
   * A folder (files with readable names) or a .zip file to write, typed in the browser fallback
   * (no dialogs) and taken only inside the folders the window may write to. The desktop app asks.
   */
  to: z.string().min(1).max(4096).optional(),
  format: z.enum(['folder', 'zip']),
  /** Replace files that already exist (the desktop app asks in its own dialog first). */
  overwrite: z.boolean().optional(),
});

export const ExportProgressSchema = z.object({
  jobId: z.string(),
  done: z.number().int(),
  total: z.number().int(),
  finished: z.boolean(),
  cancelled: z.boolean().optional(),
  /** Where the files went (the folder or the .zip), once finished. */
  path: z.string().nullable().optional(),
  /** Images that could not be written, with why. */
  failures: z.array(z.object({ id: ImageIdSchema, reason: z.string() })).optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type ExportProgress = z.infer<typeof ExportProgressSchema>;

export const LibraryPageSchema = z.object({
  items: z.array(ImageRecordSchema),
  nextCursor: ImageIdSchema.nullable(),
});
export type LibraryPage = z.infer<typeof LibraryPageSchema>;

/** Why a file was not imported, as a kind the UI says in its language (`reason` is the English sentence). */
export const IMPORT_WHYS = [
  'notFound',
  'brokenLink',
  'notImageName',
  'folderUnreadable',
  'notFileOrFolder',
  'empty',
  'notImage',
  'damaged',
  'tooLarge',
  'unreadable',
] as const;
export const ImportWhySchema = z.enum(IMPORT_WHYS);
export type ImportWhy = z.infer<typeof ImportWhySchema>;

export const ImportFileResultSchema = z.object({
  path: z.string(),
  /** `cancelled`: Cancel stopped the import before this file was in (not a problem with the file). */
  status: z.enum(['imported', 'duplicate', 'skipped', 'failed', 'cancelled']),
  id: ImageIdSchema.optional(),
  reason: z.string().optional(),
  why: ImportWhySchema.optional(),
  /** For `tooLarge`: the library's size limit at the time, in bytes. */
  maxBytes: z.number().int().optional(),
  /** For a failure of no known kind (no `why`): its error code, so the UI can say it in its language. */
  code: z.enum(ERROR_CODES).optional(),
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

/** A picture's size in pixels. */
export const ImageSizeSchema = z.object({ width: z.number().int().positive(), height: z.number().int().positive() });
export type ImageSize = z.infer<typeof ImageSizeSchema>;

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
  /**
   * Each of those pictures' size in pixels, in the same order, so the window lays a picture out at
   * its own shape before it has loaded. Absent on messages from before it was sent along.
   */
  imageSizes: z.array(ImageSizeSchema).optional(),
  /**
   * On a user message: what was asked besides the text (parameters, system text, mask), for Retry.
   * On an assistant message: `sent`, the prompt (and system text) as the provider was sent it, where
   * its kind reshapes it (GigaChat's picture mode).
   */
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

/** The kinds of media the renderer may ask for, by id only: a picture's three sizes (by image id), a mask (by mask id). */
export const MEDIA_KINDS = ['thumb', 'preview', 'original', 'mask'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];
