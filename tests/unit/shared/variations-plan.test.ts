// Variations and fan-out as plain rules, shared by the core and the window: how many requests a
// count takes, what the composer sends for "Images" (×N), and which answer and picture a turn goes
// on from once one was chosen ("Continue with this").
import { describe, expect, it } from 'vitest';
import { answerAsk, picturesPerRequest, requestPlan, withN } from '../../../src/main/core/generation/batch';
import { conversationTurns } from '../../../src/main/core/generation/history';
import { EMPTY_PARAMS, draftCount, paramsFromRequest, withVariations } from '../../../src/renderer/store/composer/drafts';
import { sendParams } from '../../../src/renderer/store/thread/send-params';
import type { Message } from '../../../src/shared/library';
import { describeModel } from '../../../src/shared/model-catalogue';
import { turnMarks } from '../../../src/shared/turn-marks';
import { lastPicture } from '../../../src/shared/turns';

const message = (over: Partial<Message>): Message =>
  ({
    id: 1,
    conversationId: 7,
    role: 'user',
    text: 'a cat',
    provider: null,
    model: null,
    error: null,
    request: null,
    imageIds: [],
    status: 'complete',
    replyTo: null,
    usage: null,
    elapsedMs: null,
    createdAt: 0,
    updatedAt: 0,
    ...over,
  }) as Message;

describe('a count as requests', () => {
  it('puts as many in one request as the model may carry, and one a request where it takes no n', () => {
    expect(requestPlan(4, 10)).toEqual([4]);
    expect(requestPlan(10, 4)).toEqual([4, 4, 2]);
    expect(requestPlan(3, 1)).toEqual([1, 1, 1]);
    expect(requestPlan(2, 0)).toEqual([undefined, undefined]);
    expect(picturesPerRequest('openai-images', 'gpt-image-1')).toBe(10);
    expect(picturesPerRequest('openai-images', 'dall-e-3')).toBe(1);
    expect(picturesPerRequest('gigachat', 'GigaChat-2-Max')).toBe(4);
    expect(picturesPerRequest('givon', 'gpt-image-2')).toBe(0);
    expect(withN({ n: 3, size: '1024x1024' }, undefined)).toEqual({ size: '1024x1024' });
    expect(withN({ size: '1024x1024' }, 2)).toEqual({ size: '1024x1024', n: 2 });
  });

  it('reads what an answer was asked with, and what a turn is, leaving damaged parts out', () => {
    expect(answerAsk({ ask: { params: { n: 2 } }, sent: {} })).toEqual({ params: { n: 2 } });
    expect(answerAsk({ sent: {} })).toBeNull();
    expect(answerAsk({ ask: { params: { n: 99 } } })).toBeNull();
    expect(turnMarks({ count: 4, fanOut: 'nonsense', chosen: 12, kept: [3, 5] })).toEqual({ count: 4, chosen: 12, kept: [3, 5] });
    expect(turnMarks(null)).toEqual({});
  });
});

describe('the composer\'s "Images" (×N)', () => {
  it('is offered for every model, up to 10, and goes as the count instead of n', () => {
    const givon = withVariations(describeModel('givon', 'gpt-image-2'));
    expect(givon.params[0]).toMatchObject({ name: 'n', type: 'count', min: 1, max: 10 });
    const dalle = withVariations(describeModel('openai-images', 'dall-e-3'));
    expect(dalle.params.filter((spec) => spec.name === 'n')).toHaveLength(1);
    expect(draftCount({ ...EMPTY_PARAMS, n: '4' })).toBe(4);
    expect(draftCount({ ...EMPTY_PARAMS, n: '1' })).toBeUndefined();
    expect(draftCount({ ...EMPTY_PARAMS, n: '11' })).toBeUndefined();
    expect(sendParams(describeModel('openai-images', 'gpt-image-1'), { ...EMPTY_PARAMS, n: '4', quality: 'high' })).toEqual({
      params: { quality: 'high' },
      count: 4,
    });
    expect(sendParams(describeModel('openai-images', 'gpt-image-1'), { ...EMPTY_PARAMS, n: '1' })).toEqual({ params: { n: 1 } });
    // A conversation goes on with the count its newest prompt asked for, whatever its first request carried.
    expect(paramsFromRequest({ params: { n: 1 }, count: 3 }).n).toBe('3');
  });
});

describe('"Continue with this"', () => {
  const prompt = (over: Partial<Message> = {}) => message({ id: 1, provider: 'one', request: { params: {}, fanOut: [] }, ...over });
  const answers = [
    message({ id: 2, role: 'assistant', replyTo: 1, provider: 'one', text: 'first', imageIds: [10] }),
    message({ id: 3, role: 'assistant', replyTo: 1, provider: 'two', text: 'second', imageIds: [20, 21] }),
    message({ id: 4, role: 'assistant', replyTo: 1, provider: 'three', text: 'third', imageIds: [30] }),
  ];

  it('goes on from the newest answer until one is chosen, then from the chosen one and its picture', () => {
    expect(lastPicture([prompt(), ...answers], {})).toBe(30);
    expect(conversationTurns([prompt(), ...answers]).map((t) => t.text)).toEqual(['a cat', 'third']);

    const chosen = prompt({ request: { params: {}, chosen: 3 } });
    expect(lastPicture([chosen, ...answers], {})).toBe(20);
    expect(conversationTurns([chosen, ...answers])).toEqual([
      { role: 'user', text: 'a cat', imageIds: [] },
      { role: 'assistant', text: 'second', imageIds: [20, 21] },
    ]);

    const candidate = prompt({ request: { params: {}, chosen: 3, chosenImage: 21 } });
    expect(lastPicture([candidate, ...answers], {})).toBe(21);
    expect(conversationTurns([candidate, ...answers])[1]).toEqual({ role: 'assistant', text: 'second', imageIds: [21] });
    // The version in view wins in the window; a picture in the trash is passed over.
    expect(lastPicture([chosen, ...answers], { 1: 2 })).toBe(10);
    expect(lastPicture([chosen, ...answers], {}, (id) => id === 20)).toBe(21);
  });
});

describe('a further request of a "×N" in the window', () => {
  it('joins its prompt when its `started` event brings its answer, and is followed as it streams', async () => {
    const { applyGenerationEvents } = await import('../../../src/renderer/store/thread/live-generations');
    const user = message({ id: 1, request: { params: { n: 3 }, count: 3 } });
    const first = message({ id: 2, role: 'assistant', replyTo: 1, imageIds: [10] });
    const further = message({ id: 3, role: 'assistant', replyTo: 1, status: 'streaming' });
    const about = { generationId: 'g3', conversationId: 7, messageId: 3 };
    const applied = applyGenerationEvents(
      { live: {}, messages: [user, first] },
      [{ ...about, type: 'started', userMessage: user, assistantMessage: further }],
      () => false,
    );
    expect(applied.messages.map((m) => m.id)).toEqual([1, 2, 3]);
    expect(applied.live.g3).toMatchObject({ messageId: 3, waiting: false });
    // Another conversation's further request is followed, not added to the one in view.
    const elsewhere = applyGenerationEvents(
      { live: {}, messages: [first] },
      [{ ...about, type: 'started', userMessage: user, assistantMessage: further }],
      () => false,
    );
    expect(elsewhere.messages.map((m) => m.id)).toEqual([2]);
  });
});
