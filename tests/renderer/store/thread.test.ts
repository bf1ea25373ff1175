// The open thread follows the answers being written: a frame's generation events land as one update,
// a finished answer replaces its message, and a long chat opens with its newest messages first.
import '../support/page-globals';
import { describe, expect, it } from 'vitest';
import type { GenerationEvent } from '../../../src/shared/generation';
import { FIRST_MESSAGES } from '../../../src/renderer/store/thread/store';
import { chatStores } from '../support/chat-stores';
import { settle } from '../support/bridge-double';
import { message } from '../support/records';

const about = { generationId: 'g1', conversationId: 1, messageId: 11 };
const text = (delta: string): GenerationEvent => ({ ...about, type: 'text', delta });

/** Conversation 1 with a prompt and its answer being written (generation g1). */
async function streaming() {
  const stores = chatStores({
    'conversations.messages': () => [
      message(10, 1, { text: 'draw' }),
      message(11, 1, { role: 'assistant', status: 'streaming', replyTo: 10 }),
    ],
    'chat.running': () => [about],
    'library.get': ({ id }) => {
      throw new Error(`no picture ${id} in this test`);
    },
  });
  await stores.thread.getState().init();
  await stores.thread.getState().select(1);
  return stores;
}

describe('the thread', () => {
  it('applies a frame of streamed text in one update, joined in order', async () => {
    const { thread, bridge, time } = await streaming();
    let updates = 0;
    thread.subscribe(() => updates++);
    for (const delta of ['A ', 'red ', 'fox']) bridge.emit('generation.event', text(delta));
    expect(updates).toBe(0);
    time.frame();
    expect(updates).toBe(1);
    expect(thread.getState().live.g1?.text).toBe('A red fox');
  });

  it('replaces the message with the final one when the answer ends, and lists the conversations again soon', async () => {
    const { thread, conversations, bridge, time } = await streaming();
    const final = message(11, 1, { role: 'assistant', text: 'A red fox', replyTo: 10 });
    bridge.emit('generation.event', text('A red fox'));
    bridge.emit('generation.event', { ...about, type: 'finished', status: 'complete', message: final, error: null });
    // A finished answer does not wait for a quiet frame.
    time.frame();
    expect(thread.getState().live).toEqual({});
    expect(thread.getState().messages.at(-1)).toEqual(final);
    const listed = bridge.inputs('conversations.list').length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bridge.inputs('conversations.list').length).toBe(listed + 1);
    expect(conversations.getState().loaded).toBe(true);
  });

  it('continues the saved text of an answer picked up after a reload', async () => {
    const stores = chatStores({
      'conversations.messages': () => [message(11, 1, { role: 'assistant', status: 'streaming', text: 'Once upon' })],
      'chat.running': () => [about],
    });
    await stores.thread.getState().init();
    await stores.thread.getState().select(1);
    stores.bridge.emit('generation.event', text(' a time'));
    stores.time.frame();
    const live = stores.thread.getState().live.g1!;
    expect((live.base ?? '') + live.text).toBe('Once upon a time');
  });

  it('opens a long chat with its newest messages, then takes in the rest', async () => {
    const all = Array.from({ length: 100 }, (_, i) => message(i + 1, 7, { role: i % 2 ? 'assistant' : 'user', replyTo: i % 2 ? i : null }));
    const { thread, bridge } = chatStores({
      'conversations.messages': ({ last }) => (last === undefined ? all : all.slice(-last)),
    });
    const opening = thread.getState().select(7);
    await settle();
    expect(bridge.inputs('conversations.messages')[0]).toEqual({ id: 7, last: FIRST_MESSAGES });
    await opening;
    expect(thread.getState().messages).toHaveLength(100);
    expect(thread.getState().messages[0]!.id).toBe(1);
  });

  it('drops the answer for a chat the user has already left', async () => {
    let answerFirst: (() => void) | null = null;
    const { thread, bridge } = chatStores({
      'conversations.messages': ({ id }) =>
        id === 1 ? new Promise((resolve) => (answerFirst = () => resolve([message(10, 1)]))) : [message(20, 2)],
    });
    const first = thread.getState().select(1);
    await settle();
    await thread.getState().select(2);
    answerFirst!();
    await first;
    expect(thread.getState().currentId).toBe(2);
    expect(thread.getState().messages.map((m) => m.id)).toEqual([20]);
    expect(bridge.inputs('conversations.messages').map((input) => input.id)).toEqual([1, 2]);
  });

  it('marks a generation as stopping while the core cancels it, and says why when it cannot', async () => {
    const { thread, bridge } = await streaming();
    bridge.answer('chat.cancel', () => {
      throw new Error('boom');
    });
    const stopping = thread.getState().cancel('g1');
    expect(thread.getState().live.g1?.cancelling).toBe(true);
    await stopping;
    expect(thread.getState().live.g1?.cancelling).toBe(false);
    expect(thread.getState().live.g1?.cancelError).toBeTruthy();
  });
});
