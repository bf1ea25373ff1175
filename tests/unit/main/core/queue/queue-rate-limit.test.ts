// A provider that answers 429 is waited out by the queue (issue 23, "Bad input" and point 9): the
// job goes back in the queue until its Retry-After (seconds or an HTTP date; without one, a
// back-off), its answer saying until when, while other providers' jobs start and finish; at most
// three times, then a clear failure. Every kind, against its reference server: the aggregator
// (openai-chat), the Images API, GigaChat's own refusal of a second personal-scope stream, and a
// Givon poll (followed again by its job id, never created twice).
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GIVON_POLL } from '../../../../../src/main/core/providers/givon';
import { RATE_LIMIT_RETRIES } from '../../../../../src/main/core/queue/rate-limit';
import { CORE_MESSAGES } from '../../../../../src/shared/core-messages';
import type { GenerationEvent } from '../../../../../src/shared/generation';
import { startGivonServer, type GivonServer } from '../../../../servers/givon-server';
import { startOpenAIImagesServer, type OpenAIImagesServer } from '../../../../servers/openai-images-server';
import { rateLimitNext } from '../../../../servers/rate-limit';
import { gate, setUpQueue, stateOf, type QueueSetup } from '../../../../support/queue-setup';
import { removeTempDirs } from '../../../../support/temp-dir';

afterAll(removeTempDirs);

const defaultRetries = { ...RATE_LIMIT_RETRIES };
const defaultPoll = { ...GIVON_POLL };
type Progress = Extract<GenerationEvent, { type: 'progress' }>;

describe('a 429 is waited out within the queue', () => {
  let q: QueueSetup;
  let givon: GivonServer;
  let images: OpenAIImagesServer;
  beforeEach(async () => {
    Object.assign(RATE_LIMIT_RETRIES, { backoffMs: 50 });
    Object.assign(GIVON_POLL, { firstMs: 10, factor: 1.5, maxMs: 40, maxWaitMs: 20_000 });
    [givon, images] = await Promise.all([startGivonServer(), startOpenAIImagesServer()]);
    q = await setUpQueue({
      providers: [
        { id: 'givon', kind: 'givon', name: 'Givon', baseUrl: givon.baseUrl, models: ['gpt-image-2'] },
        { id: 'img', kind: 'openai-images', name: 'Images API', baseUrl: images.baseUrl, models: ['gpt-image-1'] },
      ],
      keys: { givon: givon.apiKey, img: images.apiKey },
    });
  });
  afterEach(async () => {
    Object.assign(RATE_LIMIT_RETRIES, defaultRetries);
    Object.assign(GIVON_POLL, defaultPoll);
    await q.close();
    await Promise.all([givon.close(), images.close()]);
  });

  const waits = (generationId: string): Progress[] =>
    q.chat.events.filter(
      (e): e is Progress => e.generationId === generationId && e.type === 'progress' && e.key === 'queueRateLimitedUntil',
    );
  const chatPosts = () => q.agg.requests.filter((r) => r.method === 'POST' && r.path.includes('/chat/completions'));
  const jobOf = async (generationId: string) => (await q.jobs()).find((job) => job.generationId === generationId);

  it('waits as long as Retry-After says, saying until when, while another provider’s job starts and finishes', async () => {
    rateLimitNext(q.agg, { path: '/chat/completions', retryAfter: '2' });
    const started = Date.now();
    const limited = await q.chat.send({ providerId: 'agg', prompt: 'A red fox' });
    await q.until(() => waits(limited.generationId).length === 1);
    const job = await jobOf(limited.generationId);
    expect(job?.state).toBe('queued');
    expect(job?.retryAt).toBeGreaterThanOrEqual(started + 1900);
    const [line] = waits(limited.generationId);
    expect(line?.params).toMatchObject({ name: 'Aggregator', retry: '1', of: '3' });
    expect(line?.params?.time).toMatch(/^\d\d:\d\d:\d\d$/);
    expect(line?.message).toBe(
      CORE_MESSAGES.queueRateLimitedUntil
        .replace('{{name}}', 'Aggregator')
        .replace('{{time}}', line!.params!.time!)
        .replace('{{retry}}', '1')
        .replace('{{of}}', '3'),
    );

    // Another provider's prompt goes and ends while the aggregator's waits: the wait holds no place.
    const other = await q.chat.send({ providerId: 'img', prompt: 'A lighthouse' });
    expect(other.queued).toBeUndefined();
    expect((await q.chat.finished(other.generationId)).status).toBe('complete');
    expect(await stateOf(q, limited.generationId)).toBe('queued');

    const end = await q.chat.finished(limited.generationId);
    expect(end.status).toBe('complete');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect(chatPosts()).toHaveLength(2);
    expect(q.agg.chats).toHaveLength(1);
    expect(await jobOf(limited.generationId)).toMatchObject({ state: 'done', retryAt: null });
  });

  it('reads a Retry-After given as an HTTP date (the Images API)', async () => {
    rateLimitNext(images, { path: '/images/generations', retryAfter: new Date(Date.now() + 2000) });
    const started = Date.now();
    const sent = await q.chat.send({ providerId: 'img', prompt: 'A harbour', params: { quality: 'low' } });
    await q.until(() => waits(sent.generationId).length === 1);
    expect((await jobOf(sent.generationId))?.retryAt).toBeGreaterThan(started + 900);
    expect((await q.chat.finished(sent.generationId)).status).toBe('complete');
    // An HTTP date counts whole seconds: at least one of the two passed.
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(images.generations).toHaveLength(1);
  });

  it('backs off without a Retry-After, and fails clearly after three waits', async () => {
    rateLimitNext(q.agg, { path: '/chat/completions', times: 4 });
    const sent = await q.chat.send({ providerId: 'agg', prompt: 'A windmill' });
    const end = await q.chat.finished(sent.generationId);
    expect(end.status).toBe('error');
    expect(end.error).toMatchObject({ code: 'rate_limited', key: 'queueRateLimitedGaveUp', params: { name: 'Aggregator', tries: '4' } });
    expect(end.error?.message).toBe(CORE_MESSAGES.queueRateLimitedGaveUp.replace('{{name}}', 'Aggregator').replace('{{tries}}', '4'));
    expect(waits(sent.generationId).map((e) => e.params?.retry)).toEqual(['1', '2', '3']);
    expect(chatPosts()).toHaveLength(4);
    expect(q.core.conversations.requireMessage(sent.assistantMessage.id).status).toBe('error');
    expect(await stateOf(q, sent.generationId)).toBe('failed');
  });

  it('a job waiting out a 429 can be cancelled, and is never sent again', async () => {
    rateLimitNext(q.agg, { path: '/chat/completions', retryAfter: '30' });
    const sent = await q.chat.send({ providerId: 'agg', prompt: 'A bridge' });
    await q.until(() => waits(sent.generationId).length === 1);
    await q.chat.cancel(sent.generationId);
    expect((await q.chat.finished(sent.generationId)).status).toBe('cancelled');
    expect(await stateOf(q, sent.generationId)).toBe('cancelled');
    expect(chatPosts()).toHaveLength(1);
  });

  it('GigaChat refuses a second personal-scope stream with 429: it waits and goes once the first has ended', async () => {
    Object.assign(RATE_LIMIT_RETRIES, { backoffMs: 300 });
    // Allowed two at once in Holst, against the service's one: the service's own refusal is waited out.
    await q.core.settings.update((s) => ({ ...s, providers: s.providers.map((p) => (p.id === 'giga' ? { ...p, maxConcurrent: 2 } : p)) }));
    const held = gate();
    q.giga.answers.push({ text: 'The first.', sse: { holdLastPiece: held.held } }, { text: 'The second.' });
    const first = await q.chat.send({ providerId: 'giga', prompt: 'Draw a cat' });
    const second = await q.chat.send({ providerId: 'giga', prompt: 'Draw a dog' });
    await q.until(() => q.giga.refusedStreams === 1 && waits(second.generationId).length === 1);
    expect(await stateOf(q, second.generationId)).toBe('queued');
    held.release();
    expect((await q.chat.finished(first.generationId)).status).toBe('complete');
    const end = await q.chat.finished(second.generationId);
    expect(end.status).toBe('complete');
    expect(end.message.text).toContain('The second.');
    expect(q.giga.peakStreams).toBe(1);
  });

  it('Givon: a 429 to a poll waits in the queue, then the same job is followed again; one create', async () => {
    givon.mode = 'job';
    givon.pollsNeeded = 2;
    rateLimitNext(givon, { method: 'GET', path: '/generations/', retryAfter: '1' });
    const sent = await q.chat.send({ providerId: 'givon', prompt: 'A tower' });
    await q.until(() => waits(sent.generationId).length === 1);
    const end = await q.chat.finished(sent.generationId);
    expect(end.status).toBe('complete');
    expect(end.message.imageIds).toHaveLength(1);
    expect(givon.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(givon.jobs.size).toBe(1);
  });

  it('Givon: a 429 to the create itself is waited out too (nothing was taken, so it is sent again)', async () => {
    rateLimitNext(givon, { method: 'POST', path: '/generations', retryAfter: '0' });
    const sent = await q.chat.send({ providerId: 'givon', prompt: 'A lantern' });
    const end = await q.chat.finished(sent.generationId);
    expect(end.status).toBe('complete');
    expect(waits(sent.generationId)).toHaveLength(1);
    expect(givon.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
    expect(givon.jobs.size).toBe(1);
  });
});
