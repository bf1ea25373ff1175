import { HolstError } from '../../../shared/errors';
import { parseSse } from '../net/sse';
import { apiKeyEnvName } from '../secrets/secret-store';
import { bodyReadError, typedBody, type ProviderResponse } from '../net/provider-http';
import type { ProviderContext } from './types';

export function requireKey(ctx: ProviderContext): string {
  if (!ctx.apiKey) {
    throw new HolstError(
      'config',
      `${ctx.providerName} has no API key. Set it in Settings → Providers, with "holst key set ${ctx.config.id}", or in ${apiKeyEnvName(ctx.config.id)}.`,
    );
  }
  return ctx.apiKey;
}

/** A JSON body, or an `invalid_response` that says what came instead. */
export async function parseJson(response: ProviderResponse, ctx: ProviderContext, what: string): Promise<unknown> {
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
    throw new HolstError('invalid_response', `${ctx.providerName} answered ${what} with something that is not JSON (${type}).`);
  }
}

/** The JSON chunks of an OpenAI-style SSE stream, up to `data: [DONE]` (or the end of the stream). */
export async function* jsonStreamChunks<T>(body: AsyncIterable<Uint8Array>, providerName: string): AsyncGenerator<T> {
  for await (const event of parseSse(typedBody(body, { providerName, what: 'the streamed answer' }))) {
    if (event.data === '[DONE]') return;
    try {
      yield JSON.parse(event.data) as T;
    } catch {
      throw new HolstError('invalid_response', `${providerName} sent a stream event that is not JSON.`);
    }
  }
}

/** One JSON answer as a stream of one chunk, so streamed and plain answers share one loop. */
export async function* singleChunk<T>(chunk: T): AsyncGenerator<T> {
  yield chunk;
}
