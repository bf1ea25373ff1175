// The window applies a frame's worth of generation events as one change (store/live-generations.ts).
import { describe, expect, it } from 'vitest';
import { applyGenerationEvents, liveEntry, runningConversationIds } from '../../../../../src/renderer/store/thread/live-generations';
import type { GenerationEvent } from '../../../../../src/shared/generation';
import type { ImageRecord, Message } from '../../../../../src/shared/library';

const about = { generationId: 'g1', conversationId: 7, messageId: 42 };
const answer = (status: Message['status'], text: string, imageIds: number[] = []): Message => ({
  id: 42,
  conversationId: 7,
  role: 'assistant',
  text,
  status,
  provider: 'agg',
  model: 'm',
  error: null,
  imageIds,
  request: null,
  replyTo: 41,
  usage: null,
  elapsedMs: null,
  createdAt: 0,
  updatedAt: 0,
});
const text = (delta: string): GenerationEvent => ({ ...about, type: 'text', delta });

describe('generation events, a frame at a time', () => {
  it('joins a frame of text deltas in order into the answer being written', () => {
    const state = { live: { g1: liveEntry(about, false) }, messages: [answer('streaming', '')] };
    const deltas = Array.from({ length: 500 }, (_, i) => `t${i} `);
    const applied = applyGenerationEvents(state, deltas.map(text), () => false);
    expect(applied.live.g1!.text).toBe(deltas.join(''));
    expect(applied.finished).toEqual([]);
    expect(applied.messages).toBe(state.messages);
    // The state it was given is left as it was.
    expect(state.live.g1!.text).toBe('');
  });

  it('follows a generation it hears of first through its events, and ends it on `finished` with the final message', () => {
    const image = { id: 9, width: 1536, height: 1024 } as ImageRecord;
    const final = answer('complete', 'Here it is.', [9]);
    const events: GenerationEvent[] = [
      { ...about, type: 'progress', message: '27%' },
      text('Here '),
      { ...about, type: 'image', image },
      { ...about, type: 'image', image },
      text('it is.'),
    ];
    const streaming = applyGenerationEvents({ live: {}, messages: [answer('streaming', '')] }, events, () => false);
    expect(streaming.live.g1).toMatchObject({
      text: 'Here it is.',
      progress: { message: '27%' },
      imageIds: [9],
      imageSizes: [{ width: 1536, height: 1024 }],
      pickedUp: false,
    });
    expect(runningConversationIds(streaming.live)).toEqual([7]);

    const ended = applyGenerationEvents(
      streaming,
      [{ ...about, type: 'finished', status: 'complete', message: final, error: null }],
      () => false,
    );
    expect(ended.live).toEqual({});
    expect(ended.messages).toEqual([final]);
    expect(ended.finished).toEqual([final]);
  });

  it('does not follow again an answer that already ended (late events of the same frame or before)', () => {
    const final = answer('complete', 'done');
    const late = applyGenerationEvents(
      { live: {}, messages: [] },
      [{ ...about, type: 'finished', status: 'complete', message: final, error: null }, text('stray')],
      () => false,
    );
    expect(late.live).toEqual({});
    expect(applyGenerationEvents({ live: {}, messages: [] }, [text('stray')], (id) => id === 42).live).toEqual({});
  });

  it('shows each picture on the way in place of the one before, until a saved picture replaces it', () => {
    const partial = (index: number): GenerationEvent => ({
      ...about,
      type: 'partial-image',
      index,
      dataUrl: `data:image/png;base64,AAA${index}`,
    });
    const state = { live: { g1: liveEntry(about, false) }, messages: [answer('streaming', '')] };
    const first = applyGenerationEvents(state, [partial(0)], () => false);
    expect(first.live.g1!.partial).toEqual({ index: 0, dataUrl: 'data:image/png;base64,AAA0' });
    const second = applyGenerationEvents(first, [partial(1)], () => false);
    expect(second.live.g1!.partial).toEqual({ index: 1, dataUrl: 'data:image/png;base64,AAA1' });
    expect(second.live.g1!.imageIds).toEqual([]);
    const image = { id: 5, width: 64, height: 64 } as ImageRecord;
    const final = applyGenerationEvents(second, [{ ...about, type: 'image', image }], () => false);
    expect(final.live.g1).toMatchObject({ partial: null, imageIds: [5] });
  });
});
