// Deleting a conversation cancels its jobs (issue 23, point 1): the answer being written stops, the
// prompts still waiting are never sent, and other conversations' jobs go on; a job another process
// holds is stopped when that process sees it cancelled (or its row gone) in the database.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CROSS_PROCESS_LOOK_MS } from '../../../../../src/main/core/queue/generation-queue';
import { JobStore } from '../../../../../src/main/core/queue/job-store';
import { call } from '../../../../support/core';
import { gate, setUpQueue, stateOf, type QueueSetup } from '../../../../support/queue-setup';
import { removeTempDirs } from '../../../../support/temp-dir';

afterAll(removeTempDirs);

const lastUserText = (body: Record<string, unknown>) =>
  (body.messages as Array<{ role: string; content: string }>).filter((m) => m.role === 'user').at(-1)!.content;

describe('deleting a conversation', () => {
  let q: QueueSetup;
  beforeEach(async () => {
    q = await setUpQueue();
  });
  afterEach(() => q.close());

  it('cancels its running and waiting jobs before it goes; the other conversations’ jobs run', async () => {
    const held = gate();
    q.giga.answers.push({ text: 'A long answer. '.repeat(20), sse: { holdLastPiece: held.held } }, { text: 'The other chat.' });
    const running = await q.chat.send({ providerId: 'giga', prompt: 'A slow owl' });
    const followUp = await q.chat.send({ providerId: 'giga', conversationId: running.conversationId, prompt: 'in the snow' });
    const other = await q.chat.send({ providerId: 'giga', prompt: 'A quick hare' });
    expect(followUp.waiting).toBe(true);
    expect(other.queued).toBe(true);
    await q.until(() => q.giga.chats.length === 1);

    const deleted = await call(q.core, 'conversations.delete', { id: running.conversationId });
    expect(deleted).toEqual({ ok: true, value: { trashedImages: 0 } });
    // Both ended before the conversation went: each answer's end was sent to the window.
    expect((await q.chat.finished(running.generationId)).status).toBe('cancelled');
    expect((await q.chat.finished(followUp.generationId)).status).toBe('cancelled');
    held.release();

    expect((await q.chat.finished(other.generationId)).status).toBe('complete');
    expect(q.giga.chats.map((chat) => lastUserText(chat.body))).toEqual(['A slow owl', 'A quick hare']);
    // The deleted conversation's jobs went with it; nothing of it is left running in the queue.
    const jobs = await q.jobs();
    expect(jobs.map((job) => job.conversationId)).toEqual([other.conversationId]);
    expect(q.core.chat.list()).toEqual([]);
    expect(q.log.lines.filter((line) => line.startsWith('error'))).toEqual([]);
  });

  it('stops a job held here when another process cancels it or deletes its conversation in the database', async () => {
    await call(q.core, 'queue.pause', undefined);
    const first = await q.chat.send({ providerId: 'agg', prompt: 'A paused kite' });
    const second = await q.chat.send({ providerId: 'agg', prompt: 'A paused swan' });
    expect([first.queued, second.queued]).toEqual([true, true]);

    // What `holst queue cancel` does in its own process: the row (and the answer) marked cancelled.
    const elsewhere = new JobStore(q.core.library.db, q.log);
    expect(elsewhere.cancelStored(first.generationId)?.state).toBe('cancelled');
    // The conversation deleted by another process: its rows go by the cascade.
    q.core.conversations.delete(second.conversationId);

    const started = Date.now();
    expect((await q.chat.finished(first.generationId)).status).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(CROSS_PROCESS_LOOK_MS * 3);
    await q.until(() => q.core.chat.list().length === 0);
    expect(await stateOf(q, first.generationId)).toBe('cancelled');
    expect(q.log.lines.filter((line) => line.includes('another process'))).toHaveLength(2);
    expect(q.log.lines.filter((line) => line.startsWith('error'))).toEqual([]);
    await call(q.core, 'queue.resume', undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(q.agg.chats).toHaveLength(0);
  });
});
