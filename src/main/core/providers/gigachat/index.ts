/**
 * GigaChat (Sber): OAuth token exchange, chat completions streamed over SSE, images made by the
 * built-in text2image function (`function_call: "auto"`) and returned as `<img src="UUID"
 * fuse="true"/>` in the text, downloaded from `GET /files/{id}/content` with the same
 * X-Client-ID; input images uploaded with `POST /files` and attached to the user message. A
 * follow-up sends the earlier turns as text messages; an image uploaded before is reused while
 * `GET /files/{id}` still finds it. In picture mode the prompt goes as a request to draw
 * (picture-mode.ts), and the prompt as sent is reported first (`sent`), so the answer can show it.
 */
import { FormData } from 'undici';
import { randomUUID } from 'node:crypto';
import { say } from '../../../../shared/core-messages';
import { HolstError, isHolstError } from '../../../../shared/errors';
import { jsonStreamChunks, parseJson, singleChunk } from '../common';
import type { GenerateEvent, InputImage, ProviderContext, ProviderKindModule, Usage } from '../types';
import { gigachatToken, withGigachatToken } from './auth';
import { ImgTagScanner } from './img-tags';
import { gigachatPrompt } from './picture-mode';

interface Chunk {
  choices?: Array<{ delta?: { content?: string }; message?: { content?: string }; finish_reason?: string }>;
  usage?: { prompt_tokens?: number; completion_tokens?: number; total_tokens?: number };
}

export const gigachat: ProviderKindModule = {
  kind: 'gigachat',
  checksKey: true,

  async listModels(ctx, signal) {
    const json = (await withGigachatToken(ctx, signal, async (token) =>
      parseJson(
        await ctx.http.request(`${ctx.config.baseUrl}/models`, {
          what: 'the model list',
          headers: bearer(token),
          ...(signal ? { signal } : {}),
        }),
        ctx,
        'the model list',
      ),
    )) as { data?: Array<{ id?: unknown }> };
    return (json.data ?? []).flatMap((m) => (typeof m.id === 'string' ? [m.id] : []));
  },

  async countTokens(ctx, model, texts, signal) {
    const json = await withGigachatToken(ctx, signal, async (token) =>
      parseJson(
        await ctx.http.request(`${ctx.config.baseUrl}/tokens/count`, {
          method: 'POST',
          what: 'the token count',
          headers: { ...bearer(token), 'Content-Type': 'application/json' },
          body: JSON.stringify({ model, input: texts }),
          ...(signal ? { signal } : {}),
        }),
        ctx,
        'the token count',
      ),
    );
    if (!Array.isArray(json)) throw HolstError.said('invalid_response', say('gigachatTokenCountNotList', { name: ctx.providerName }));
    return json.reduce((sum: number, item: { tokens?: unknown }) => sum + (typeof item.tokens === 'number' ? item.tokens : 0), 0);
  },

  async *generate(ctx, request, signal): AsyncGenerator<GenerateEvent> {
    const clientId = `holst-${randomUUID()}`;
    const attachments = await Promise.all(request.images.map((image) => uploadOnce(ctx, image, clientId, signal)));
    const sent = gigachatPrompt(request);
    const body = JSON.stringify({
      model: request.model,
      messages: [
        ...(sent.system ? [{ role: 'system', content: sent.system }] : []),
        ...(request.history ?? []).map((turn) => ({ role: turn.role, content: turn.text })),
        { role: 'user', content: sent.prompt, ...(attachments.length > 0 ? { attachments } : {}) },
      ],
      function_call: 'auto',
      stream: request.stream,
      ...(request.params.n ? { n: request.params.n } : {}),
    });
    yield { type: 'sent', sent };
    const response = await withGigachatToken(ctx, signal, (token) =>
      ctx.http.request(`${ctx.config.baseUrl}/chat/completions`, {
        method: 'POST',
        what: 'the chat request',
        headers: {
          ...bearer(token),
          'Content-Type': 'application/json',
          Accept: request.stream ? 'text/event-stream' : 'application/json',
          'X-Client-ID': clientId,
        },
        body,
        ...(signal ? { signal } : {}),
      }),
    );
    const token = await gigachatToken(ctx, signal);
    const imageRef = (id: string): GenerateEvent => ({
      type: 'image',
      ref: {
        kind: 'url',
        url: `${ctx.config.baseUrl}/files/${encodeURIComponent(id)}/content`,
        headers: { ...bearer(token), Accept: 'application/jpg', 'X-Client-ID': clientId },
      },
    });

    const scanner = new ImgTagScanner();
    let usage: Usage | null = null;
    const type = String(response.headers['content-type'] ?? '');
    const chunks: AsyncIterable<Chunk> = type.includes('text/event-stream')
      ? jsonStreamChunks<Chunk>(response.body, ctx.providerName)
      : singleChunk((await parseJson(response, ctx, 'the chat request')) as Chunk);
    for await (const chunk of chunks) {
      if (chunk.usage) usage = toUsage(chunk.usage);
      const content = chunk.choices?.map((c) => c.delta?.content ?? c.message?.content ?? '').join('') ?? '';
      if (!content) continue;
      const { text, ids } = scanner.push(content);
      if (text) yield { type: 'text', delta: text };
      for (const id of ids) yield imageRef(id);
    }
    const rest = scanner.flush();
    if (rest) yield { type: 'text', delta: rest };
    if (usage) yield { type: 'usage', usage };
  },
};

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The file id of an input image: the one it got before while GigaChat still has that file, else a fresh upload. */
async function uploadOnce(ctx: ProviderContext, image: InputImage, clientId: string, signal?: AbortSignal): Promise<string> {
  const { uploads } = ctx;
  const imageId = image.libraryId;
  if (!uploads || imageId === undefined) return upload(ctx, image, clientId, signal);
  const known = uploads.get(imageId);
  if (known && (await stillThere(ctx, known, clientId, signal))) return known;
  if (known) uploads.forget(imageId);
  const id = await upload(ctx, image, clientId, signal);
  uploads.remember(imageId, id);
  return id;
}

/** Whether GigaChat still keeps an uploaded file (`GET /files/{id}`; 404 once it is gone). */
async function stillThere(ctx: ProviderContext, fileId: string, clientId: string, signal?: AbortSignal): Promise<boolean> {
  try {
    await withGigachatToken(ctx, signal, async (token) =>
      parseJson(
        await ctx.http.request(`${ctx.config.baseUrl}/files/${encodeURIComponent(fileId)}`, {
          what: 'the uploaded image',
          headers: { ...bearer(token), 'X-Client-ID': clientId },
          ...(signal ? { signal } : {}),
        }),
        ctx,
        'the uploaded image',
      ),
    );
    return true;
  } catch (error) {
    if (isHolstError(error) && error.code === 'not_found') return false;
    throw error;
  }
}

async function upload(ctx: ProviderContext, image: InputImage, clientId: string, signal?: AbortSignal): Promise<string> {
  const json = (await withGigachatToken(ctx, signal, async (token) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(image.bytes)], { type: image.mime }), image.name);
    form.append('purpose', 'general');
    return parseJson(
      await ctx.http.request(`${ctx.config.baseUrl}/files`, {
        method: 'POST',
        what: 'the image upload',
        headers: { ...bearer(token), 'X-Client-ID': clientId },
        body: form,
        ...(signal ? { signal } : {}),
      }),
      ctx,
      'the image upload',
    );
  })) as { id?: unknown };
  if (typeof json.id !== 'string') throw HolstError.said('invalid_response', say('gigachatNoUploadId', { name: ctx.providerName }));
  return json.id;
}

function toUsage(usage: NonNullable<Chunk['usage']>): Usage {
  return {
    ...(usage.prompt_tokens !== undefined ? { promptTokens: usage.prompt_tokens } : {}),
    ...(usage.completion_tokens !== undefined ? { completionTokens: usage.completion_tokens } : {}),
    ...(usage.total_tokens !== undefined ? { totalTokens: usage.total_tokens } : {}),
  };
}
