// `holst queue list` and `holst queue cancel` (issue 23, point 8), the built command run beside a
// core opened as the app opens it (its own process's queue, against the reference servers): the
// list shows the app's jobs in queue order, and a job cancelled from the terminal is never sent.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runHolst } from '../../support/cli';
import { call } from '../../support/core';
import { testKeychainService } from '../../support/keychain';
import { setUpQueue, type QueueSetup } from '../../support/queue-setup';
import { removeTempDirs } from '../../support/temp-dir';

afterAll(removeTempDirs);

interface ListedJob {
  id: string;
  state: string;
  conversationId: number;
  messageId: number;
  provider: string;
  model: string | null;
  prompt: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: { code: string; message: string } | null;
}
interface Listed {
  paused: boolean;
  maxConcurrent: number;
  jobs: ListedJob[];
}

let q: QueueSetup;
beforeEach(async () => {
  q = await setUpQueue();
});
afterEach(() => q.close());

const holst = (...args: string[]) =>
  runHolst(['--data-dir', q.dataDir, ...args], { env: { HOLST_KEYCHAIN_SERVICE: testKeychainService() } });

describe('holst queue', () => {
  it('lists the app’s jobs in queue order and cancels a waiting one there, which is never sent', async () => {
    await call(q.core, 'queue.pause', undefined);
    const kite = await q.chat.send({ providerId: 'agg', prompt: 'A paused kite' });
    const swan = await q.chat.send({ providerId: 'agg', prompt: 'A paused\nswan' });

    const listed = await holst('--json', 'queue', 'list');
    expect(listed.code).toBe(0);
    const view = listed.json() as Listed;
    expect(view.paused).toBe(true);
    expect(view.maxConcurrent).toBe(6);
    expect(view.jobs.map((job) => [job.id, job.state, job.provider, job.prompt])).toEqual([
      [kite.generationId, 'queued', 'agg', 'A paused kite'],
      [swan.generationId, 'queued', 'agg', 'A paused\nswan'],
    ]);
    expect(view.jobs[0]).toMatchObject({
      conversationId: kite.conversationId,
      messageId: kite.assistantMessage.id,
      model: 'gpt-4o-image',
      startedAt: null,
      finishedAt: null,
      error: null,
    });
    expect(new Date(view.jobs[0]!.createdAt).toISOString()).toBe(view.jobs[0]!.createdAt);

    const text = await holst('queue', 'list');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('The queue is paused');
    expect(text.stdout).toContain('2 waiting or running');
    // One line a job: its whole id first, the prompt on one line.
    const lines = text.stdout.split('\n');
    expect(lines.find((line) => line.startsWith(swan.generationId))).toMatch(/queued\s+agg\/gpt-4o-image\s+\d+ s\s+A paused swan$/);

    // The start of an id is enough when only one job has it.
    const cancelled = await holst('--json', 'queue', 'cancel', kite.generationId.slice(0, 8));
    expect(cancelled.code).toBe(0);
    expect(cancelled.json()).toMatchObject({ cancelled: true, job: { id: kite.generationId, state: 'cancelled' } });
    // The app sees it within a second: the answer ends stopped, and it is never sent.
    const end = await q.chat.finished(kite.generationId);
    expect(end.status).toBe('cancelled');
    expect(end.message.status).toBe('cancelled');
    q.agg.answers.push({ images: 0, text: 'A swan.' });
    await call(q.core, 'queue.resume', undefined);
    expect((await q.chat.finished(swan.generationId)).status).toBe('complete');
    expect(q.agg.chats.map((chat) => chat.texts[0])).toEqual(['A paused\nswan']);

    // Cancelling it again changes nothing and says so.
    const again = await holst('queue', 'cancel', kite.generationId);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('had already ended (cancelled)');
    // Ended jobs come after the open ones, newest first, as many as --limit says.
    const ended = (await holst('--json', 'queue', 'list', '--limit', '1')).json() as Listed;
    expect(ended.jobs.map((job) => [job.id, job.state])).toEqual([[swan.generationId, 'done']]);
    expect(ended.jobs[0]!.finishedAt).not.toBeNull();
  });

  it('refuses a bad --limit or no id, and names an unknown job', async () => {
    const limit = await holst('--json', 'queue', 'list', '--limit', '5000');
    expect(limit.code).toBe(2);
    expect((limit.json() as { error: { code: string } }).error.code).toBe('invalid_input');
    const none = await holst('--json', 'queue', 'cancel');
    expect(none.code).toBe(2);
    const unknown = await holst('--json', 'queue', 'cancel', 'no-such-job');
    expect(unknown.code).toBe(5);
    expect((unknown.json() as { error: { code: string; message: string } }).error.code).toBe('not_found');
    const sub = await holst('queue', 'clear');
    expect(sub.code).toBe(2);
    expect(sub.stderr).toContain('Unknown command "queue clear"');
    const help = await holst('--help');
    expect(help.stdout).toContain('holst queue list [--limit N]');
    expect(help.stdout).toContain('holst queue cancel ID');
  });
});
