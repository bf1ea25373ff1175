import type { ProviderConfig, ProviderKind } from '../../../shared/settings';
import type { ProviderHttp } from '../net/provider-http';

/** An image sent to a provider: the edit's source, a reference, or a mask. */
export interface InputImage {
  /** The library id, when it came from the library (recorded as a parent of the result). */
  libraryId?: number;
  bytes: Uint8Array;
  mime: string;
  name: string;
}

export interface GenerateParams {
  n?: number;
  size?: string;
  aspect?: string;
  quality?: 'low' | 'medium' | 'high';
  resolution?: '1K' | '2K' | '4K';
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

export type GenerateEvent =
  | { type: 'text'; delta: string }
  | { type: 'image'; ref: ImageRef }
  | { type: 'usage'; usage: Usage }
  | { type: 'progress'; message: string };

export interface ProviderContext {
  config: ProviderConfig;
  http: ProviderHttp;
  /** The key from the environment or the keychain; null when none is set. */
  apiKey: string | null;
  providerName: string;
}

/** One provider kind: adding a kind touches one folder that exports one of these. */
export interface ProviderKindModule {
  kind: ProviderKind;
  /**
   * Whether `listModels` asks the provider with the key (so a key can be checked without
   * generating). Kinds with no such endpoint answer their configured models and leave this off.
   */
  checksKey: boolean;
  /** Checks the parameters for this kind and model before anything is sent. */
  validate(request: GenerateRequest): void;
  listModels(ctx: ProviderContext, signal?: AbortSignal): Promise<string[]>;
  countTokens?(ctx: ProviderContext, model: string, texts: string[], signal?: AbortSignal): Promise<number>;
  generate(ctx: ProviderContext, request: GenerateRequest, signal?: AbortSignal): AsyncIterable<GenerateEvent>;
}
