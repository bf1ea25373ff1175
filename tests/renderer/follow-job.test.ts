// The window follows a background job of the core (import, export) with one helper: it hears the
// job's reports even when they come before the answer carrying its id, follows that job only, and
// stops listening once the job is over.
import { describe, expect, it } from 'vitest';
import { HolstError } from '../../src/shared/errors';
import type { ExportProgress, ImportProgress } from '../../src/shared/library';
import { unwrap } from '../../src/renderer/bridge';
import { followJob } from '../../src/renderer/lib/follow-job';
import { bridgeDouble, deferred, settle } from './support/bridge-double';

const importReport = (jobId: string, done: number, total: number, finished = false): ImportProgress => ({
  jobId,
  done,
  total,
  current: null,
  finished,
});
const exportReport = (jobId: string, done: number, total: number, extra: Partial<ExportProgress> = {}): ExportProgress => ({
  jobId,
  done,
  total,
  finished: false,
  ...extra,
});

/** A bridge whose start answers when the test says, and a follower that notes what it was told. */
function importJob() {
  const bridge = bridgeDouble({ 'library.cancelImport': () => null });
  const answer = deferred<{ jobId: string | null }>();
  const seen: { started: string[]; progress: ImportProgress[] } = { started: [], progress: [] };
  const job = followJob(bridge.api, 'library.importProgress', () => answer.promise, {
    started: (jobId) => seen.started.push(jobId),
    progress: (report) => seen.progress.push(report),
  });
  return { bridge, answer, seen, job };
}

describe('following a background job', () => {
  it('subscribes before the job starts and keeps the progress that comes before the id', async () => {
    const { bridge, answer, seen } = importJob();
    expect(bridge.listening('library.importProgress')).toBe(1);
    // Reports of this job and of another, all before the answer carrying the id.
    bridge.emit('library.importProgress', importReport('other', 5, 50));
    bridge.emit('library.importProgress', importReport('mine', 1, 10));
    bridge.emit('library.importProgress', importReport('mine', 2, 10));
    expect(seen.progress).toEqual([]);

    answer.resolve({ jobId: 'mine' });
    await settle();
    expect(seen.started).toEqual(['mine']);
    // The newest held report of this job, not the other job's.
    expect(seen.progress).toEqual([importReport('mine', 2, 10)]);

    bridge.emit('library.importProgress', importReport('other', 6, 50));
    bridge.emit('library.importProgress', importReport('mine', 3, 10));
    expect(seen.progress.map((r) => [r.jobId, r.done])).toEqual([
      ['mine', 2],
      ['mine', 3],
    ]);
  });

  it('ends on the final report: the result is that report, and it stops listening', async () => {
    const { bridge, answer, seen, job } = importJob();
    answer.resolve({ jobId: 'mine' });
    await settle();
    bridge.emit('library.importProgress', importReport('mine', 4, 4, true));
    await expect(job.result).resolves.toEqual(importReport('mine', 4, 4, true));
    expect(bridge.listening('library.importProgress')).toBe(0);
    // The final report is no progress report, and nothing after it is heard.
    bridge.emit('library.importProgress', importReport('mine', 9, 9));
    expect(seen.progress).toEqual([]);
    // Nothing left to stop.
    await job.cancel();
    expect(bridge.inputs('library.cancelImport')).toEqual([]);
  });

  it('ends at once when the final report came before the id', async () => {
    const { bridge, answer, seen, job } = importJob();
    bridge.emit('library.importProgress', importReport('mine', 1, 2));
    bridge.emit('library.importProgress', importReport('mine', 2, 2, true));
    answer.resolve({ jobId: 'mine' });
    await expect(job.result).resolves.toMatchObject({ jobId: 'mine', done: 2, finished: true });
    expect(seen.progress).toEqual([]);
    expect(bridge.listening('library.importProgress')).toBe(0);
  });

  it('cancels as soon as the id arrives when Cancel came first, and still waits for the final report', async () => {
    const { bridge, answer, job } = importJob();
    const cancelled = job.cancel();
    // The same Cancel pressed twice asks once.
    void job.cancel();
    expect(bridge.inputs('library.cancelImport')).toEqual([]);
    answer.resolve({ jobId: 'mine' });
    await cancelled;
    expect(bridge.inputs('library.cancelImport')).toEqual([{ jobId: 'mine' }]);
    expect(bridge.listening('library.importProgress')).toBe(1);
    // What the job did until it stopped comes as its final report.
    bridge.emit('library.importProgress', importReport('mine', 1, 10, true));
    await expect(job.result).resolves.toMatchObject({ done: 1, finished: true });
  });

  it('cancels a job whose id is known through the channel of its kind, and says when that fails', async () => {
    const bridge = bridgeDouble({ 'library.exportMany': () => ({ jobId: 'e1' }) });
    const progress: ExportProgress[] = [];
    const job = followJob(
      bridge.api,
      'library.exportProgress',
      () => unwrap(bridge.api.library.exportMany({ selection: { ids: [1, 2, 3] }, format: 'zip', to: '/tmp/x.zip' })),
      {
        progress: (report) => progress.push(report),
      },
    );
    await settle();
    bridge.emit('library.exportProgress', exportReport('e1', 1, 3));
    expect(progress).toEqual([exportReport('e1', 1, 3)]);

    // No answer for cancelExport in this double: the refusal reaches the caller.
    await expect(job.cancel()).rejects.toBeInstanceOf(HolstError);
    bridge.answer('library.cancelExport', () => null);
    await job.cancel();
    expect(bridge.inputs('library.cancelExport')).toEqual([{ jobId: 'e1' }, { jobId: 'e1' }]);
    expect(bridge.calls.some((c) => c.channel === 'library.cancelImport')).toBe(false);

    bridge.emit('library.exportProgress', exportReport('e1', 1, 3, { finished: true, cancelled: true }));
    await expect(job.result).resolves.toMatchObject({ cancelled: true, finished: true });
  });

  it('ends when the start answers no job (a dialog closed without choosing); a Cancel waiting for it asks nothing', async () => {
    const { bridge, answer, seen, job } = importJob();
    const cancelled = job.cancel();
    answer.resolve({ jobId: null });
    await expect(job.result).resolves.toBeNull();
    await cancelled;
    expect(bridge.inputs('library.cancelImport')).toEqual([]);
    expect(seen.started).toEqual([]);
    expect(bridge.listening('library.importProgress')).toBe(0);
  });

  it('ends when the start fails, the error reaching the caller', async () => {
    const { bridge, answer, job } = importJob();
    answer.reject(new HolstError('storage', 'The disk is full'));
    await expect(job.result).rejects.toMatchObject({ code: 'storage' });
    expect(bridge.listening('library.importProgress')).toBe(0);

    // A start that throws before it gives a promise fails the same way.
    const thrown = followJob(bridge.api, 'library.importProgress', () => {
      throw new HolstError('internal', 'No bridge');
    });
    await expect(thrown.result).rejects.toMatchObject({ code: 'internal' });
    expect(bridge.listening('library.importProgress')).toBe(0);
  });

  it('stops following on unfollow without stopping the job; a Cancel pressed before still goes', async () => {
    const { bridge, answer, seen, job } = importJob();
    const cancelled = job.cancel();
    job.unfollow();
    expect(bridge.listening('library.importProgress')).toBe(0);
    answer.resolve({ jobId: 'mine' });
    await cancelled;
    expect(bridge.inputs('library.cancelImport')).toEqual([{ jobId: 'mine' }]);
    expect(seen.started).toEqual([]);
    expect(seen.progress).toEqual([]);
  });
});
