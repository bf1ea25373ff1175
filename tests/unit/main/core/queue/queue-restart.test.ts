// The generation queue across restarts (issue 23, points 1 and 3): a queued job runs at the next
// start, one found running is interrupted and never sent again by itself, a row that cannot be read
// is skipped with a log line and blocks nothing, and a job whose provider was removed fails with a
// sentence naming it. Real SQLite, real reference servers, the core reopened on the same folder.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../../../src/main/core/app-core';
import { apiKeyEnvName } from '../../../../../src/main/core/secrets/secret-store';
import { CORE_MESSAGES } from '../../../../../src/shared/core-messages';
import { call } from '../../../../support/core';
import { testKeychainService } from '../../../../support/keychain';
import { gate, setUpQueue, stateOf, type QueueSetup } from '../../../../support/queue-setup';
import { removeTempDirs } from '../../../../support/temp-dir';

afterAll(removeTempDirs);

describe('the generation queue across restarts', () => {
  let q: QueueSetup;
  beforeEach(async () => {
    q = await setUpQueue();
  });
  afterEach(() => q.close());

  it('runs a queued job at the next start, and marks the running one interrupted without sending it again', async () => {
    await q.core.settings.update((s) => ({ ...s, queue: { maxConcurrent: 1 } }));
    const held = gate();
    q.agg.answers.push({ images: 0, text: 'Half an answer. '.repeat(30), sse: { holdLastPiece: held.held } });
    const running = await q.chat.send({ providerId: 'agg', prompt: 'A lighthouse' });
    const queued = await q.chat.send({ providerId: 'agg', prompt: 'A harbour' });
    expect(queued.queued).toBe(true);
    await q.until(async () => (await stateOf(q, running.generationId)) === 'running' && q.agg.chats.length === 1);

    q.agg.answers.push({ images: 0, text: 'The harbour, after the restart.' });
    await q.restart();
    held.release();
    expect((await q.chat.finished(queued.generationId)).status).toBe('complete');
    expect(await stateOf(q, queued.generationId)).toBe('done');
    expect(await stateOf(q, running.generationId)).toBe('interrupted');
    const answer = q.core.conversations.requireMessage(running.assistantMessage.id);
    expect(answer.status).toBe('interrupted');
    const harbour = q.core.conversations.requireMessage(queued.assistantMessage.id);
    expect(harbour).toMatchObject({ status: 'complete', text: 'The harbour, after the restart.' });
    // Each prompt reached the provider once: the interrupted one was not sent again.
    expect(q.agg.chats.map((c) => c.texts[0])).toEqual(['A lighthouse', 'A harbour']);

    // Nor at the start after that.
    await q.restart();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(q.agg.chats).toHaveLength(2);
    expect(await stateOf(q, running.generationId)).toBe('interrupted');
  });

  it('skips a row it cannot read with one log line, and the queue goes on', async () => {
    await call(q.core, 'queue.pause', undefined);
    const queued = await q.chat.send({ providerId: 'agg', prompt: 'A windmill' });
    const { db } = q.core.library;
    // An ended job in a newer Holst's state, and a waiting one whose message id is not a number.
    const columns = 'id, conversation_id, user_message_id, answer_message_id, provider, model, state, position, created_at, finished_at';
    const insert = db.prepare(`INSERT INTO generation_jobs (${columns}) VALUES (?, ?, ?, ?, 'agg', 'gpt-4o-image', ?, ?, ?, ?)`);
    const { conversationId, userMessage, assistantMessage } = queued;
    insert.run('from-the-future', conversationId, userMessage.id, assistantMessage.id, 'reticulating', 0, Date.now(), Date.now());
    insert.run('damaged', conversationId, 'not a number', assistantMessage.id, 'queued', -1, Date.now(), null);

    const listed = await q.jobs();
    expect(listed.map((job) => job.generationId)).toEqual([queued.generationId]);
    await q.jobs();
    const skipped = q.log.lines.filter((line) => line.includes('cannot be read'));
    expect(skipped).toHaveLength(2);

    q.agg.answers.push({ images: 0, text: 'The windmill.' });
    await q.restart();
    await call(q.core, 'queue.resume', undefined);
    expect((await q.chat.finished(queued.generationId)).status).toBe('complete');
    expect(q.agg.chats.map((c) => c.texts[0])).toEqual(['A windmill']);
    expect(q.log.lines.some((line) => line.startsWith('warn queue: job row') && line.includes('skipped'))).toBe(true);
  });

  it('fails a job whose provider was removed while it waited, naming the provider', async () => {
    await call(q.core, 'queue.pause', undefined);
    const queued = await q.chat.send({ providerId: 'agg', prompt: 'A tower' });
    await q.core.settings.update((draft) => ({ ...draft, providers: draft.providers.filter((p) => p.id !== 'agg') }));
    await call(q.core, 'queue.resume', undefined);
    const end = await q.chat.finished(queued.generationId);
    expect(end.status).toBe('error');
    expect(end.error).toMatchObject({ code: 'not_found', key: 'queueProviderRemoved', params: { provider: 'agg' } });
    expect(end.error?.message).toBe(CORE_MESSAGES.queueProviderRemoved.replace('{{provider}}', 'agg'));
    expect(q.agg.chats).toHaveLength(0);
    const job = (await q.jobs()).find((j) => j.generationId === queued.generationId);
    expect(job).toMatchObject({ state: 'failed', error: { code: 'not_found', key: 'queueProviderRemoved' } });
    expect(q.core.conversations.requireMessage(queued.assistantMessage.id).status).toBe('error');
  });

  it('the CLI runs what it sends even with the window’s queue paused, and leaves the app’s queued jobs alone', async () => {
    await call(q.core, 'queue.pause', undefined);
    const left = await q.chat.send({ providerId: 'agg', prompt: 'Left for the app' });
    expect(left.queued).toBe(true);
    // A terminal command while the app is open, on the same data folder.
    const cli = await openCore({
      dataDir: q.dataDir,
      shell: 'cli',
      settingsPolicy: 'fail',
      env: { HOLST_KEYCHAIN_SERVICE: testKeychainService(), [apiKeyEnvName('agg')]: q.agg.apiKey },
      logger: q.log,
      keychainProbe: 'on-first-use',
    });
    try {
      q.agg.answers.push({ images: 0, text: 'From the terminal.' });
      const conversation = cli.conversations.create('terminal');
      const sent = cli.chat.send({ providerId: 'agg', conversationId: conversation.id, prompt: 'From the CLI', imageIds: [], params: {} });
      expect((await cli.chat.settled(sent.generationId))?.status).toBe('complete');
      expect(q.agg.chats.map((c) => c.texts[0])).toEqual(['From the CLI']);
      expect(cli.chat.queue.view().jobs.find((job) => job.generationId === left.generationId)?.state).toBe('queued');
    } finally {
      cli.close();
    }
    expect(await stateOf(q, left.generationId)).toBe('queued');
    expect(q.core.conversations.requireMessage(left.assistantMessage.id).status).toBe('streaming');
  });
});
