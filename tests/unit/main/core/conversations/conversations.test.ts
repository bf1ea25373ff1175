// Conversations and messages over a real SQLite file, including an answer cut off by a crash.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HolstError } from '../../../../../src/shared/errors';
import { ConversationStore } from '../../../../../src/main/core/conversations/conversation-store';
import { openDatabase } from '../../../../../src/main/core/database/database';
import { ImageLibrary } from '../../../../../src/main/core/library/image-library';
import { silentLogger } from '../../../../../src/main/core/logging/log';
import { solidImage } from '../../../../support/images';
import { removeTempDirs, tempDir } from '../../../../support/temp-dir';

afterAll(removeTempDirs);

async function openStores() {
  const dataDir = await tempDir();
  const library = await ImageLibrary.open(dataDir, { maxImageBytes: () => 100 * 1024 * 1024, logger: silentLogger });
  return { dataDir, library, conversations: new ConversationStore(library.db) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('conversations', () => {
  it('creates, renames and lists by latest activity; a new name is no activity', async () => {
    const { library, conversations } = await openStores();
    const first = conversations.create('Logo ideas');
    const second = conversations.create('Holiday card');
    await sleep(5);
    conversations.addMessage({ conversationId: first.id, role: 'user', text: 'a fox logo' });
    expect(conversations.list().map((c) => c.title)).toEqual(['Logo ideas', 'Holiday card']);
    await sleep(5);
    expect(conversations.rename(second.id, 'Winter card').title).toBe('Winter card');
    expect(conversations.list().map((c) => c.title)).toEqual(['Logo ideas', 'Winter card']);
    library.close();
  });

  it('lists a thousand conversations a page at a time, each once, newest activity first, searched or not', async () => {
    const { library, conversations } = await openStores();
    // Many share one activity time (made within a millisecond): the id breaks the tie, so no page skips or repeats one.
    library.db.transaction(() => {
      for (let i = 0; i < 1000; i++) conversations.create(i % 3 === 0 ? `harbour study ${i}` : `lemons ${i}`);
    })();
    const pages: number[][] = [];
    let after: { updatedAt: number; id: number } | undefined;
    for (;;) {
      const page = conversations.list({ limit: 300, ...(after ? { after } : {}) });
      if (page.length === 0) break;
      pages.push(page.map((c) => c.id));
      const last = page.at(-1)!;
      after = { updatedAt: last.updatedAt, id: last.id };
    }
    expect(pages.map((p) => p.length)).toEqual([300, 300, 300, 100]);
    const all = conversations.list({ limit: 2000 });
    expect(pages.flat()).toEqual(all.map((c) => c.id));
    expect(new Set(pages.flat()).size).toBe(1000);

    const first = conversations.list({ query: 'harbour', limit: 200 });
    const last = first.at(-1)!;
    const second = conversations.list({ query: 'harbour', limit: 200, after: { updatedAt: last.updatedAt, id: last.id } });
    expect(first.length + second.length).toBe(334);
    expect(new Set([...first, ...second].map((c) => c.id)).size).toBe(334);
    expect([...first, ...second].every((c) => c.title.startsWith('harbour'))).toBe(true);
    library.close();
  });

  it('gives a conversation’s newest messages alone, oldest of them first, or all of them', async () => {
    const { library, conversations } = await openStores();
    const chat = conversations.create('Long');
    const ids = Array.from({ length: 7 }, (_, i) => conversations.addMessage({ conversationId: chat.id, role: 'user', text: `m${i}` }).id);
    expect(conversations.messages(chat.id, { last: 3 }).map((m) => m.id)).toEqual(ids.slice(4));
    expect(conversations.messages(chat.id, { last: 30 }).map((m) => m.id)).toEqual(ids);
    expect(conversations.messages(chat.id).map((m) => m.id)).toEqual(ids);
    library.close();
  });

  it('gives each message’s pictures in order with their sizes, so the window can lay them out before they load', async () => {
    const { library, conversations } = await openStores();
    const chat = conversations.create('shapes');
    const message = conversations.addMessage({ conversationId: chat.id, role: 'assistant', text: 'two' });
    const tall = (
      await library.ingest(
        { bytes: await solidImage(3, 'png', 40, 90) },
        { source: 'generated', conversationId: chat.id, messageId: message.id },
      )
    ).image;
    const wide = (
      await library.ingest(
        { bytes: await solidImage(4, 'png', 120, 30) },
        { source: 'generated', conversationId: chat.id, messageId: message.id },
      )
    ).image;
    const plain = conversations.addMessage({ conversationId: chat.id, role: 'user', text: 'no pictures' });
    const [first, second] = conversations.messages(chat.id);
    expect(first).toMatchObject({
      imageIds: [tall.id, wide.id],
      imageSizes: [
        { width: 40, height: 90 },
        { width: 120, height: 30 },
      ],
    });
    expect(second).toMatchObject({ id: plain.id, imageIds: [], imageSizes: [] });
    expect(conversations.requireMessage(message.id).imageSizes).toEqual(first!.imageSizes);
    library.close();
  });

  it('answers a missing conversation with not_found', async () => {
    const { library, conversations } = await openStores();
    const error = (() => {
      try {
        conversations.rename(999, 'x');
      } catch (e) {
        return e as HolstError;
      }
    })();
    expect(error?.code).toBe('not_found');
    library.close();
  });

  it('searches titles and message text', async () => {
    const { library, conversations } = await openStores();
    const logos = conversations.create('Logo ideas');
    const card = conversations.create('Holiday card');
    conversations.addMessage({ conversationId: card.id, role: 'user', text: 'snowy lighthouse with garlands' });
    expect(conversations.list({ query: 'logo' }).map((c) => c.id)).toEqual([logos.id]);
    expect(conversations.list({ query: 'lighthou' }).map((c) => c.id)).toEqual([card.id]);
    expect(conversations.list({ query: 'nothing-like-this' })).toEqual([]);
    expect(conversations.list({ query: '"(' })).toEqual([]);
    library.close();
  });

  it('deletes a conversation but keeps its images, unless asked to trash them', async () => {
    const { library, conversations } = await openStores();
    const keep = conversations.create('keep images');
    const message = conversations.addMessage({ conversationId: keep.id, role: 'assistant', text: 'here' });
    const image = (
      await library.ingest({ bytes: await solidImage(1) }, { source: 'generated', conversationId: keep.id, messageId: message.id })
    ).image;
    expect(conversations.messages(keep.id)[0]!.imageIds).toEqual([image.id]);
    expect(library.list({ conversationId: keep.id }).items.map((i) => i.id)).toEqual([image.id]);
    expect(conversations.delete(keep.id)).toEqual({ trashedImages: 0 });
    expect(library.get(image.id)).toMatchObject({ conversationId: null, messageId: null, trashedAt: null });

    const drop = conversations.create('drop images');
    const other = (await library.ingest({ bytes: await solidImage(2) }, { source: 'generated', conversationId: drop.id })).image;
    expect(conversations.delete(drop.id, { trashImages: true })).toEqual({ trashedImages: 1 });
    expect(library.get(other.id)?.trashedAt).not.toBeNull();
    expect(conversations.get(drop.id)).toBeNull();
    library.close();
  });
});

describe('a streamed answer', () => {
  it('is saved while it streams, at most every flush interval, and completely at the end', async () => {
    const { library, conversations } = await openStores();
    const chat = conversations.create('stream');
    const answer = conversations.startStreaming(chat.id, 'gigachat', 'GigaChat-2-Max', { flushMs: 50 });
    answer.append('Here is ');
    expect(conversations.requireMessage(answer.id)).toMatchObject({ text: '', status: 'streaming' });
    await sleep(80);
    expect(conversations.requireMessage(answer.id).text).toBe('Here is ');
    answer.append('your picture.');
    const done = answer.finish('complete');
    expect(done).toMatchObject({ text: 'Here is your picture.', status: 'complete', provider: 'gigachat' });
    library.close();
  });

  it('keeps the text received before a crash, marked as interrupted', async () => {
    const { dataDir, library, conversations } = await openStores();
    const chat = conversations.create('crash');
    const answer = conversations.startStreaming(chat.id, 'givon', 'gpt-image-2', { flushMs: 20 });
    answer.append('The first half of an answer');
    await sleep(50);
    answer.append(' and text that never reached the disk');
    // The process dies here: no finish(), no flush. A new start opens the same database.
    library.close();
    const db = openDatabase(path.join(dataDir, 'library.sqlite'));
    const reopened = new ConversationStore(db);
    expect(reopened.messages(chat.id)).toMatchObject([{ text: 'The first half of an answer', status: 'interrupted' }]);
    db.close();
  });

  it('records an error with its code', async () => {
    const { library, conversations } = await openStores();
    const chat = conversations.create('error');
    const answer = conversations.startStreaming(chat.id, 'gigachat', null);
    answer.append('partial');
    expect(answer.finish('error', { code: 'rate_limited', message: 'Too many requests' })).toMatchObject({
      status: 'error',
      text: 'partial',
      error: { code: 'rate_limited', message: 'Too many requests' },
    });
    library.close();
  });
});
