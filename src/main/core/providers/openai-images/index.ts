/**
 * The OpenAI Images API, which many services also speak: `POST /images/generations` (JSON) and
 * `POST /images/edits` (multipart: image or image[], optional PNG mask whose transparent pixels
 * mark the area to change). Answers `{data:[{url | b64_json, revised_prompt?}], usage?}`. GPT image
 * models also take the answer's format and compression, a transparent background, moderation (new
 * pictures) and input fidelity (edits); model-catalogue.ts says which model takes what. With
 * `partialImages` (0–3) the request is streamed (`stream: true`, `partial_images`): SSE events
 * `image_generation.partial_image` / `image_edit.partial_image` carry pictures on the way
 * (`b64_json`, `partial_image_index`), then `image_generation.completed` / `image_edit.completed`
 * the final one (with `usage`). A service that answers JSON to a streamed request is read as JSON.
 */
import { FormData } from 'undici';
import { say } from '../../../../shared/core-messages';
import { HolstError } from '../../../../shared/errors';
import type { GenerateEvent, GenerateParams, ProviderContext, ProviderKindModule } from '../types';
import { jsonStreamChunks, requireKey, parseJson } from '../common';

export const openaiImages: ProviderKindModule = {
  kind: 'openai-images',
  checksKey: true,
  // Stateless: a follow-up sends its source image and the prompt alone.

  async listModels(ctx, signal) {
    const response = await ctx.http.request(`${ctx.config.baseUrl}/models`, {
      what: 'the model list',
      headers: auth(ctx),
      ...(signal ? { signal } : {}),
    });
    const json = (await parseJson(response, ctx, 'the model list')) as { data?: Array<{ id?: unknown }> };
    return (json.data ?? []).flatMap((m) => (typeof m.id === 'string' ? [m.id] : []));
  },

  async *generate(ctx, request, signal): AsyncGenerator<GenerateEvent> {
    const base = ctx.config.baseUrl;
    const gptImage = request.model.startsWith('gpt-image');
    // Pictures on the way are asked for by streaming; the core has checked the model takes it.
    const streamed = request.params.partialImages !== undefined;
    const common = {
      model: request.model,
      prompt: request.system ? `${request.system}\n\n${request.prompt}` : request.prompt,
      ...apiParams(request.params),
      ...(streamed ? { stream: true } : {}),
    };
    let response;
    if (request.images.length === 0) {
      // GPT image models always answer base64; older ones are asked for it too, so nothing expires.
      const body = JSON.stringify({ ...common, ...(gptImage ? {} : { response_format: 'b64_json' }) });
      response = await ctx.http.request(`${base}/images/generations`, {
        method: 'POST',
        what: 'the image request',
        headers: { ...auth(ctx), 'Content-Type': 'application/json' },
        body,
        ...(signal ? { signal } : {}),
      });
    } else {
      const form = new FormData();
      for (const [key, value] of Object.entries(common)) form.append(key, String(value));
      if (!gptImage) form.append('response_format', 'b64_json');
      const field = request.images.length > 1 ? 'image[]' : 'image';
      for (const image of request.images) form.append(field, new Blob([new Uint8Array(image.bytes)], { type: image.mime }), image.name);
      if (request.mask) form.append('mask', new Blob([new Uint8Array(request.mask.bytes)], { type: 'image/png' }), 'mask.png');
      response = await ctx.http.request(`${base}/images/edits`, {
        method: 'POST',
        what: 'the edit request',
        headers: auth(ctx),
        body: form,
        ...(signal ? { signal } : {}),
      });
    }
    if (streamed && String(response.headers['content-type'] ?? '').includes('text/event-stream')) {
      yield* streamedAnswer(ctx, response.body);
      return;
    }
    const json = (await parseJson(response, ctx, 'the image request')) as {
      data?: Array<{ url?: string; b64_json?: string; revised_prompt?: string }>;
      usage?: { input_tokens?: number; output_tokens?: number; total_tokens?: number };
    };
    if (!Array.isArray(json.data)) throw HolstError.said('invalid_response', say('imagesNoDataList', { name: ctx.providerName }));
    for (const item of json.data) {
      const revised = item.revised_prompt ? { revisedPrompt: item.revised_prompt } : {};
      if (item.b64_json) yield { type: 'image', ref: { kind: 'bytes', bytes: Buffer.from(item.b64_json, 'base64'), ...revised } };
      else if (item.url) yield { type: 'image', ref: { kind: 'url', url: item.url, ...revised } };
    }
    if (json.usage) yield usageEvent(json.usage);
  },
};

interface ApiUsage {
  input_tokens?: number;
  output_tokens?: number;
  total_tokens?: number;
}

function usageEvent(usage: ApiUsage): GenerateEvent {
  return {
    type: 'usage',
    usage: {
      ...(usage.input_tokens !== undefined ? { promptTokens: usage.input_tokens } : {}),
      ...(usage.output_tokens !== undefined ? { completionTokens: usage.output_tokens } : {}),
      ...(usage.total_tokens !== undefined ? { totalTokens: usage.total_tokens } : {}),
    },
  };
}

/** One event of a streamed answer (the images streaming-events reference). */
interface StreamEvent {
  type?: string;
  b64_json?: string;
  partial_image_index?: number;
  output_format?: string;
  usage?: ApiUsage;
  error?: { message?: string } | string;
}

/** A streamed answer: each picture on the way as a `partial-image`, each final one as an `image`, then its usage. */
async function* streamedAnswer(ctx: ProviderContext, body: AsyncIterable<Uint8Array>): AsyncGenerator<GenerateEvent> {
  for await (const event of jsonStreamChunks<StreamEvent>(body, ctx.providerName)) {
    const type = event.type ?? '';
    if (type === 'error' || event.error !== undefined) {
      const reason = typeof event.error === 'string' ? event.error : (event.error?.message ?? '');
      throw HolstError.said('provider_error', say('imagesStreamFailed', { name: ctx.providerName }, reason));
    }
    if (typeof event.b64_json !== 'string' || event.b64_json === '') continue;
    const bytes = Buffer.from(event.b64_json, 'base64');
    if (type.endsWith('.partial_image')) {
      const raw = event.partial_image_index;
      const index = typeof raw === 'number' && Number.isFinite(raw) ? Math.min(9, Math.max(0, Math.trunc(raw))) : 0;
      const format = event.output_format === 'jpeg' || event.output_format === 'webp' ? event.output_format : 'png';
      yield { type: 'partial-image', index, bytes, mime: `image/${format}` };
    } else if (type.endsWith('.completed')) {
      yield { type: 'image', ref: { kind: 'bytes', bytes } };
      if (event.usage) yield usageEvent(event.usage);
    }
  }
}

/** The parameters as the API names them; the core has checked each against the model (check-request.ts). */
function apiParams(params: GenerateParams): Record<string, string | number> {
  const named: Record<string, string | number | undefined> = {
    n: params.n,
    size: params.size,
    quality: params.quality,
    output_format: params.outputFormat,
    output_compression: params.compression,
    background: params.background,
    moderation: params.moderation,
    input_fidelity: params.inputFidelity,
    seed: params.seed,
    partial_images: params.partialImages,
  };
  return Object.fromEntries(Object.entries(named).filter((entry): entry is [string, string | number] => entry[1] !== undefined));
}

const auth = (ctx: ProviderContext) => ({ Authorization: `Bearer ${requireKey(ctx)}` });
