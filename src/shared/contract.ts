/**
 * The one IPC contract. Every request channel and every pushed event is declared here with its
 * zod schema; the main process registers handlers from it, the preload builds `window.holst`
 * from it, the browser harness speaks it over a WebSocket, and the renderer gets its types.
 */
import * as z from 'zod';
import type { Result } from './errors';
import {
  ConversationSchema,
  ImageDetailSchema,
  ImageIdSchema,
  ImageRecordSchema,
  MaskRecordSchema,
  ImportProgressSchema,
  ExportJobInputSchema,
  ExportProgressSchema,
  LibraryCountQuerySchema,
  LibraryFacetsSchema,
  LibraryViewSchema,
  SelectionSchema,
  TimelineSchema,
  LibraryPageSchema,
  LibraryQuerySchema,
  MessageSchema,
  TagSchema,
} from './library';
import {
  ChatCandidatesSchema,
  ChatChooseSchema,
  ChatSendSchema,
  ChatStartedSchema,
  ConnectionReportSchema,
  GenerationEventSchema,
} from './generation';
import { LanguageChoiceSchema } from './i18n';
import { QueueCancelInputSchema, QueueChangedSchema, QueueListInputSchema, QueueMoveInputSchema, QueueViewSchema } from './queue';
import { UpdateStatusSchema } from './update';
import { NetworkSettingsSchema, ProviderConfigSchema, ProviderIdSchema, SettingsSchema, ThemeSchema } from './settings';

export const KeyStatusSchema = z.object({
  providerId: z.string(),
  set: z.boolean(),
  /** Last four characters, only for keys long enough that this gives nothing away. */
  last4: z.string().nullable(),
  /** Where the key that will be used comes from. */
  source: z.enum(['env', 'keychain', 'encrypted-file']).nullable(),
});
export type KeyStatus = z.infer<typeof KeyStatusSchema>;

export const NoticeSchema = z.object({
  id: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  /** In English, for logs and for a window that has no text of its own for `key`. */
  message: z.string(),
  /** The window's catalogue entry for this notice (app:notices.<key>), filled in with `params`. */
  key: z.string().optional(),
  params: z.record(z.string(), z.string()).optional(),
  /** The technical cause (a system's own words, often English), shown behind "Details". */
  detail: z.string().optional(),
});
export type Notice = z.infer<typeof NoticeSchema>;

export const SecretBackendSchema = z.enum(['keychain', 'encrypted-file', 'unavailable']);

export const AppInfoSchema = z.object({
  version: z.string(),
  platform: z.string(),
  shell: z.enum(['electron', 'browser', 'cli']),
  dataDir: z.string(),
  settingsFile: z.string(),
  secretBackend: SecretBackendSchema,
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const ProviderViewSchema = z.object({
  config: ProviderConfigSchema,
  key: KeyStatusSchema,
});
export type ProviderView = z.infer<typeof ProviderViewSchema>;

/** An API key as typed by the user: no spaces around it, no line breaks or control characters. */
export const ApiKeySchema = z
  .string()
  .trim()
  .min(1, 'the key is empty')
  .max(8192, 'the key is longer than 8192 characters')
  .regex(/^[^\p{Cc}]+$/u, 'the key contains control characters or line breaks');

/** The network settings and whether the proxy has a password (kept in the keychain, never shown). */
export const NetworkViewSchema = z.object({ network: NetworkSettingsSchema, proxyPasswordSet: z.boolean() });
export type NetworkView = z.infer<typeof NetworkViewSchema>;

/** At most what a 100 MiB image takes in base64. */
const MAX_BASE64 = Math.ceil((100 * 1024 * 1024 * 4) / 3) + 4;

const none = z.undefined();
const byId = z.object({ id: ImageIdSchema });
const count = z.object({ count: z.number().int() });
const conversationId = z.number().int().positive();

export const requests = {
  'app.info': { input: none, output: AppInfoSchema },
  'app.notices': { input: none, output: z.array(NoticeSchema) },
  'app.dismissNotice': { input: z.object({ id: z.string().max(200) }), output: z.null() },
  /** Versions, settings without secrets, key sources and the last log lines, as text to paste into a report. */
  'app.diagnostics': { input: none, output: z.object({ text: z.string() }) },
  /** Opens the logs folder in the file manager (desktop app); in the browser, only says where it is. */
  'app.openLogsFolder': { input: none, output: z.object({ path: z.string().nullable(), opened: z.boolean() }) },
  /**
   * Opens an http(s) or mailto link from an answer in the system browser (desktop app). Anything
   * else is refused. `opened: false` where there is no desktop (the browser harness opens a tab itself).
   */
  'app.openExternal': { input: z.object({ url: z.string().trim().min(1).max(8192) }), output: z.object({ opened: z.boolean() }) },
  /** Asks the update feed for a newer version (packaged desktop app with a publish feed); a newer one downloads in the background. */
  'app.checkForUpdates': { input: none, output: UpdateStatusSchema },
  /** Where the update stands now; `unavailable` outside a packaged desktop app built with a publish feed. */
  'app.updateStatus': { input: none, output: UpdateStatusSchema },
  'settings.get': { input: none, output: SettingsSchema },
  'settings.setTheme': { input: z.object({ theme: ThemeSchema }), output: SettingsSchema },
  'settings.setLanguage': { input: z.object({ language: LanguageChoiceSchema }), output: SettingsSchema },
  /**
   * The folder every new generated or edited picture is also copied to: absent asks with the
   * desktop app's folder dialog (settings unchanged if cancelled), null turns it off. A typed path
   * is taken only where there is no dialog (the browser fallback), and only inside the folders the
   * window may write to (src/main/core/paths/window-paths.ts).
   */
  'settings.setSaveFolder': { input: z.object({ path: z.string().trim().min(1).max(4096).nullable().optional() }), output: SettingsSchema },
  'providers.list': { input: none, output: z.array(ProviderViewSchema) },
  'providers.save': {
    input: z.object({ provider: ProviderConfigSchema, previousId: ProviderIdSchema.optional() }),
    output: ProviderViewSchema,
  },
  'providers.remove': { input: z.object({ id: ProviderIdSchema }), output: z.null() },
  /** Checks a saved provider step by step: DNS, connection, TLS, the key, the model list. */
  'providers.test': { input: z.object({ id: ProviderIdSchema }), output: ConnectionReportSchema },
  /** The models the provider offers (asks it; falls back to the configured list where it has none). */
  'providers.models': { input: z.object({ id: ProviderIdSchema }), output: z.array(z.string()) },
  /** Tokens the text takes with this model, for kinds that can count; null for the others. */
  'providers.countTokens': {
    input: z.object({ id: ProviderIdSchema, model: z.string().trim().min(1).max(200).optional(), text: z.string().max(100_000) }),
    output: z.object({ tokens: z.number().int().nullable() }),
  },
  'network.get': { input: none, output: NetworkViewSchema },
  /** `proxyPassword`: a string sets it, null removes it, absent leaves it as it is. */
  'network.save': {
    input: z.object({ network: NetworkSettingsSchema, proxyPassword: z.string().max(1000).nullable().optional() }),
    output: NetworkViewSchema,
  },
  'secrets.status': { input: z.object({ providerId: ProviderIdSchema }), output: KeyStatusSchema },
  'secrets.set': { input: z.object({ providerId: ProviderIdSchema, key: ApiKeySchema }), output: KeyStatusSchema },
  'secrets.clear': { input: z.object({ providerId: ProviderIdSchema }), output: KeyStatusSchema },
  'library.list': { input: LibraryQuerySchema, output: LibraryPageSchema },
  /** The exact number of images in a view: its filters and search, or the trash. */
  'library.count': { input: LibraryCountQuerySchema, output: z.object({ count: z.number().int().nonnegative() }) },
  'library.get': { input: byId, output: ImageDetailSchema },
  'library.setFavorite': { input: z.object({ id: ImageIdSchema, favorite: z.boolean() }), output: ImageRecordSchema },
  'library.setTags': { input: z.object({ id: ImageIdSchema, tags: z.array(TagSchema).max(50) }), output: z.array(z.string()) },
  /** Providers, models, sources and tags in the library with how many images have each (for the filters). */
  'library.facets': { input: none, output: LibraryFacetsSchema },
  /** The months of a view with their counts and places in the grid (the date scrubber). */
  'library.timeline': { input: LibraryViewSchema, output: TimelineSchema },
  /** Bulk actions: each is one transaction, whatever the selection's size. `count`: images changed. */
  /** Moves images to the trash; `trashedAt` marks this action, for `library.untrash` (Undo). */
  'library.trash': { input: SelectionSchema, output: count.extend({ trashedAt: z.number().int() }) },
  /** Undoes one `library.trash`: restores the images it moved that are still in the trash, and no others. */
  'library.untrash': { input: z.object({ trashedAt: z.number().int().positive() }), output: count },
  'library.restore': { input: SelectionSchema, output: count },
  'library.setFavoriteMany': { input: z.object({ selection: SelectionSchema, favorite: z.boolean() }), output: count },
  'library.tagMany': {
    input: z.object({
      selection: SelectionSchema,
      add: z.array(TagSchema).max(50).default([]),
      remove: z.array(TagSchema).max(50).default([]),
    }),
    output: count,
  },
  /** Deletes trashed images of the selection for good (images not in the trash are left alone). */
  'library.deleteForGood': { input: SelectionSchema, output: count },
  'library.emptyTrash': { input: none, output: count },
  /** Renames a tag everywhere; renaming onto an existing tag merges the two. Answers every tag name. */
  'library.renameTag': { input: z.object({ from: TagSchema, to: TagSchema }), output: z.array(z.string()) },
  /** Removes a tag from every image. `count`: images that had it. */
  'library.deleteTag': { input: z.object({ name: TagSchema }), output: count },
  /** Asks with the desktop app's open dialog and imports what the user picks (the window names no paths). */
  'library.import': { input: none, output: z.object({ jobId: z.string().nullable() }) },
  /**
   * Preload only (PRELOAD_CHANNELS): files and folders the user dropped or picked, as paths the
   * preload read off real `File` objects. Not on `window.holst`; the browser bridge refuses it.
   */
  'library.importDropped': {
    input: z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000) }),
    output: z.object({ jobId: z.string().nullable() }),
  },
  /** An image the renderer holds as bytes (dropped or pasted in the browser, which gives no file path). */
  'library.importBytes': {
    input: z.object({ name: z.string().trim().min(1).max(255), base64: z.string().min(1).max(MAX_BASE64) }),
    output: ImageRecordSchema.extend({ duplicate: z.boolean() }),
  },
  /**
   * A mask painted over library image `sourceId`: a PNG of exactly the source's pixel size whose
   * fully transparent pixels mark the area to change. Kept beside the pictures (never among them);
   * a `chat.send` names it by `maskId`.
   */
  'library.saveMask': {
    input: z.object({ sourceId: ImageIdSchema, base64: z.string().min(1).max(MAX_BASE64) }),
    output: MaskRecordSchema,
  },
  'library.cancelImport': { input: z.object({ jobId: z.string().max(100) }), output: z.null() },
  /** Save the original under a name the user picks in the desktop app's save dialog. */
  'library.export': { input: byId, output: z.object({ path: z.string().nullable() }) },
  'library.copy': { input: byId, output: z.null() },
  'library.reveal': { input: byId, output: z.null() },
  'library.startDrag': { input: byId, output: z.null() },
  /** Drags several originals out to the file manager (desktop app). */
  'library.startDragMany': { input: z.object({ ids: z.array(ImageIdSchema).min(1).max(1000) }), output: z.null() },
  /**
   * Writes a selection to a folder or a ZIP in the background; progress comes as
   * `library.exportProgress`. The desktop app asks where with its dialog (and asks before replacing
   * files); `to` is taken only in the browser fallback, inside the folders the window may write to.
   */
  'library.exportMany': { input: ExportJobInputSchema, output: z.object({ jobId: z.string().nullable() }) },
  'library.cancelExport': { input: z.object({ jobId: z.string().max(100) }), output: z.null() },
  /** Newest activity first, a page at a time: `after` is the last conversation of the page before. */
  'conversations.list': {
    input: z.object({
      query: z.string().max(500).optional(),
      limit: z.number().int().min(1).max(2000).optional(),
      after: z.object({ updatedAt: z.number().int(), id: conversationId }).optional(),
    }),
    output: z.array(ConversationSchema),
  },
  'conversations.create': { input: z.object({ title: z.string().max(500).optional() }), output: ConversationSchema },
  'conversations.rename': { input: z.object({ id: conversationId, title: z.string().max(500) }), output: ConversationSchema },
  'conversations.delete': {
    input: z.object({ id: conversationId, trashImages: z.boolean().optional() }),
    output: z.object({ trashedImages: z.number().int() }),
  },
  /** Oldest first; `last`: only the newest that many (a long chat shows its end before the rest arrives). */
  'conversations.messages': {
    input: z.object({ id: conversationId, last: z.number().int().min(1).max(10_000).optional() }),
    output: z.array(MessageSchema),
  },
  /** Sends a prompt (and library images) in a conversation; the answer arrives as `generation.event`s. */
  'chat.send': { input: ChatSendSchema, output: ChatStartedSchema },
  /**
   * Answers a user message again with what it asked; earlier answers are kept as versions. `like`:
   * one of its answers (a fan-out's column) to ask again as that one was asked (provider, model, settings).
   */
  'chat.retry': {
    input: z.object({
      messageId: z.number().int().positive(),
      singleTurn: z.boolean().optional(),
      like: z.number().int().positive().optional(),
    }),
    output: ChatStartedSchema,
  },
  /**
   * A prompt's candidates ("×N"): keep or un-keep pictures, discard some (or `rest`: every one not
   * kept) to the library's trash in one action (`trashedAt` for Undo). With nothing to change it
   * says how they stand: those kept, those in the trash.
   */
  'chat.candidates': {
    input: ChatCandidatesSchema,
    output: z.object({
      message: MessageSchema,
      kept: z.array(ImageIdSchema),
      trashed: z.array(ImageIdSchema),
      trashedAt: z.number().int().nullable(),
      moved: z.number().int(),
    }),
  },
  /** "Continue with this": the answer of a prompt (and picture, among candidates) the conversation goes on from. Answers the prompt. */
  'chat.choose': { input: ChatChooseSchema, output: MessageSchema },
  'chat.cancel': { input: z.object({ generationId: z.string().max(100) }), output: z.null() },
  /** Generations still running (a reloaded window picks them up). */
  'chat.running': {
    input: none,
    output: z.array(z.object({ generationId: z.string(), conversationId: z.number().int(), messageId: z.number().int() })),
  },
  /** The queue: jobs waiting or running in order, then the `limit` most recent ended ones; whether it is paused. */
  'queue.list': { input: QueueListInputSchema, output: QueueViewSchema },
  /** Cancels a job: a waiting one is never sent (its answer ends cancelled); a running one stops as `chat.cancel` stops it. */
  'queue.cancel': { input: QueueCancelInputSchema, output: z.null() },
  /** Moves a waiting job one place up or down among the waiting jobs (a conversation's prompts still go in the order sent). */
  'queue.move': { input: QueueMoveInputSchema, output: z.null() },
  /** Starts no new job until `queue.resume` (running ones go on); kept across restarts. */
  'queue.pause': { input: none, output: z.object({ paused: z.boolean() }) },
  'queue.resume': { input: none, output: z.object({ paused: z.boolean() }) },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const events = {
  'settings.changed': SettingsSchema,
  'providers.changed': z.array(ProviderViewSchema),
  'app.notice': NoticeSchema,
  /** A notice that no longer holds (the keychain notice once no key needs saving): the window stops showing it. */
  'app.noticeRemoved': z.object({ id: z.string() }),
  /** A command chosen in the native menu that the window carries out (go to a screen, start a chat). */
  'app.command': z.object({ command: z.enum(['new-chat', 'chat', 'library', 'settings']) }),
  /** Images were added, changed or removed: lists showing them should refresh. */
  'library.changed': z.object({ ids: z.array(ImageIdSchema) }),
  'library.importProgress': ImportProgressSchema,
  'library.exportProgress': ExportProgressSchema,
  /** The update check or download moved on (progress, ready to restart, failed). */
  'app.updateChanged': UpdateStatusSchema,
  'generation.event': GenerationEventSchema,
  /** Jobs of the queue changed state or place, or the queue was paused or resumed. */
  'queue.changed': QueueChangedSchema,
} as const satisfies Record<string, z.ZodType>;

export type RequestChannel = keyof typeof requests;

/**
 * Channels only the desktop app's preload calls, with what it vouches for (paths of files the user
 * dropped or picked). `window.holst` has no method for them and the browser bridge refuses them.
 */
export const PRELOAD_CHANNELS = ['library.importDropped'] as const satisfies readonly RequestChannel[];
export type PreloadChannel = (typeof PRELOAD_CHANNELS)[number];
/** The channels a page may call. */
export type PageChannel = Exclude<RequestChannel, PreloadChannel>;

export function isPreloadChannel(value: unknown): value is PreloadChannel {
  return (PRELOAD_CHANNELS as readonly unknown[]).includes(value);
}
export type EventName = keyof typeof events;
export type RequestInput<C extends RequestChannel> = z.input<(typeof requests)[C]['input']>;
export type ParsedInput<C extends RequestChannel> = z.output<(typeof requests)[C]['input']>;
export type RequestOutput<C extends RequestChannel> = z.output<(typeof requests)[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const REQUEST_CHANNELS = Object.keys(requests) as RequestChannel[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isRequestChannel(value: unknown): value is RequestChannel {
  return typeof value === 'string' && Object.hasOwn(requests, value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(events, value);
}

/** Electron IPC channel names are prefixed so they cannot collide with Electron's own. */
export const ipcChannelName = (name: RequestChannel | EventName): string => `holst:${name}`;

// ----- The API the renderer sees as `window.holst`, derived from the declarations above -----

type Namespace<C extends string> = C extends `${infer NS}.${string}` ? NS : never;
type Method<C extends string, NS extends string> = C extends `${NS}.${infer M}` ? M : never;
type Call<C extends RequestChannel> = [RequestInput<C>] extends [undefined]
  ? () => Promise<Result<RequestOutput<C>>>
  : (input: RequestInput<C>) => Promise<Result<RequestOutput<C>>>;

export type HolstApi = {
  [NS in Namespace<PageChannel>]: {
    [C in PageChannel as Method<C, NS>]: Call<C>;
  };
} & {
  /** Subscribes to a pushed event; returns the function that unsubscribes. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** How a bridge reaches the main process: Electron IPC in the app, a WebSocket in the harness. */
export interface BridgeTransport {
  invoke(channel: RequestChannel, input: unknown): Promise<Result<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

/** Builds `window.holst` from the contract: one method per channel a page may call, nothing else. */
export function buildHolstApi(transport: BridgeTransport): HolstApi {
  const api: Record<string, unknown> = {};
  for (const channel of REQUEST_CHANNELS) {
    if (isPreloadChannel(channel)) continue;
    const [ns, method] = channel.split('.') as [string, string];
    const group = (api[ns] ??= {}) as Record<string, unknown>;
    group[method] = (input?: unknown) => transport.invoke(channel, input);
  }
  api.on = (event: unknown, listener: unknown) => {
    if (!isEventName(event)) throw new TypeError(`Unknown Holst event: ${String(event)}`);
    if (typeof listener !== 'function') throw new TypeError('The listener must be a function');
    return transport.subscribe(event, listener as (payload: unknown) => void);
  };
  return api as HolstApi;
}
