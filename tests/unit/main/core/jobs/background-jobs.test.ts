import { describe, expect, it } from 'vitest';
import { isHolstError } from '../../../../../src/shared/errors';
import { BackgroundJobs, PROGRESS_INTERVAL_MS, type JobReport } from '../../../../../src/main/core/jobs/background-jobs';
import { silentLogger } from '../../../../../src/main/core/logging/log';

type Report = JobReport & { note?: string };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('background jobs', () => {
  it('answers the id before any report, throttles progress, and always ends with one final report', async () => {
    const jobs = new BackgroundJobs(silentLogger);
    const reports: Report[] = [];
    const order: string[] = [];
    const { jobId } = jobs.start<Report>({
      kind: 'export',
      report: (report) => reports.push(report),
      run: async ({ progress }) => {
        for (let done = 0; done < 50; done++) progress({ done, total: 50, finished: false });
        await sleep(PROGRESS_INTERVAL_MS + 20);
        progress({ done: 50, total: 50, finished: false });
        return { done: 50, total: 50, finished: true, note: 'ok' };
      },
      failed: () => ({ done: 0, total: 50, finished: true }),
      settled: () => order.push('settled'),
    });
    expect(reports).toEqual([]);
    expect(jobs.list()).toEqual([{ jobId, kind: 'export' }]);
    await jobs.settled(jobId);
    expect(reports.map((r) => r.done)).toEqual([0, 50, 50]);
    expect(reports.every((r) => r.jobId === jobId)).toBe(true);
    expect(reports.at(-1)).toEqual({ jobId, done: 50, total: 50, finished: true, note: 'ok' });
    expect(order).toEqual(['settled']);
    expect(jobs.list()).toEqual([]);
  });

  it('cancels by id and kind; a job of another kind is refused', async () => {
    const jobs = new BackgroundJobs(silentLogger);
    const reports: Report[] = [];
    const { jobId } = jobs.start<Report>({
      kind: 'import',
      report: (report) => reports.push(report),
      run: async ({ signal }) => {
        while (!signal.aborted) await sleep(5);
        return { done: 1, total: 9, finished: true, note: 'stopped' };
      },
      failed: () => ({ done: 0, total: 9, finished: true }),
    });
    let refused: unknown;
    try {
      jobs.cancel('export', jobId);
    } catch (error) {
      refused = error;
    }
    expect(isHolstError(refused) && refused.code).toBe('invalid_input');
    jobs.cancel('import', jobId);
    await jobs.settled(jobId);
    expect(reports).toEqual([{ jobId, done: 1, total: 9, finished: true, note: 'stopped' }]);
    expect(() => jobs.cancel('import', jobId)).not.toThrow();
  });

  it('a job that throws still sends its final report', async () => {
    const jobs = new BackgroundJobs(silentLogger);
    const reports: Report[] = [];
    const { jobId } = jobs.start<Report>({
      kind: 'export',
      report: (report) => reports.push(report),
      run: () => Promise.reject(new Error('disk full')),
      failed: (error) => ({ done: 0, total: 3, finished: true, note: (error as Error).message }),
    });
    await jobs.settled(jobId);
    expect(reports).toEqual([{ jobId, done: 0, total: 3, finished: true, note: 'disk full' }]);
  });
});
