// The generation queue (issue 23, points 1-2), against real reference servers: a provider runs at
// most its `maxConcurrent` generations at once (GigaChat's personal scope one, as the service
// allows) while another provider runs beside it; the whole queue at most `queue.maxConcurrent`;
// Pause/Resume, Cancel of a waiting and a running job, and Move.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maxConcurrentOf } from '../../../../../src/shared/provider-kinds';
import type { ChatStarted } from '../../../../../src/shared/generation';
import type { QueueChanged } from '../../../../../src/shared/queue';
import { ProviderConfigSchema, SettingsSchema } from '../../../../../src/shared/settings';
import { call } from '../../../../support/core';
import { gate, setUpQueue, stateOf, type QueueSetup } from '../../../../support/queue-setup';
import { removeTempDirs } from '../../../../support/temp-dir';

afterAll(removeTempDirs);

describe('how many run at once', () => {
  it('defaults to one for GigaChat with the personal scope (also when none is set), four otherwise', () => {
    expect(maxConcurrentOf({ kind: 'gigachat', scope: 'GIGACHAT_API_PERS' })).toBe(1);
    expect(maxConcurrentOf({ kind: 'gigachat' })).toBe(1);
    expect(maxConcurrentOf({ kind: 'gigachat', scope: 'GIGACHAT_API_CORP' })).toBe(4);
    expect(maxConcurrentOf({ kind: 'openai-chat' })).toBe(4);
    expect(maxConcurrentOf({ kind: 'gigachat', scope: 'GIGACHAT_API_PERS', maxConcurrent: 3 })).toBe(3);
    const base = { id: 'p', kind: 'givon', baseUrl: 'https://example.com' };
    expect(ProviderConfigSchema.safeParse({ ...base, maxConcurrent: 16 }).success).toBe(true);
    expect(ProviderConfigSchema.safeParse({ ...base, maxConcurrent: 0 }).success).toBe(false);
    expect(ProviderConfigSchema.safeParse({ ...base, maxConcurrent: 17 }).success).toBe(false);
    expect(ProviderConfigSchema.safeParse({ ...base, maxConcurrent: 1.5 }).success).toBe(false);
    expect(SettingsSchema.parse({}).queue.maxConcurrent).toBe(6);
  });
});

describe('the generation queue', () => {
  let q: QueueSetup;
  beforeEach(async () => {
    q = await setUpQueue();
  });
  afterEach(() => q.close());

  it('keeps GigaChat (personal scope) to one stream at a time while the aggregator runs beside it', async () => {
    const gigaGate = gate();
    q.giga.answers.push({ text: 'Answer 1.', sse: { holdLastPiece: gigaGate.held } }, { text: 'Answer 2.' }, { text: 'Answer 3.' });
    q.agg.answers.push({ images: 0, text: 'Aggregator one.' }, { images: 0, text: 'Aggregator two.' });

    const giga: ChatStarted[] = [];
    for (const prompt of ['A red fox', 'A blue lake', 'A green hill']) giga.push(await q.chat.send({ providerId: 'giga', prompt }));
    const agg: ChatStarted[] = [];
    for (const prompt of ['A yellow kite', 'A white swan']) agg.push(await q.chat.send({ providerId: 'agg', prompt }));
    // The first GigaChat prompt went at once; the two others wait their turn (other conversations: not "waiting" for an answer above).
    expect(giga.map((s) => [s.waiting, s.queued])).toEqual([
      [undefined, undefined],
      [undefined, true],
      [undefined, true],
    ]);
    expect(agg.map((s) => s.queued)).toEqual([undefined, undefined]);

    // Both aggregator prompts run and finish beside the held GigaChat one.
    for (const started of agg) expect((await q.chat.finished(started.generationId)).status).toBe('complete');
    expect(await stateOf(q, giga[0]!.generationId)).toBe('running');
    expect(await stateOf(q, giga[1]!.generationId)).toBe('queued');
    expect(q.giga.chats).toHaveLength(1);

    gigaGate.release();
    for (const started of giga) expect((await q.chat.finished(started.generationId)).status).toBe('complete');
    expect(q.giga.chats).toHaveLength(3);
    expect(q.giga.peakStreams).toBe(1);
    expect(q.giga.refusedStreams).toBe(0);
    expect(q.chat.events.filter((e) => e.type === 'started').map((e) => e.generationId)).toEqual(
      expect.arrayContaining([giga[1]!.generationId, giga[2]!.generationId]),
    );
    const jobs = await q.jobs();
    expect(jobs.filter((job) => job.state === 'done')).toHaveLength(5);
    const first = jobs.find((job) => job.generationId === giga[0]!.generationId)!;
    expect(first).toMatchObject({ provider: 'giga', model: 'GigaChat-2-Max', prompt: 'A red fox', error: null });
    expect(first.startedAt).not.toBeNull();
    expect(first.finishedAt).not.toBeNull();
  });

  it('the reference GigaChat refuses a second concurrent stream of the personal scope with 429', async () => {
    const held = gate();
    q.giga.answers.push({ text: 'Held.', sse: { holdLastPiece: held.held } });
    const token = await fetch(q.giga.authUrl, {
      method: 'POST',
      headers: {
        authorization: `Basic ${q.giga.authorizationKey}`,
        rquid: randomUUID(),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'scope=GIGACHAT_API_PERS',
    }).then((r) => r.json() as Promise<{ access_token: string }>);
    const ask = () =>
      fetch(`${q.giga.baseUrl}/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'GigaChat-2-Max', stream: true, messages: [{ role: 'user', content: 'hello' }] }),
      });
    const first = await ask();
    expect(first.status).toBe(200);
    const second = await ask();
    expect(second.status).toBe(429);
    held.release();
    await first.text();
    await q.until(() => q.giga.activeStreams === 0);
    expect((await ask()).status).toBe(200);
  });

  it('runs at most queue.maxConcurrent generations overall', async () => {
    await q.core.settings.update((s) => ({ ...s, queue: { maxConcurrent: 2 } }));
    const held = gate();
    for (let i = 0; i < 3; i++) q.agg.answers.push({ images: 0, text: `Answer ${i + 1}.`, sse: { holdLastPiece: held.held } });
    const sent: ChatStarted[] = [];
    for (const prompt of ['One', 'Two', 'Three']) sent.push(await q.chat.send({ providerId: 'agg', prompt }));
    expect(sent.map((s) => s.queued)).toEqual([undefined, undefined, true]);
    await q.until(() => q.agg.chats.length === 2);
    expect(await stateOf(q, sent[2]!.generationId)).toBe('queued');
    held.release();
    for (const s of sent) expect((await q.chat.finished(s.generationId)).status).toBe('complete');
    expect(q.agg.chats.map((c) => c.texts[0])).toEqual(['One', 'Two', 'Three']);
  });

  it('keeps the order within a conversation: a follow-up waits for the answer above, queued or running', async () => {
    const held = gate();
    q.giga.answers.push({ text: 'First answer.', sse: { holdLastPiece: held.held } }, { text: 'Other chat.' }, { text: 'Second answer.' });
    const first = await q.chat.send({ providerId: 'giga', prompt: 'A castle' });
    const other = await q.chat.send({ providerId: 'giga', prompt: 'A bridge' });
    const followUp = await q.chat.send({ providerId: 'giga', conversationId: first.conversationId, prompt: 'at dusk' });
    expect(followUp.waiting).toBe(true);
    held.release();
    for (const s of [first, other, followUp]) expect((await q.chat.finished(s.generationId)).status).toBe('complete');
    // The other conversation's prompt was sent before the follow-up, which went with its history.
    const lastUser = (i: number) => (q.giga.chats[i]!.body.messages as Array<{ role: string; content: string }>).at(-1)!.content;
    expect([0, 1, 2].map(lastUser)).toEqual(['A castle', 'A bridge', 'at dusk']);
    const history = (q.giga.chats[2]!.body.messages as Array<{ role: string; content: string }>).map((m) => m.role);
    expect(history.filter((role) => role !== 'system')).toEqual(['user', 'assistant', 'user']);
  });

  it('paused, starts nothing until resumed; the pause is kept across a restart', async () => {
    const changes: QueueChanged[] = [];
    q.core.events.subscribe((name, payload) => name === 'queue.changed' && changes.push(payload as QueueChanged));
    expect(await call(q.core, 'queue.pause', undefined)).toEqual({ ok: true, value: { paused: true } });
    q.agg.answers.push({ images: 0, text: 'After the pause.' });
    const sent = await q.chat.send({ providerId: 'agg', prompt: 'A paused kite' });
    expect(sent.queued).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(q.agg.chats).toHaveLength(0);
    expect(changes.some((c) => c.paused && c.jobs.some((j) => j.generationId === sent.generationId && j.state === 'queued'))).toBe(true);

    await q.restart();
    const view = await call(q.core, 'queue.list', {});
    expect(view.ok && view.value.paused).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(q.agg.chats).toHaveLength(0);

    expect(await call(q.core, 'queue.resume', undefined)).toEqual({ ok: true, value: { paused: false } });
    expect((await q.chat.finished(sent.generationId)).status).toBe('complete');
    expect(q.agg.chats.map((c) => c.texts[0])).toEqual(['A paused kite']);
    expect(await stateOf(q, sent.generationId)).toBe('done');
  });

  it('cancels a waiting job without sending anything, and a running one as chat.cancel does', async () => {
    const held = gate();
    q.giga.answers.push({ text: 'Long answer. '.repeat(20), sse: { holdLastPiece: held.held } });
    const running = await q.chat.send({ providerId: 'giga', prompt: 'A slow owl' });
    const waiting = await q.chat.send({ providerId: 'giga', prompt: 'A quick hare' });
    expect(waiting.queued).toBe(true);

    expect(await call(q.core, 'queue.cancel', { generationId: waiting.generationId })).toEqual({ ok: true, value: null });
    const waitingEnd = await q.chat.finished(waiting.generationId);
    expect(waitingEnd.status).toBe('cancelled');
    expect(waitingEnd.message.status).toBe('cancelled');
    expect(await stateOf(q, waiting.generationId)).toBe('cancelled');

    await q.until(() => q.giga.chats.length === 1);
    expect(await call(q.core, 'queue.cancel', { generationId: running.generationId })).toEqual({ ok: true, value: null });
    expect((await q.chat.finished(running.generationId)).status).toBe('cancelled');
    expect(await stateOf(q, running.generationId)).toBe('cancelled');
    held.release();
    expect(q.giga.chats).toHaveLength(1);
    // An unknown job is named as such; one already ended is left as it is.
    const unknown = await call(q.core, 'queue.cancel', { generationId: 'no-such-job' });
    expect(!unknown.ok && unknown.error.code).toBe('not_found');
    expect((await call(q.core, 'queue.cancel', { generationId: running.generationId })).ok).toBe(true);
  });

  it('moves a waiting job up and down; the queue then sends in that order', async () => {
    await q.core.settings.update((s) => ({ ...s, queue: { maxConcurrent: 1 } }));
    await call(q.core, 'queue.pause', undefined);
    const sent: ChatStarted[] = [];
    for (const prompt of ['Alpha', 'Beta', 'Gamma']) sent.push(await q.chat.send({ providerId: 'agg', prompt }));
    const [a, b, c] = sent.map((s) => s.generationId) as [string, string, string];
    const move = (generationId: string, direction: 'up' | 'down') => call(q.core, 'queue.move', { generationId, direction });
    expect((await move(c, 'up')).ok).toBe(true);
    expect((await move(c, 'up')).ok).toBe(true);
    expect((await move(c, 'up')).ok).toBe(true); // already first: stays
    expect((await move(a, 'down')).ok).toBe(true);
    const order = (await q.jobs()).filter((job) => job.state === 'queued').map((job) => job.generationId);
    expect(order).toEqual([c, b, a]);

    for (let i = 0; i < 3; i++) q.agg.answers.push({ images: 0, text: `Answer ${i + 1}.` });
    await call(q.core, 'queue.resume', undefined);
    for (const id of [a, b, c]) expect((await q.chat.finished(id)).status).toBe('complete');
    expect(q.agg.chats.map((chat) => chat.texts[0])).toEqual(['Gamma', 'Beta', 'Alpha']);
    // An ended job cannot be moved.
    const moved = await move(a, 'up');
    expect(!moved.ok && moved.error.code).toBe('invalid_input');
  });
});
