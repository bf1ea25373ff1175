// A long answer streamed one token per SSE event at 2,000 tokens a second (as OpenAI-compatible
// services do) reaches the window as at most one text event per frame, in order and complete.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../../../../src/main/core/app-core';
import { TEXT_FRAME_MS } from '../../../../../src/main/core/generation/coalesced-text';
import type { GenerationEvent } from '../../../../../src/shared/generation';
import { ChatDriver } from '../../../../support/chat-driver';
import { longAnswer, tokenize } from '../../../../servers/long-answer';
import type { OpenAIChatServer } from '../../../../servers/openai-chat-server';
import { setUpProvider, type ProviderSetup } from '../../../../support/providers';
import { removeTempDirs } from '../../../../support/temp-dir';

let p: ProviderSetup;
let server: OpenAIChatServer;
let core: AppCore;

beforeEach(async () => {
  p = await setUpProvider('openai-chat');
  server = p.server as OpenAIChatServer;
  core = p.core;
});
afterEach(() => p.close());
afterAll(removeTempDirs);

describe('a long streamed answer', () => {
  it('reaches the window as one text event per frame at most, losing nothing, then the picture', async () => {
    const text = longAnswer(3000);
    const tokens = tokenize(text);
    expect(tokens.join('')).toBe(text);
    server.answers.push({ text, tokensPerSecond: 2000, progress: [], images: 1 });
    const driver = new ChatDriver(core);
    const arrived: number[] = [];
    core.events.subscribe((name, payload) => {
      if (name === 'generation.event' && (payload as GenerationEvent).type === 'text') arrived.push(performance.now());
    });

    const sent = performance.now();
    const end = await driver.answer({ providerId: p.providerId, prompt: 'a long answer', imageIds: [] });
    // The reference server keeps its pace: the last token cannot arrive before tokens / rate.
    expect(arrived.at(-1)! - sent).toBeGreaterThanOrEqual((tokens.length / 2000) * 1000 - 50);

    const mine = driver.events.filter((e) => e.generationId === end.generationId);
    const deltas = mine.flatMap((e) => (e.type === 'text' ? [e.delta] : []));
    // The blank line before the picture's link stays in the stream; the saved answer ends with the text.
    expect(deltas.join('').trimEnd()).toBe(text);
    expect(end.message.text).toBe(text);
    // About 1.5 s of tokens (3,000 at 2,000 a second), one SSE event each: a few dozen text events, not thousands.
    expect(tokens.length).toBeGreaterThan(3000);
    expect(deltas.length).toBeLessThan(tokens.length / 10);
    for (let i = 1; i < arrived.length; i++) expect(arrived[i]! - arrived[i - 1]!).toBeGreaterThanOrEqual(TEXT_FRAME_MS - 1);
    // The picture comes after all of the text, and the answer ends with it.
    const kinds = mine.map((e) => e.type);
    expect(kinds.lastIndexOf('text')).toBeLessThan(kinds.indexOf('image'));
    expect(kinds.at(-1)).toBe('finished');
    expect(end.message.imageIds).toHaveLength(1);
  });
});
