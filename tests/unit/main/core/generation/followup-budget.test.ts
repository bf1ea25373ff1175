// The follow-up's pure rules: which earlier turns go (conversationTurns), which image a follow-up
// edits by default (latestAnswerImage), and the image budget of the history (planHistoryImages).
import { afterAll, describe, expect, it } from 'vitest';
import { ConversationStore } from '../../../../../src/main/core/conversations/conversation-store';
import { conversationTurns, latestAnswerImage } from '../../../../../src/main/core/generation/history';
import { HISTORY_IMAGE_BUDGET, planHistoryImages } from '../../../../../src/main/core/generation/history-budget';
import { ImageLibrary } from '../../../../../src/main/core/library/image-library';
import { silentLogger } from '../../../../../src/main/core/logging/log';
import { solidImage } from '../../../../support/images';
import { removeTempDirs, tempDir } from '../../../../support/temp-dir';

afterAll(removeTempDirs);

const MB = 1024 * 1024;
const img = (id: number, mb = 1) => ({ id, bytes: mb * MB });

describe('planHistoryImages', () => {
  it('keeps everything within the budget, in each message’s own order', () => {
    const plan = planHistoryImages([img(100)], [[img(1), img(2)], [img(3)]]);
    expect(plan).toEqual({ kept: [[img(1), img(2)], [img(3)]], dropped: [], repeated: [] });
  });

  it('counts the new message’s images and fills the rest newest message first, up to 8 images', () => {
    const older = [img(1), img(2), img(3), img(4)];
    const newer = [img(5), img(6), img(7), img(8)];
    const plan = planHistoryImages([img(100), img(101)], [older, newer]);
    expect(plan.kept).toEqual([[img(1), img(2)], newer]);
    expect(plan.dropped).toEqual([
      { id: 3, reason: 'count' },
      { id: 4, reason: 'count' },
    ]);
    expect(HISTORY_IMAGE_BUDGET.maxImages).toBe(8);
  });

  it('leaves out an image that would go over 20 MB, while a smaller older one may still fit', () => {
    const plan = planHistoryImages([img(100, 5)], [[img(1, 2)], [img(2, 9), img(3, 9)]]);
    expect(plan.kept).toEqual([[img(1, 2)], [img(2, 9)]]);
    expect(plan.dropped).toEqual([{ id: 3, reason: 'bytes' }]);
  });

  it('never repeats an image the new message or a newer turn already carries', () => {
    const plan = planHistoryImages(
      [img(7)],
      [
        [img(5), img(6)],
        [img(6), img(7)],
      ],
    );
    expect(plan.kept).toEqual([[img(5)], [img(6)]]);
    expect(plan.repeated).toEqual([7, 6]);
    expect(plan.dropped).toEqual([]);
  });

  it('sends the new message’s images even when they alone are over the budget', () => {
    const many = Array.from({ length: 10 }, (_, i) => img(100 + i, 3));
    const plan = planHistoryImages(many, [[img(1)]]);
    expect(plan.kept).toEqual([[]]);
    expect(plan.dropped).toEqual([{ id: 1, reason: 'count' }]);
  });
});

describe('conversation turns', () => {
  async function stores() {
    const library = await ImageLibrary.open(await tempDir(), { maxImageBytes: () => 100 * MB, logger: silentLogger });
    return { library, conversations: new ConversationStore(library.db) };
  }

  it('pairs each earlier prompt with its newest complete answer and leaves out prompts without one', async () => {
    const { library, conversations } = await stores();
    const c = conversations.create('t');
    const add = (role: 'user' | 'assistant', text: string, extra: Record<string, unknown> = {}) =>
      conversations.addMessage({ conversationId: c.id, role, text, ...extra });
    const p1 = add('user', 'a cat');
    add('assistant', 'first version', { replyTo: p1.id });
    add('assistant', 'second version', { replyTo: p1.id });
    add('assistant', 'failed again', { replyTo: p1.id, status: 'error' });
    const p2 = add('user', 'no answer yet');
    add('assistant', 'broken', { replyTo: p2.id, status: 'interrupted' });
    const p3 = add('user', 'make it night');
    add('assistant', 'night cat', { replyTo: p3.id });
    const p4 = add('user', 'now with snow');

    const all = conversations.messages(c.id);
    expect(conversationTurns(all, p4.id).map((t) => [t.role, t.text])).toEqual([
      ['user', 'a cat'],
      ['assistant', 'second version'],
      ['user', 'make it night'],
      ['assistant', 'night cat'],
    ]);
    // Retry of the third prompt: only the turns before it.
    expect(conversationTurns(all, p3.id).map((t) => t.text)).toEqual(['a cat', 'second version']);
    expect(conversationTurns(all, p1.id)).toEqual([]);
    library.close();
  });

  it('defaults the source to the first image of the newest complete answer with one that is not in the trash', async () => {
    const { library, conversations } = await stores();
    const ids: number[] = [];
    for (let i = 1; i <= 3; i++) ids.push((await library.ingest({ bytes: await solidImage(i + 40) }, { source: 'generated' })).image.id);
    const c = conversations.create('t');
    const p = conversations.addMessage({ conversationId: c.id, role: 'user', text: 'x' });
    conversations.addMessage({ conversationId: c.id, role: 'assistant', replyTo: p.id, imageIds: [ids[0]!] });
    const newest = conversations.addMessage({ conversationId: c.id, role: 'assistant', replyTo: p.id, imageIds: [ids[1]!, ids[2]!] });
    conversations.addMessage({ conversationId: c.id, role: 'assistant', replyTo: p.id, status: 'error' });
    expect(latestAnswerImage(conversations.messages(c.id), library)).toBe(ids[1]);
    library.trash([ids[1]!]);
    expect(latestAnswerImage(conversations.messages(c.id), library)).toBe(ids[2]);
    library.trash([ids[2]!]);
    expect(latestAnswerImage(conversations.messages(c.id), library)).toBe(ids[0]);
    expect(newest.imageIds).toEqual([ids[1], ids[2]]);
    library.trash([ids[0]!]);
    expect(latestAnswerImage(conversations.messages(c.id), library)).toBeNull();
    library.close();
  });
});
