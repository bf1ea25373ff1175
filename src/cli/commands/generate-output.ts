import { toErrorPayload, type ErrorCode } from '../../shared/errors';
import type { Message, Usage } from '../../shared/library';
import type { AppCore } from '../../main/core/app-core';
import { picturesOf, type PromptAnswers } from './prompt-answers';

/** How a saved image is printed: where its original is, and what it is. */
export function imageSummary(core: AppCore, image: { id: number; sha256: string; mime: string; width: number; height: number }) {
  return {
    id: image.id,
    path: core.library.originalPath(image),
    sha256: image.sha256,
    mime: image.mime,
    width: image.width,
    height: image.height,
  };
}

export function imageLines(images: ReturnType<typeof imageSummary>[], text: string): string {
  const lines = images.map((i) => `${i.path}  (${i.width}×${i.height}, id ${i.id})`);
  if (text) lines.unshift(text);
  return lines.join('\n');
}

/** An error as results print it: its code and its sentence. */
export function errorFields(error: unknown): { code: ErrorCode; message: string } {
  const { code, message } = toErrorPayload(error);
  return { code, message };
}

/**
 * One provider's result as `--json` prints it: the pictures, the text, provider, model and usage,
 * the conversation it is recorded in, the (newest) answer and the time taken. Where more than one
 * request was needed for `--n`, every answer is listed in `messageIds`; where it stopped short,
 * `error` says why.
 */
export function answersResult(core: AppCore, made: PromptAnswers) {
  const images = picturesOf(made.answers).map((id) => imageSummary(core, core.library.require(id)));
  // A model's words said again with each further picture are said once.
  const texts = [...new Set(made.answers.map((answer) => answer.text))].filter((text) => text.trim() !== '');
  const times = made.answers.flatMap((answer) => (answer.elapsedMs !== null ? [answer.elapsedMs] : []));
  return {
    images,
    text: texts.join('\n\n'),
    provider: made.provider,
    model: made.model,
    usage: usageOf(made.answers),
    conversationId: made.conversationId,
    messageId: made.answers.at(-1)!.id,
    elapsedMs: times.length > 0 ? times.reduce((sum, ms) => sum + ms, 0) : null,
    ...(made.answers.length > 1 ? { messageIds: made.answers.map((answer) => answer.id) } : {}),
    ...(made.error !== undefined ? { error: errorFields(made.error) } : {}),
  };
}
export type AnswersResult = ReturnType<typeof answersResult>;

/** A provider that made nothing, as a fan-out lists it. */
export interface FailedResult {
  provider: string;
  error: { code: ErrorCode; message: string };
}

/** A result as text: the answer's words, where each picture is, and how to go on in its conversation. */
export function resultLines(result: AnswersResult, wanted: number | undefined): string {
  const lines = [imageLines(result.images, result.text)];
  if (result.error) lines.push(`Made ${result.images.length} of ${wanted ?? result.images.length} pictures, then: ${result.error.message}`);
  lines.push(`Conversation ${result.conversationId} (go on with: holst generate --continue ${result.conversationId} --prompt …)`);
  return lines.join('\n');
}

/** A fan-out as text: each provider's result under its name, in the order given. */
export function fanOutLines(results: Array<AnswersResult | FailedResult>, wanted: number | undefined): string {
  return results
    .map((result) => {
      const body = 'images' in result ? resultLines(result, wanted) : `failed: ${result.error.message}`;
      const title = 'model' in result ? `${result.provider} · ${result.model}` : result.provider;
      return `${title}\n${body.replace(/^/gm, '  ')}`;
    })
    .join('\n\n');
}

/** The answers' usage added up, as far as their providers reported it (null if none did). */
function usageOf(answers: readonly Message[]): Usage | null {
  const reported = answers.flatMap((answer) => (answer.usage ? [answer.usage] : []));
  if (reported.length === 0) return null;
  if (reported.length === 1) return reported[0]!;
  const total: Usage = {};
  for (const key of ['promptTokens', 'completionTokens', 'totalTokens'] as const) {
    const counts = reported.flatMap((usage) => (usage[key] !== undefined ? [usage[key]] : []));
    if (counts.length > 0) total[key] = counts.reduce((sum, count) => sum + count, 0);
  }
  return total;
}
