/**
 * Every sentence the core says to a person, by key: the English text (the CLI's, the log's, and
 * the window's English catalogue `core`), with `{{name}}` for its parameters. The core sends the
 * key and parameters beside its English sentence; the window says the same in its language
 * (src/renderer/i18n/locales/<language>/core.json). A test keeps every catalogue in step with this list.
 */
import * as z from 'zod';

export const CORE_MESSAGES = {
  // Test connection, step by step
  connectionSkipped: 'Not tried: an earlier step failed.',
  connectionDnsIsAddress: '{{host}} is an address.',
  connectionDnsFound: '{{host}} is {{address}}.',
  connectionDnsFailed: "Cannot find {{name}}'s server {{host}} ({{code}}). Check the address and your connection.",
  connectionDnsFailedProxy: "Cannot find the proxy's server {{host}} ({{code}}). Check the proxy address and your connection.",
  connectionConnectFailed:
    'Cannot connect to {{name}} at {{host}}:{{port}} ({{code}}). Check the address, the port and any firewall or proxy.',
  connectionConnectFailedProxy:
    'Cannot connect to the proxy at {{host}}:{{port}} ({{code}}). Check the proxy address, its port and any firewall.',
  connectionConnected: 'Connected to {{host}}:{{port}}.',
  connectionTlsInTunnel: "Checked inside the proxy's tunnel by the next step.",
  connectionTlsPlainHttp: 'Plain HTTP: nothing is encrypted on this connection.',
  connectionTlsUntrusted:
    "The TLS check failed ({{code}}): {{name}}'s certificate is not trusted. If the provider uses a private or national CA, set its certificate file (caFile) for this provider.",
  connectionTlsUntrustedWithCa:
    "The TLS check failed ({{code}}): {{name}}'s certificate is not trusted. The certificate file set for this provider does not vouch for its server.",
  connectionTlsTrusted: 'Certificate trusted.',
  connectionTlsTrustedWithCa: 'Certificate trusted (with the provider’s CA file).',
  connectionNoKey: '{{name}} has no API key. Set it above.',
  connectionKeyUnchecked: '{{name}} offers no way to check a key without generating; it is checked on the first request.',
  connectionKeyAccepted: 'The key was accepted.',
  connectionKeyNotConfirmed: 'Not confirmed: the model list failed first.',
  connectionModelsConfigured: 'Models configured: {{count}}.',
  connectionModelsAvailable: 'Models available: {{count}}.',

  // What a provider's HTTP status means, and what to do
  providerAnswered400: '{{name}} answered {{status}} to {{what}}: the request was refused as invalid.',
  providerAnswered401: '{{name}} answered {{status}} to {{what}}. Check the API key in Settings → Providers.',
  providerAnswered402: '{{name}} answered {{status}} to {{what}}: the account has no funds left; top it up with the provider.',
  providerAnswered403: '{{name}} answered {{status}} to {{what}}: the key has no access to this; check it and its permissions.',
  providerAnswered404: '{{name}} answered {{status}} to {{what}}. Check the base URL and the model name.',
  providerAnswered413: '{{name}} answered {{status}} to {{what}}: the request is too large; send smaller or fewer images.',
  providerAnswered422: '{{name}} answered {{status}} to {{what}}: the provider could not process these parameters.',
  providerAnswered429: '{{name}} answered {{status}} to {{what}}: too many requests; wait a little and try again.',
  providerAnswered500: '{{name}} answered {{status}} to {{what}}: the provider had an internal problem; try again later.',
  // A provider that could not be reached, or stopped part-way
  proxyRefusedLogin:
    'The proxy would not connect Holst to {{name}} ({{what}}): it refused the proxy user name or password; check them in Settings → Network.',
  proxyRefused:
    'The proxy would not connect Holst to {{name}} ({{what}}): it answered {{status}}; check the proxy address in Settings → Network.',
  providerCancelled: '{{name}}: cancelled.',
  providerConnectTimeout: '{{name}} did not accept a connection in time ({{what}}). Check the address and your network or proxy.',
  providerStoppedAnswering: '{{name}} stopped answering during {{what}}. Try again later.',
  providerTlsUntrusted:
    'TLS check failed for {{name}} ({{code}}): its certificate is not trusted. If the provider uses a private or national CA, set its certificate file (caFile) in Settings → Providers.',
  providerDnsFailed: "Cannot find {{name}}'s server (DNS) for {{what}}. Check the base URL and your connection.",
  providerUnreachable: 'Cannot reach {{name}} for {{what}}: {{reason}}. Check your connection, proxy and the base URL.',
  providerStalled: '{{name}} stopped sending {{what}} part-way. Try again later.',
  providerCutOff: 'The connection to {{name}} was cut off during {{what}} ({{reason}}). Try again.',
  providerCaFileUnreadable: 'Cannot read the CA certificate file {{file}} for {{name}}: {{reason}}',
  providerNoKey: '{{name}} has no API key. Set it in Settings → Providers, with "holst key set {{id}}", or in {{envName}}.',
  providerNotJson: '{{name}} answered {{what}} with something that is not JSON ({{type}}).',
  providerStreamNotJson: '{{name}} sent a stream event that is not JSON.',
  /** After a provider's explanation: its own words, quoted and never translated. */
  providerSaid: 'It said: “{{quote}}”',

  // Exports: why an image or the whole export could not be written
  exportNoImage: 'there is no image {{id}} in the library',
  exportUnreadable: 'Could not read image {{id}} from the library: {{reason}}',
  exportExists: '{{file}} already exists; choose another name or allow overwriting.',
  exportWriteFailed: 'Could not export image {{id}} to {{file}}: {{reason}}',
  exportNoFreeNameIn: 'Could not find a free name for {{name}} in {{folder}}; choose another folder.',
  exportNoFreeName: 'Could not find a free name for {{file}}.',
  exportFolderFailed: 'Could not create the folder {{folder}}: {{reason}}',
  exportFileFailed: 'Could not write {{file}}: {{reason}}',

  // A request the provider kind cannot take (src/shared/provider-kinds.ts)
  requestModelMakesOne: '{{model}} makes one image per request (n = 1).',
  requestModelMakesAtMost: '{{model}} makes at most {{max}} images per request (n).',
  requestCountOne: '{{kind}} makes one picture per request (n = {{n}}).',
  requestCountRange: '{{kind}} makes {{min}} to {{max}} pictures per request (n).',
  requestNoMaskGigachat: 'GigaChat does not take a mask; describe the change in the prompt instead.',
  requestNoMaskChatModel: 'Chat image models take no mask; describe the change in the prompt, or use an Images API provider.',
  requestNoMaskOther: 'This provider takes no mask; describe the change in the prompt instead.',
  requestMaskNeedsSource: 'A mask needs a source image to edit.',
  requestMaskNotPng: 'The mask must be a PNG (its transparent pixels mark the area to change).',
  requestTooManyReferences: '{{kind}} takes one source image and at most {{max}} references.',
  requestImageTooLarge: "{{image}} is over {{kind}}'s {{megabytes}} MB limit for one image.",
  requestImageFormat: '{{kind}} takes {{formats}} images; {{image}} is {{mime}}.',
  requestParamUnknown: '{{kind}} takes no {{name}}; it takes {{takes}}.',
  requestParamNone: '{{kind}} takes no {{name}}; it takes no picture settings.',
  requestParamToggle: '{{name}} is on (true) or off (false).',
  requestParamPixels: '{{name}} must look like {{example}} (or auto).',
  requestParamOneOf: '{{name}} must be one of {{values}} for {{kind}}.',
  requestParamNumber: '{{name}} must be a whole number from {{min}} to {{max}}.',
  requestSizeNotOffered: '{{kind}} draws {{sizes}}; {{size}} is not one of them.',
  requestSizeOutOfLimits:
    '{{kind}} does not draw {{size}}: both sides must be multiples of {{multiple}}, the longer at most {{maxEdge}} px and at most {{ratio}} times the shorter, and the picture {{minPixels}} to {{maxPixels}} pixels in all.',
  requestCompressionFormat: 'Compression applies to JPEG and WebP pictures: choose one of them as the format, or leave compression out.',
  requestTransparentFormat: 'A transparent background needs a PNG or WebP picture; JPEG has no transparency.',
  requestFidelityNeedsSource: 'Input fidelity applies to edits: attach a picture to edit, or leave it out.',
  requestModerationNotForEdits: '{{kind}} sets moderation for new pictures only; leave it out when editing a picture.',

  // Keys without a keychain
  keychainCannotSave:
    'API keys cannot be saved: this computer has no system keychain that answers. Start one (on Linux: GNOME Keyring or KWallet), or set {{envName}} in the environment before starting Holst.',
  // The keychain (or the encrypted key file) failed while reading, saving or removing a key
  keychainReadFailed: 'Could not read the API key in the system keychain: {{reason}}.',
  keychainSaveFailed: 'Could not save the API key in the system keychain: {{reason}}.',
  keychainRemoveFailed: 'Could not remove the API key in the system keychain: {{reason}}.',
  keyFileReadFailed: 'Could not read the API key in the encrypted key file: {{reason}}.',
  keyFileSaveFailed: 'Could not save the API key in the encrypted key file: {{reason}}.',
  keyFileRemoveFailed: 'Could not remove the API key in the encrypted key file: {{reason}}.',

  // Provider settings and the network (Settings → Providers, Settings → Network)
  providerNotFound: 'There is no provider "{{id}}". Add it in Settings → Providers (or in the settings file, {{file}}).',
  providerIdTaken: 'A provider with the id "{{id}}" already exists.',
  proxyPasswordNeedsUser: 'A proxy password needs a proxy user name.',
  providerKindUnavailable: 'Generating with "{{kind}}" providers is not available in this version of Holst yet.',

  // The save folder chosen in Settings
  saveFolderNotAbsolute: 'The save folder must be a full path (like {{example}}).',
  saveFolderIsFile: '{{folder}} is a file, not a folder.',
  saveFolderNotWritable: 'Holst cannot write to {{folder}}: {{reason}}. Choose another folder.',

  // A path the window typed (the browser, which has no folder dialog)
  pathFromDialogOnly: 'The window cannot name a file or folder: Holst asks where with its own dialog.',
  pathNotFull: 'Give a full path (like {{example}}), not "{{typed}}".',
  pathOutsideWritable:
    '{{target}} is outside the folders Holst may write to from the browser: {{exports}}, and those listed in "library": { "allowedFolders": [...] } of {{file}}. Choose a folder inside one, or add it to that list and start Holst again.',

  // The settings file, links, desktop-only actions and requests the core does not know
  settingsSaveFailed: 'Could not save settings to {{file}}: {{reason}}',
  settingsReadFailed: 'Could not read the settings file {{file}}: {{reason}}',
  settingsFileNotJson:
    'The settings file {{file}} cannot be used: it is not valid JSON ({{reason}}). Fix it, or move it aside to start with defaults.',
  settingsFileInvalid:
    'The settings file {{file}} cannot be used: "{{field}}": {{problem}}. Fix it, or move it aside to start with defaults.',
  settingsFileInvalidTop:
    'The settings file {{file}} cannot be used: the top level: {{problem}}. Fix it, or move it aside to start with defaults.',
  /** After `settingsFileInvalid…` and `settingsInvalid…`: `problem` is the settings check's own words (English). */
  settingsInvalid: 'These settings are not valid: "{{field}}": {{problem}}',
  settingsInvalidTop: 'These settings are not valid: the top level: {{problem}}',
  // The app's notice after it set an unusable settings file aside (the CLI refuses instead)
  settingsRecoveredNotJson:
    'Your settings file could not be read (it is not valid JSON ({{reason}})). It was kept as {{backupFile}} and default settings were restored.',
  settingsRecoveredInvalid:
    'Your settings file could not be read ("{{field}}": {{problem}}). It was kept as {{backupFile}} and default settings were restored.',
  settingsRecoveredInvalidTop:
    'Your settings file could not be read (the top level: {{problem}}). It was kept as {{backupFile}} and default settings were restored.',
  dataFolderFailed: 'Cannot create the data folder {{folder}}: {{reason}}',
  logsFolderOpenFailed: 'Could not open {{folder}}: {{reason}}',
  linkNotAddress: '"{{link}}" is not a web address, so Holst cannot open it.',
  linkScheme: 'Holst opens only http, https and mailto links, not {{scheme}} links.',
  linkHasLogin: 'This link carries a user name or password; Holst does not open such links.',
  linkOpenFailed: 'Could not open {{url}} in the browser: {{reason}}',
  desktopOnlyImport: 'Choosing files to import needs the Holst desktop app; it is not available in the browser.',
  desktopOnlySaveCopy: 'Saving a copy needs the Holst desktop app; it is not available in the browser.',
  desktopOnlyCopy: 'Copying an image needs the Holst desktop app; it is not available in the browser.',
  desktopOnlyReveal: 'Showing the file needs the Holst desktop app; it is not available in the browser.',
  desktopOnlyDrag: 'Dragging an image out needs the Holst desktop app; it is not available in the browser.',
  desktopOnlyDragMany: 'Dragging images out needs the Holst desktop app; it is not available in the browser.',
  desktopOnlyReplace: 'Replacing files needs the Holst desktop app; it is not available in the browser.',
  desktopOnlyExportTarget:
    'Choosing where to export needs the Holst desktop app; type a folder inside the data folder’s exports folder instead.',
  desktopOnlySaveFolder: 'Choosing a folder needs the Holst desktop app; type a folder inside the data folder’s exports folder instead.',
  requestUnknown: 'Unknown request "{{channel}}".',
  requestMalformed: 'Malformed request frame.',
  /** `problem`: the contract's check in its own words (English). */
  inputInvalid: 'Invalid input for {{channel}}: {{problem}}',
  inputInvalidAt: 'Invalid input for {{channel}} at "{{field}}": {{problem}}',
  // Givon's progress while a job waits: its status word, the known ones in the window's language
  givonQueued: '{{name}}: queued…',
  givonPending: '{{name}}: pending…',
  givonProcessing: '{{name}}: processing…',
  givonRunning: '{{name}}: running…',
  givonInProgress: '{{name}}: in progress…',
  givonStarting: '{{name}}: starting…',
  givonCreated: '{{name}}: created…',
  givonSubmitted: '{{name}}: submitted…',
  givonWaiting: '{{name}}: waiting…',
  /** A status word Holst does not know, as Givon sent it. */
  givonStatus: '{{name}}: {{status}}…',
  /** A job Givon already took (before a restart, or before a 429), followed again by its id. */
  givonResumed: '{{name}}: following the job it already took…',

  // An answer Holst could not read, or an image it could not fetch
  gigachatNoAuthUrl: '{{name}} has no token URL (authUrl) in its settings.',
  gigachatKeyRejected: '{{name}} rejected the authorization key (scope {{scope}}) — check it in Settings → Providers.',
  gigachatNoToken: "{{name}}'s token answer has no access_token / expires_at.",
  gigachatTokenCountNotList: "{{name}}'s token count is not a list.",
  gigachatNoUploadId: '{{name}} did not return an id for the uploaded image.',
  givonNoJobId: '{{name}} queued the image but gave no job id to follow.',
  givonJobUnknown:
    '{{name}} no longer knows the job {{id}} (it answered {{status}}): the job may have expired. Send the prompt again to make the picture.',
  givonFailed: '{{name}} could not make the image: {{reason}}',
  givonFailedNoReason: '{{name}} could not make the image: no reason given',
  givonTimeoutMinutes: '{{name}} did not finish the image within {{minutes}} min (job {{id}}, last {{status}}).',
  givonTimeoutMs: '{{name}} did not finish the image within {{ms}} ms (job {{id}}, last {{status}}).',
  givonSentObject: 'Givon answered with no job id, status or image (it sent an object with {{keys}}).',
  givonSentEmptyObject: 'Givon answered with no job id, status or image (it sent an empty object).',
  givonSentList: 'Givon answered with no job id, status or image (it sent a list).',
  givonSentNull: 'Givon answered with no job id, status or image (it sent null).',
  givonSentValue: 'Givon answered with no job id, status or image (it sent a {{type}}).',
  imagesNoDataList: '{{name}} answered without a "data" list of images.',
  imagesStreamFailed: '{{name}} stopped while drawing the picture.',
  imageAddressRefused: 'The provider returned an image address Holst will not fetch: {{url}}…',
  imageDataUriMalformed: 'The provider returned a malformed data: URI.',
  imageDownloadNotHttp: 'Holst only downloads images over http(s).',
  imageNotSaved: "The provider's image could not be saved. {{reason}}",

  // Generation: prompts, inputs, masks and answers
  modelNotChosen: 'Choose a model for {{name}} (the CLI takes --model), or list its models in Settings → Providers.',
  promptEmpty: 'Write a prompt first: it is empty.',
  imageNotInLibrary: 'Image {{id}} is not in the library (or is in the trash).',
  imageUnreadable: 'Cannot read image {{id}} from the library ({{file}}): {{reason}}',
  maskNotKept: 'There is no mask {{id}}. Paint the mask again over the picture.',
  maskUnreadable: 'Cannot read mask {{id}} from the library ({{file}}): {{reason}}',
  inputImageUnreadable: 'Cannot read the image {{file}}: {{reason}}',
  inputMaskUnreadable: 'Cannot read the mask {{file}}: {{reason}}',
  inputNotImage: '{{file}} is not a PNG, JPEG, WebP or GIF image.',
  inputNotDecodable: '{{image}} cannot be read as an image.',
  maskSizeDiffers:
    'The mask is {{maskWidth}}×{{maskHeight}} but the source image is {{width}}×{{height}}. Paint the mask on the source image (it must have the same pixel size) and send again.',
  maskNotBase64: 'The mask did not arrive as valid base64.',
  maskSourceTrashed: 'Image {{id}} is in the trash. Restore it before painting a mask on it.',
  maskNotPng: 'The mask must be a PNG (its transparent pixels mark the area to change).',
  maskPngUnreadable: 'The mask PNG could not be read ({{reason}}).',
  maskSizeMismatch: 'The mask is {{maskWidth}}×{{maskHeight}} but the source image is {{width}}×{{height}}.',
  maskEmpty: 'The mask marks nothing to change: paint over the area first.',
  retryNotPrompt: 'Only a prompt (a user message) can be answered again.',
  retryNoProvider: 'This message does not say which provider it was sent to.',
  generationNotRunning: 'There is no running generation {{id}}.',
  candidatesNotPrompt: 'Only a prompt (a user message) has candidates to keep or discard.',
  candidateNotHere: "Picture {{id}} is not one of this prompt's answers.",
  answerNotOfPrompt: 'Message {{id}} is not an answer to this prompt.',
  fanOutTwice: 'The provider "{{provider}}" with the same model is chosen twice for one prompt.',
  generationCancelled: 'Generation cancelled.',
  generationCancelledBeforeSent: 'Generation cancelled before it was sent.',
  queueProviderRemoved:
    'The provider "{{provider}}" was removed before this prompt\'s turn came. Choose another provider and send it again.',
  queueJobNotFound: 'There is no generation {{id}} in the queue.',
  /** A 429 the queue waits out: `time` is the local time it goes again (HH:MM:SS). */
  queueRateLimitedUntil: '{{name}} is rate limiting — this prompt waits its turn until {{time}} (try {{retry}} of {{of}}).',
  queueRateLimitedGaveUp:
    '{{name}} kept answering 429 (too many requests) after {{tries}} tries. Wait a little and send the prompt again, or lower "At once" for this provider.',
  queueJobNotQueued: 'Generation {{id}} is no longer waiting in the queue: only a waiting one can be moved.',
  answerEmpty: '{{provider}} answered with neither text nor an image. Try again or rephrase the prompt.',
  historyRefused:
    "{{name}} refused the conversation's earlier turns sent with this follow-up. It said: {{reason}} Send the prompt again without the history (as a single turn) to go on.",
  // Pictures the library cannot take in
  fileUnreadable: 'Cannot read {{file}}: {{reason}}',
  imageTooLargeMb: 'The image is larger than the {{megabytes}} MB limit (Settings → Library).',
  imageTooLargeKb: 'The image is larger than the {{kilobytes}} KB limit (Settings → Library).',
  imageSaveCancelled: 'The image was not saved: cancelled.',
  imageNotSynced: 'Cannot save the image to disk: {{reason}}',
  fileNotSynced: 'Cannot save {{file}} to disk: {{reason}}',
  notSavedEmpty: 'Not saved: the file is empty (0 bytes).',
  notSavedWebPage: 'Not saved: it is a web page or XML document, not an image (often an error page saved under an image name).',
  notSavedJson: 'Not saved: it is JSON text, not an image.',
  notSavedNotImage: 'Not saved: it is not a PNG, JPEG, WebP or GIF image.',
  notSavedDamaged: 'Not saved: the {{format}} data is damaged or incomplete ({{reason}}).',
  notSavedDecodesAs: 'Not saved: the file starts like {{format}} but decodes as {{decoded}}.',
  ingestNoMask: 'There is no mask {{id}}.',
  ingestNoParent: 'The parent image {{id}} is not in the library.',

  // The library: tags, dates, trash; chats and messages not found
  /** `input`: what was checked ("library view"); `reason`: the schema's own words for the first fault. */
  invalidInput: 'Invalid {{input}}: {{reason}}',
  invalidInputAt: 'Invalid {{input}} at "{{field}}": {{reason}}',
  dateRangeBackwards: 'The date range ends before it starts: choose an end date after the start date.',
  viewTagMissing:
    'There is no tag "{{tag}}" in the library (it may have been renamed or deleted): choose an existing tag or clear the tag filter.',
  tagMissing: 'There is no tag "{{tag}}" in the library; pick one from the list of tags.',
  tagNameEmpty: 'A tag needs a name: type at least one character.',
  tagAddedAndRemoved: 'The tag "{{tag}}" is both added and removed: choose one.',
  libraryNoImage: 'There is no image {{id}} in the library.',
  libraryNoMask: 'There is no mask {{id}}: paint it again over the picture.',
  conversationNotFound: 'There is no conversation {{id}}.',
  messageNotFound: 'There is no message {{id}}.',
  jobOtherKind: 'Job {{id}} is not a {{kind}} job.',
  exportZipIsFolder: "{{folder}} is a folder; give the ZIP file's name, like {{example}}.",
  exportNothingSelected: 'No images match the selection: there is nothing to export.',
  importNotBase64: '{{name}} did not arrive as valid base64.',
  importNotPicture: '{{name}} is not a picture Holst can keep. {{reason}}',
  databaseOpenFailed: 'Cannot open the library database {{file}}: {{reason}}',
  databaseTooNew:
    'The library at {{file}} was written by a newer version of Holst (schema {{version}}; this version knows {{known}}). Update Holst to open it. Nothing was changed.',
  databasePrepareFailed: 'Cannot prepare the library database {{file}}: {{reason}}',

  // Backups
  backupTargetEmpty: 'Name where the backup goes: a folder (an external disk, a NAS, a synced folder).',
  backupTargetUnsupported:
    '{{target}}: this Holst backs up to folders and WebDAV (webdav+https://user@host/path) only; S3 is not there yet.',
  backupTargetTooLarge:
    "The backup target {{target}} refused a file as too large ({{reason}}). Raise the server's upload limit, or back up to a folder.",
  backupTargetForeign:
    '{{target}} holds files that are not a Holst backup. Choose an empty folder or an earlier Holst backup; nothing was written.',
  backupTargetNewer: '{{target}} holds a backup written by a newer Holst. Update Holst to back up there; nothing was written.',
  backupTargetFull:
    'The backup target {{target}} is full. Free some space there (or keep fewer snapshots) and run the backup again: it sends only what is still missing.',
  backupTargetGone:
    'The backup target {{target}} went away part-way ({{reason}}). Connect it again and run the backup again: it sends only what is still missing.',
  backupTargetRefused: 'The backup target {{target}} refused to be written ({{reason}}). Check that the folder is writable.',
  backupTargetFailed: 'The backup to {{target}} failed: {{reason}}. Run it again: it sends only what is still missing.',
  backupCopyDamaged:
    'The copy of {{file}} on {{target}} did not read back the same as the original; it was removed. Check the disk and run the backup again.',
  backupCancelled: 'The backup was cancelled. The snapshots before it are as they were; the next run sends only what is still missing.',
  backupNoSnapshot: 'There is no Holst backup at {{target}} yet.',
  backupNoSuchSnapshot: 'There is no snapshot {{id}} at {{target}}. "holst backup list" shows the snapshots there.',
  backupTooNew:
    'This backup was made by Holst {{version}}, newer than this Holst ({{current}}). Install Holst {{version}} or later to restore it.',
  backupDatabaseDamaged:
    "Snapshot {{id}} at {{target}}: its copy of the library's database is missing or damaged, so it cannot be restored. Choose an earlier snapshot.",
  backupSettingsDamaged: 'Snapshot {{id}} at {{target}}: its copy of the settings is damaged. Choose an earlier snapshot.',
  backupRestoreNotEmpty: 'The data folder {{folder}} already has pictures or chats. Restore into an empty data folder (--data-dir).',

  // Anything else thrown inside the core (its own words may hold paths or secrets: only the log has them)
  internalError: 'Something went wrong inside Holst. The log has details.',
} as const;

export type CoreMessageKey = keyof typeof CORE_MESSAGES;
export const CORE_MESSAGE_KEYS = Object.keys(CORE_MESSAGES) as CoreMessageKey[];

/**
 * What a provider request is, for sentences like "GigaChat answered 401 to the model list":
 * the English phrase a provider client names it by, and its id in the catalogues (`core:subject.<id>`).
 */
export const REQUEST_SUBJECTS = {
  modelList: 'the model list',
  chatRequest: 'the chat request',
  streamedAnswer: 'the streamed answer',
  imageRequest: 'the image request',
  editRequest: 'the edit request',
  imageUpload: 'the image upload',
  uploadedImage: 'the uploaded image',
  imageDownload: 'the image download',
  tokenRequest: 'the token request',
  tokenCount: 'the token count',
  jobStatus: 'the job status',
} as const;
export type RequestSubjectId = keyof typeof REQUEST_SUBJECTS;
/** How provider clients name a request: one of the phrases above (a new one is added there, with its translations). */
export type RequestSubject = (typeof REQUEST_SUBJECTS)[RequestSubjectId];

const SUBJECT_IDS = new Map(Object.entries(REQUEST_SUBJECTS).map(([id, phrase]) => [phrase as string, id as RequestSubjectId]));
export const subjectId = (subject: RequestSubject): RequestSubjectId => SUBJECT_IDS.get(subject)!;

/** The names inside `{{…}}` of a template. */
type ParamNames<S extends string> = S extends `${string}{{${infer Name}}}${infer Rest}` ? Name | ParamNames<Rest> : never;
/** What a message takes: each parameter as text, `what` as the request's subject. */
export type CoreMessageParams<K extends CoreMessageKey> = {
  [P in ParamNames<(typeof CORE_MESSAGES)[K]>]: P extends 'what' ? RequestSubject : string | number;
};

/** The names of a template's parameters, in order (for the catalogue check and for formatting). */
export const paramNames = (template: string): string[] => [...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);

/** A sentence the core said: its key and parameters for the window, `message` in English for everyone else. */
export const SaidSchema = z.object({
  key: z.string().max(80).optional(),
  params: z.record(z.string(), z.string().max(4000)).optional(),
  /** Words the core passes on as they came (a provider's own error text): shown quoted, never translated. */
  quote: z.string().max(4000).optional(),
});
export type Said = z.infer<typeof SaidSchema>;

export interface CoreSentence {
  key: CoreMessageKey;
  params: Record<string, string>;
  message: string;
  quote?: string;
}

/** Fills in a template: `{{what}}` with the subject's id in `params`, and its English phrase in the text. */
export function say<K extends CoreMessageKey>(key: K, values: CoreMessageParams<K>, quote?: string): CoreSentence {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(values as Record<string, string | number>)) {
    params[name] = name === 'what' ? subjectId(value as RequestSubject) : String(value);
  }
  const template: string = CORE_MESSAGES[key];
  const english = template.replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
    name === 'what' ? REQUEST_SUBJECTS[params[name] as RequestSubjectId] : (params[name] ?? ''),
  );
  const trimmed = quote?.trim();
  if (!trimmed) return { key, params, message: english };
  return { key, params, quote: trimmed, message: `${english} ${CORE_MESSAGES.providerSaid.replace('{{quote}}', trimmed)}` };
}
