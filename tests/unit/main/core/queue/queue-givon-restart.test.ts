// A Givon job in flight across a restart (issue 23, point 3): the moment Givon has taken a prompt as
// a job, its id is kept with the queue's job; a core closed while it runs and a new one opened on
// the same data folder follows that job by its id (the reference server sees one create), and the
// picture lands in the library and the answer. A job the service no longer knows fails with a
// sentence saying so; one whose create had not been answered is interrupted, never sent again.
// Real SQLite, the Givon reference server, the core reopened as the app reopens it.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generate } from '../../../../../src/main/core/generation/generate';
import { GIVON_POLL } from '../../../../../src/main/core/providers/givon';
import { CORE_MESSAGES } from '../../../../../src/shared/core-messages';
import { startGivonServer, type GivonJob, type GivonServer } from '../../../../servers/givon-server';
import { call } from '../../../../support/core';
import { setUpQueue, stateOf, type QueueSetup } from '../../../../support/queue-setup';
import { removeTempDirs } from '../../../../support/temp-dir';

afterAll(removeTempDirs);

const defaultPoll = { ...GIVON_POLL };
/** Polls the job answers before it finishes: more than a test ever waits, until the test lets it finish. */
const FOREVER = 1_000_000;

describe('a Givon job in flight across a restart', () => {
  let q: QueueSetup;
  let givon: GivonServer;
  beforeEach(async () => {
    Object.assign(GIVON_POLL, { firstMs: 10, factor: 1.5, maxMs: 40, maxWaitMs: 20_000 });
    givon = await startGivonServer();
    givon.mode = 'job';
    givon.pollsNeeded = FOREVER;
    q = await setUpQueue({
      providers: [{ id: 'givon', kind: 'givon', name: 'Givon', baseUrl: givon.baseUrl, models: ['gpt-image-2'] }],
      keys: { givon: givon.apiKey },
    });
  });
  afterEach(async () => {
    Object.assign(GIVON_POLL, defaultPoll);
    await q.close();
    await givon.close();
  });

  const creates = () => givon.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/generations'));
  const polls = () => givon.requests.filter((r) => r.method === 'GET' && r.path.includes('/generations/'));
  const onlyJob = (): GivonJob => {
    expect(givon.jobs.size).toBe(1);
    return [...givon.jobs.values()][0]!;
  };
  /** The Givon job id kept with the queue's job, as the database holds it. */
  const savedJob = (generationId: string) => {
    const row = q.core.library.db.prepare('SELECT remote_job FROM generation_jobs WHERE id = ?').get(generationId) as
      { remote_job: string | null } | undefined;
    return row?.remote_job ? (JSON.parse(row.remote_job) as { id: string; baseUrl: string }) : null;
  };

  it('keeps the job id at once, follows it after the restart, and the picture lands: one create', async () => {
    const sent = await q.chat.send({ providerId: 'givon', prompt: 'A lighthouse at dawn' });
    await q.until(() => polls().length >= 2);
    const job = onlyJob();
    expect(savedJob(sent.generationId)).toEqual({ id: job.id, baseUrl: givon.baseUrl });
    expect(await stateOf(q, sent.generationId)).toBe('running');

    // The service finishes the job while Holst is closed; the next look at it finds the picture.
    await q.restart(() => void (job.pollsNeeded = job.polls));
    const end = await q.chat.finished(sent.generationId);
    expect(end.status).toBe('complete');
    expect(end.message.imageIds).toHaveLength(1);
    expect(creates()).toHaveLength(1);
    expect(await stateOf(q, sent.generationId)).toBe('done');

    const picture = q.core.library.require(end.message.imageIds[0]!);
    expect(picture).toMatchObject({ provider: 'givon', prompt: 'A lighthouse at dawn', conversationId: sent.conversationId });
    const answer = q.core.conversations.requireMessage(sent.assistantMessage.id);
    expect(answer).toMatchObject({ status: 'complete', imageIds: [picture.id] });
    // It was followed, not interrupted: the log says so, and no answer was marked interrupted.
    expect(q.log.lines.some((line) => line.includes('provider job(s) in flight at the last stop are followed again'))).toBe(true);

    // Nor is it followed or sent again at the start after that.
    const seen = givon.requests.length;
    await q.restart();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(givon.requests).toHaveLength(seen);
  });

  it('shows the job’s progress again after the restart', async () => {
    const sent = await q.chat.send({ providerId: 'givon', prompt: 'A harbour' });
    await q.until(() => savedJob(sent.generationId) !== null && polls().length >= 1);
    await q.restart();
    await q.until(() =>
      q.chat.events.some((e) => e.generationId === sent.generationId && e.type === 'progress' && e.key === 'givonProcessing'),
    );
    onlyJob().pollsNeeded = 0;
    expect((await q.chat.finished(sent.generationId)).status).toBe('complete');
    expect(creates()).toHaveLength(1);
  });

  it('a generation given a Givon job to follow polls it and says so, and creates nothing', async () => {
    // A job the service already has (made here by hand, as a run before a restart would have).
    givon.pollsNeeded = 1;
    const created = await fetch(`${givon.baseUrl}/generations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${givon.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'image', model: 'gpt-image-2', input: { prompt: 'A lighthouse' } }),
    }).then((r) => r.json() as Promise<{ id: string }>);
    const seen: string[] = [];
    const result = await generate(
      q.core,
      { providerId: 'givon', prompt: 'A lighthouse', resume: { id: created.id, baseUrl: givon.baseUrl } },
      {
        onProgress: (event) => {
          if (event.type === 'progress' && event.key) seen.push(event.key);
        },
      },
    );
    expect(result.images).toHaveLength(1);
    expect(seen[0]).toBe('givonResumed');
    expect(creates()).toHaveLength(1);
    expect(polls().length).toBeGreaterThanOrEqual(2);
  });

  it('follows a job in flight even while the queue is paused, and leaves the paused queue’s prompts waiting', async () => {
    const sent = await q.chat.send({ providerId: 'givon', prompt: 'A tower' });
    await q.until(() => savedJob(sent.generationId) !== null);
    await call(q.core, 'queue.pause', undefined);
    const waiting = await q.chat.send({ providerId: 'agg', prompt: 'A bridge' });
    expect(waiting.queued).toBe(true);

    await q.restart();
    onlyJob().pollsNeeded = 0;
    expect((await q.chat.finished(sent.generationId)).status).toBe('complete');
    expect(await stateOf(q, waiting.generationId)).toBe('queued');
    expect(q.agg.chats).toHaveLength(0);
    expect(creates()).toHaveLength(1);
  });

  it('says so when the service no longer knows the job, and never creates it again', async () => {
    const sent = await q.chat.send({ providerId: 'givon', prompt: 'A windmill' });
    await q.until(() => savedJob(sent.generationId) !== null);
    const job = onlyJob();
    // The service forgets the job while Holst is closed (expired).
    await q.restart(() => void givon.jobs.delete(job.id));
    const end = await q.chat.finished(sent.generationId);
    expect(end.status).toBe('error');
    expect(end.error).toMatchObject({ code: 'not_found', key: 'givonJobUnknown', params: { name: 'Givon', id: job.id, status: '404' } });
    expect(end.error?.message).toBe(
      CORE_MESSAGES.givonJobUnknown.replace('{{name}}', 'Givon').replace('{{id}}', job.id).replace('{{status}}', '404'),
    );
    expect(creates()).toHaveLength(1);
    expect(await stateOf(q, sent.generationId)).toBe('failed');
  });

  it('interrupts a Givon prompt whose create was not answered before the stop, and never sends it again', async () => {
    givon.quirks.push({ method: 'POST', path: '/generations', delayMs: 400 });
    const sent = await q.chat.send({ providerId: 'givon', prompt: 'A lantern' });
    await q.until(() => creates().length === 1);
    await q.restart();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await stateOf(q, sent.generationId)).toBe('interrupted');
    expect(q.core.conversations.requireMessage(sent.assistantMessage.id).status).toBe('interrupted');
    expect(creates()).toHaveLength(1);
  });

  it('a saved job id it cannot read is never followed: the job is interrupted, like any other', async () => {
    const sent = await q.chat.send({ providerId: 'givon', prompt: 'A harbour at night' });
    await q.until(() => savedJob(sent.generationId) !== null);
    q.core.library.db.prepare('UPDATE generation_jobs SET remote_job = ? WHERE id = ?').run('{"id": 7', sent.generationId);
    await q.restart();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await stateOf(q, sent.generationId)).toBe('interrupted');
    expect(q.core.conversations.requireMessage(sent.assistantMessage.id).status).toBe('interrupted');
    expect(creates()).toHaveLength(1);
  });
});
