import { say, type RequestSubject } from '../../../shared/core-messages';
import { HolstError } from '../../../shared/errors';
import { parseSse } from '../net/sse';
import { apiKeyEnvName } from '../secrets/secret-store';
import { bodyReadError, typedBody, type ProviderResponse } from '../net/provider-http';
import type { ProviderContext } from './types';

export function requireKey(ctx: ProviderContext): string {
  if (!ctx.apiKey) {
    const { id } = ctx.config;
    throw HolstError.said('config', say('providerNoKey', { name: ctx.providerName, id, envName: apiKeyEnvName(id) }));
  }
  return ctx.apiKey;
}

/** A JSON body, or an `invalid_response` that says what came instead. */
export async function parseJson(response: ProviderResponse, ctx: ProviderContext, what: RequestSubject): Promise<unknown> {
  let text: string;
  try {
    text = await response.body.text();
  } catch (error) {
    throw bodyReadError(error, { providerName: ctx.providerName, what });
  }
  try {
    return JSON.parse(text);
  } catch {
    const type = String(response.headers['content-type'] ?? 'no content type');
    throw HolstError.said('invalid_response', say('providerNotJson', { name: ctx.providerName, what, type }));
  }
}

/** The JSON chunks of an OpenAI-style SSE stream, up to `data: [DONE]` (or the end of the stream). */
export async function* jsonStreamChunks<T>(body: AsyncIterable<Uint8Array>, providerName: string): AsyncGenerator<T> {
  for await (const event of parseSse(typedBody(body, { providerName, what: 'the streamed answer' }))) {
    if (event.data === '[DONE]') return;
    try {
      yield JSON.parse(event.data) as T;
    } catch {
      throw HolstError.said('invalid_response', say('providerStreamNotJson', { name: providerName }));
    }
  }
}

/** One JSON answer as a stream of one chunk, so streamed and plain answers share one loop. */
export async function* singleChunk<T>(chunk: T): AsyncGenerator<T> {
  yield chunk;
}
