// The conversation list loads a page at a time as it scrolls, searches as the user types, and
// deleting the open conversation leaves it for a new chat, its draft gone with it.
import '../support/page-globals';
import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../../src/shared/library';
import { LIST_PAGE } from '../../../src/renderer/store/conversations/list';
import { SEARCH_DELAY_MS } from '../../../src/renderer/store/conversations/store';
import { chatStores } from '../support/chat-stores';
import { conversation, message } from '../support/records';

/** `count` conversations, newest first, as the core lists them (after a cursor, matching a query). */
function listed(count: number) {
  const all = Array.from({ length: count }, (_, i) => conversation(i + 1));
  return (input: { limit?: number; after?: { updatedAt: number; id: number }; query?: string }): Conversation[] => {
    const matching = input.query ? all.filter((c) => c.title.includes(input.query!)) : all;
    const start = input.after ? matching.findIndex((c) => c.id === input.after!.id) + 1 : 0;
    return matching.slice(start, start + (input.limit ?? 200));
  };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the conversation list', () => {
  it('lists a page, then the next one after the last listed, until there are no more', async () => {
    const { conversations, bridge } = chatStores({ 'conversations.list': listed(LIST_PAGE + 50) });
    await conversations.getState().load();
    expect(conversations.getState().conversations).toHaveLength(LIST_PAGE);
    expect(conversations.getState().more).toBe(true);
    await conversations.getState().loadMore();
    const state = conversations.getState();
    expect(state.conversations).toHaveLength(LIST_PAGE + 50);
    expect(new Set(state.conversations.map((c) => c.id)).size).toBe(LIST_PAGE + 50);
    expect(state.more).toBe(false);
    const last = bridge.inputs('conversations.list').at(-1)!;
    expect(last.after).toEqual({ id: LIST_PAGE, updatedAt: conversation(LIST_PAGE).updatedAt });
    // Nothing more to ask for.
    await conversations.getState().loadMore();
    expect(bridge.inputs('conversations.list')).toHaveLength(2);
  });

  it('keeps as many as were scrolled through when the list is refreshed', async () => {
    const { conversations, bridge } = chatStores({ 'conversations.list': listed(LIST_PAGE * 2 + 10) });
    await conversations.getState().load();
    await conversations.getState().loadMore();
    await conversations.getState().load();
    expect(bridge.inputs('conversations.list').at(-1)!.limit).toBe(LIST_PAGE * 2);
    expect(conversations.getState().conversations).toHaveLength(LIST_PAGE * 2);
  });

  it('searches once typing pauses, with the words typed last', async () => {
    const { conversations, bridge } = chatStores({ 'conversations.list': listed(30) });
    await conversations.getState().load();
    conversations.getState().setSearch('Chat 1');
    conversations.getState().setSearch('Chat 2');
    expect(bridge.inputs('conversations.list')).toHaveLength(1);
    await wait(SEARCH_DELAY_MS + 50);
    expect(bridge.inputs('conversations.list').slice(1)).toEqual([{ limit: LIST_PAGE, query: 'Chat 2' }]);
    expect(conversations.getState().conversations.map((c) => c.id)).toEqual([2, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29]);
  });

  it('leaves a deleted open conversation for a new chat, and forgets its draft', async () => {
    const { conversations, thread, composer } = chatStores({
      'conversations.list': listed(3),
      'conversations.messages': ({ id }) => [message(id * 10, id)],
      'conversations.delete': () => ({ trashedImages: 0 }),
    });
    await conversations.getState().load();
    await thread.getState().select(2);
    composer.getState().setPrompt('unsent words');
    await thread.getState().select(1);
    await thread.getState().select(2);
    expect(await conversations.getState().remove(2)).toBe(true);
    expect(conversations.getState().conversations.map((c) => c.id)).toEqual([1, 3]);
    expect(thread.getState().currentId).toBeNull();
    expect(composer.getState().prompt).toBe('');
    expect(composer.getState().drafts.c2).toBeUndefined();
  });

  it('shows why a rename failed in the composer, and clears it once one goes through', async () => {
    let refuse = true;
    const { conversations, composer } = chatStores({
      'conversations.list': listed(2),
      'conversations.rename': ({ id, title }) => {
        if (refuse) throw new Error('disk full');
        return { ...conversation(id), title };
      },
    });
    await conversations.getState().load();
    expect(await conversations.getState().rename(1, 'Foxes')).toBe(false);
    expect(composer.getState().error).toBeTruthy();
    refuse = false;
    expect(await conversations.getState().rename(1, '  Foxes  ')).toBe(true);
    expect(composer.getState().error).toBeNull();
    expect(conversations.getState().conversations[0]!.title).toBe('Foxes');
  });
});
