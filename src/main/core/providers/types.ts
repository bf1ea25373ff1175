import type { GenerateParamsInput, ProgressLine } from '../../../shared/generation';
import type { ProviderConfig, ProviderKind } from '../../../shared/settings';
import type { ProviderHttp } from '../net/provider-http';

/** An image sent to a provider: the edit's source, a reference, or a mask. */
export interface InputImage {
  /** The library id, when it came from the library (recorded as a parent of the result). */
  libraryId?: number;
  /** A mask's id (`masks`), when it is a kept mask. */
  maskId?: number;
  bytes: Uint8Array;
  mime: string;
  name: string;
}

/** The parameters a request carries, as the IPC schema takes them (each kind checks which it takes). */
export type GenerateParams = GenerateParamsInput;

/** One earlier message of the conversation, as a follow-up sends it (what each kind takes: `ProviderKindModule.history`). */
export interface HistoryTurn {
  role: 'user' | 'assistant';
  text: string;
  images: InputImage[];
}

export interface GenerateRequest {
  model: string;
  prompt: string;
  system?: string;
  /** The first image is the edit's source; the rest are references. */
  images: InputImage[];
  mask?: InputImage;
  params: GenerateParams;
  stream: boolean;
  /** Earlier turns of the conversation, oldest first (a follow-up); absent or empty for a single turn. */
  history?: HistoryTurn[];
  /** A job the provider already took (before a restart): followed again, never created again. */
  resume?: RemoteJob;
}

/**
 * A job a provider runs on its side (Givon's), as it was created: its id and where it is polled.
 * Saved with the queue's job the moment it exists, so a restart polls it instead of paying twice.
 */
export interface RemoteJob {
  id: string;
  /** The base URL the job was created at (polled there, even if the settings change). */
  baseUrl: string;
}

/** Where a returned image can be fetched: a URL (with any headers it needs) or bytes already here. */
export type ImageRef =
  | { kind: 'url'; url: string; headers?: Record<string, string>; revisedPrompt?: string }
  | { kind: 'bytes'; bytes: Uint8Array; revisedPrompt?: string };

export interface Usage {
  promptTokens?: number;
  completionTokens?: number;
  totalTokens?: number;
}

/** The prompt as the provider was sent it, where the kind reshapes it (GigaChat's picture mode). */
export interface SentPrompt {
  system?: string;
  prompt: string;
}

export type GenerateEvent =
  | { type: 'sent'; sent: SentPrompt }
  | { type: 'text'; delta: string }
  | { type: 'image'; ref: ImageRef }
  | { type: 'usage'; usage: Usage }
  | ({ type: 'progress' } & ProgressLine)
  /** The provider took the request as a job of its own (see RemoteJob). */
  | { type: 'remote-job'; job: RemoteJob }
  /** A picture on its way (a streamed partial image, `index` from 0): shown, never kept; the final `image` replaces it. */
  | { type: 'partial-image'; index: number; bytes: Uint8Array; mime: string };

/** Files a provider keeps for us (GigaChat uploads), remembered per library image so a follow-up can reuse them. */
export interface UploadCache {
  get(imageId: number): string | null;
  remember(imageId: number, fileId: string): void;
  forget(imageId: number): void;
}

export interface ProviderContext {
  config: ProviderConfig;
  http: ProviderHttp;
  /** The key from the environment or the keychain; null when none is set. */
  apiKey: string | null;
  providerName: string;
  /** Uploads remembered for this provider (absent where nothing is stored, e.g. Test connection). */
  uploads?: UploadCache;
}

/**
 * What a follow-up sends of the conversation's earlier turns: nothing (a stateless kind gets the
 * source image and the prompt alone), their text, or their text and images (within a budget).
 */
export type { HistorySupport } from '../../../shared/provider-kinds';

/** One provider kind: adding a kind touches one folder that exports one of these. */
export interface ProviderKindModule {
  kind: ProviderKind;
  /**
   * Whether `listModels` asks the provider with the key (so a key can be checked without
   * generating). Kinds with no such endpoint answer their configured models and leave this off.
   */
  checksKey: boolean;
  listModels(ctx: ProviderContext, signal?: AbortSignal): Promise<string[]>;
  countTokens?(ctx: ProviderContext, model: string, texts: string[], signal?: AbortSignal): Promise<number>;
  generate(ctx: ProviderContext, request: GenerateRequest, signal?: AbortSignal): AsyncIterable<GenerateEvent>;
}
