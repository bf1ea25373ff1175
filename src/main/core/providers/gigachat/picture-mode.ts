/**
 * GigaChat's picture mode: GigaChat draws (its built-in text2image, with `function_call: "auto"`)
 * only when the request asks it to. Its documentation steers drawing with a system message
 * ("Ты — Василий Кандинский") and a user message that asks to draw ("Нарисуй розового кота"), so
 * picture mode sends the prompt that way, in the prompt's own language. Only the new user turn is
 * reworded: earlier turns of a follow-up go as they were written.
 */
import type { GenerateRequest, SentPrompt } from '../types';

/** The language a prompt is written in, by its letters: Cyrillic or Latin (ties and no letters: English). */
export type PromptLanguage = 'ru' | 'en';

export function promptLanguage(text: string): PromptLanguage {
  const cyrillic = text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return cyrillic > latin ? 'ru' : 'en';
}

/** The system message that steers drawing, when the request brings none of its own. */
export const DRAWING_SYSTEM: Readonly<Record<PromptLanguage, string>> = {
  ru: 'Ты — художник-иллюстратор. На каждую просьбу нарисовать отвечай картинкой.',
  en: 'You are an illustrator. Answer every request to draw with a picture.',
};

/** A prompt that already opens by asking to draw ("Нарисуй кота", "Draw a cat") is sent as written. */
const ASKS_TO_DRAW = /^\s*(нарисуй(те)?|изобрази(те)?|сгенерируй(те)?|draw|paint|sketch|illustrate)(?!\p{L})/iu;

const INSTRUCTION: Readonly<Record<PromptLanguage, (prompt: string) => string>> = {
  ru: (prompt) => `Нарисуй: ${prompt}`,
  en: (prompt) => `Draw: ${prompt}`,
};

/**
 * The system message and prompt GigaChat is sent for `request`: in picture mode, a drawing
 * instruction in the prompt's language and a system message that steers drawing (the user's own
 * system text, when given, steers instead); otherwise the prompt and system text as they are.
 */
export function gigachatPrompt(request: Pick<GenerateRequest, 'prompt' | 'system' | 'params'>): SentPrompt {
  if (request.params.pictureMode !== true) return { prompt: request.prompt, ...(request.system ? { system: request.system } : {}) };
  const language = promptLanguage(request.prompt);
  const prompt = ASKS_TO_DRAW.test(request.prompt) ? request.prompt.trim() : INSTRUCTION[language](request.prompt.trim());
  return { system: request.system || DRAWING_SYSTEM[language], prompt };
}
