/**
 * OpenAI-compatible chat completions of image models (aggregators: gpt-4o-image, nano-banana,
 * flux-kontext-pro …). Input images go as `image_url` parts (data URIs). Images come back in
 * any of the shapes such services use: content arrays of `image_url` parts, markdown image
 * links (https or data URIs) in the text, OpenRouter's `message.images` / `delta.images`, or the
 * Images API shape `{data:[…]}` on the chat route. Streamed or not, chosen by the content type.
 * A follow-up sends the earlier turns as messages, their images as `image_url` parts too.
 */
import { jsonStreamChunks, parseJson, requireKey, singleChunk } from '../common';
import { ProgressPreamble } from '../../../../shared/progress-lines';
import { MarkdownImageScanner, refFromUrl, toDataUri } from '../image-refs';
import type { GenerateEvent, InputImage, ProviderKindModule, Usage } from '../types';

type Part = { type?: string; text?: string; image_url?: { url?: string } | string };
interface ChatMessage {
  content?: string | Part[] | null;
  images?: Part[];
}
interface ChatChunk {
  choices?: Array<{ delta?: ChatMessage; message?: ChatMessage }>;
  data?: Array<{ url?: string; b64_json?: string; revised_prompt?: string }>;
  usage?: { prompt_tokens?: number; completion_tokens?: number; total_tokens?: number };
}

/** A message's content: the text alone, or its text part (when there is text) followed by its images as data URIs. */
function messageContent(text: string, images: InputImage[]): string | Part[] {
  if (images.length === 0) return text;
  return [
    ...(text !== '' ? [{ type: 'text', text }] : []),
    ...images.map((image) => ({ type: 'image_url', image_url: { url: toDataUri(image.bytes, image.mime) } })),
  ];
}

const partUrl = (part: Part) => (typeof part.image_url === 'string' ? part.image_url : part.image_url?.url);

export const openaiChat: ProviderKindModule = {
  kind: 'openai-chat',
  checksKey: true,

  async listModels(ctx, signal) {
    const response = await ctx.http.request(`${ctx.config.baseUrl}/models`, {
      what: 'the model list',
      headers: { Authorization: `Bearer ${requireKey(ctx)}` },
      ...(signal ? { signal } : {}),
    });
    const json = (await parseJson(response, ctx, 'the model list')) as { data?: Array<{ id?: unknown }> };
    return (json.data ?? []).flatMap((m) => (typeof m.id === 'string' ? [m.id] : []));
  },

  async *generate(ctx, request, signal): AsyncGenerator<GenerateEvent> {
    const response = await ctx.http.request(`${ctx.config.baseUrl}/chat/completions`, {
      method: 'POST',
      what: 'the chat request',
      headers: {
        Authorization: `Bearer ${requireKey(ctx)}`,
        'Content-Type': 'application/json',
        Accept: request.stream ? 'text/event-stream' : 'application/json',
      },
      body: JSON.stringify({
        model: request.model,
        messages: [
          ...(request.system ? [{ role: 'system', content: request.system }] : []),
          ...(request.history ?? []).map((turn) => ({ role: turn.role, content: messageContent(turn.text, turn.images) })),
          { role: 'user', content: messageContent(request.prompt, request.images) },
        ],
        stream: request.stream,
        // Without this, OpenAI-style streams carry no token usage (the answer's cost stays unknown).
        ...(request.stream ? { stream_options: { include_usage: true } } : {}),
        modalities: ['image', 'text'],
        ...(request.params.n ? { n: request.params.n } : {}),
        ...(request.params.size ? { size: request.params.size } : {}),
        // Only for a model whose catalogue entry (in settings) says it takes one: no documented model does.
        ...(request.params.seed !== undefined ? { seed: request.params.seed } : {}),
      }),
      ...(signal ? { signal } : {}),
    });
    // Some services ignore `stream: true` for image models and answer JSON: go by the content type.
    const streamed = String(response.headers['content-type'] ?? '').includes('text/event-stream');
    const chunks: AsyncIterable<ChatChunk> = streamed
      ? jsonStreamChunks<ChatChunk>(response.body, ctx.providerName)
      : singleChunk((await parseJson(response, ctx, 'the chat request')) as ChatChunk);
    const scanner = new MarkdownImageScanner();
    // Status lines before the picture ("> Прогресс: 27%") are progress, not the answer's text.
    const preamble = new ProgressPreamble();
    const said = function* ({ text, progress }: { text: string; progress: string[] }): Generator<GenerateEvent> {
      for (const message of progress) yield { type: 'progress', message: `${ctx.providerName}: ${message}` };
      if (text) yield { type: 'text', delta: text };
    };
    const seen = new Set<string>();
    let usage: Usage | null = null;
    const image = (url: string, revisedPrompt?: string): GenerateEvent[] => {
      if (seen.has(url)) return [];
      seen.add(url);
      const ref = refFromUrl(url);
      return [{ type: 'image', ref: revisedPrompt ? { ...ref, revisedPrompt } : ref }];
    };

    for await (const chunk of chunks) {
      if (chunk.usage)
        usage = {
          promptTokens: chunk.usage.prompt_tokens,
          completionTokens: chunk.usage.completion_tokens,
          totalTokens: chunk.usage.total_tokens,
        } as Usage;
      for (const item of chunk.data ?? []) {
        if (item.b64_json)
          yield {
            type: 'image',
            ref: {
              kind: 'bytes',
              bytes: Buffer.from(item.b64_json, 'base64'),
              ...(item.revised_prompt ? { revisedPrompt: item.revised_prompt } : {}),
            },
          };
        else if (item.url) yield* image(item.url, item.revised_prompt);
      }
      for (const choice of chunk.choices ?? []) {
        const message = choice.delta ?? choice.message ?? {};
        const parts: Part[] = typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : (message.content ?? []);
        for (const part of [...parts, ...(message.images ?? [])]) {
          const url = partUrl(part);
          if (url) {
            yield* image(url);
          } else if (typeof part.text === 'string' && part.text !== '') {
            const { text, urls } = scanner.push(part.text);
            if (text) yield* said(preamble.push(text));
            for (const found of urls) yield* image(found);
          }
        }
      }
    }
    const rest = scanner.flush();
    if (rest) yield* said(preamble.push(rest));
    yield* said(preamble.flush());
    if (usage) yield { type: 'usage', usage };
  },
};
