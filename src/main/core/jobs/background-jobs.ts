import { randomUUID } from 'node:crypto';
import { say } from '../../../shared/core-messages';
import { HolstError } from '../../../shared/errors';
import type { Logger } from '../logging/log';

/** What every job's progress report carries; each kind adds its own fields (its contract event's schema). */
export interface JobReport {
  jobId: string;
  done: number;
  total: number;
  finished: boolean;
}

/** At most one progress report per 100 ms (about 10 a second), besides the first and the last. */
export const PROGRESS_INTERVAL_MS = 100;

/** What a running job is handed: its id, its cancel signal, and a way to report progress. */
export interface JobControl<R extends JobReport> {
  readonly jobId: string;
  readonly signal: AbortSignal;
  /** Reports progress; reports closer together than PROGRESS_INTERVAL_MS are dropped, except the first and the final. */
  progress(report: Omit<R, 'jobId'>): void;
}

export interface JobSpec<R extends JobReport> {
  /** What the job is (`import`, `export` …): cancel only stops a job of the kind it names. */
  kind: string;
  /** Sends a report to whoever follows the job (the window's event). */
  report: (report: R) => void;
  /** Does the work; its answer is the final report (finished: true). */
  run: (job: JobControl<R>) => Promise<Omit<R, 'jobId'>>;
  /** The final report when `run` throws (already logged). */
  failed: (error: unknown) => Omit<R, 'jobId'>;
  /** Called once the final report is out. */
  settled?: () => void;
}

/**
 * The one way the core runs work in the background (import, export; the generation queue next):
 * an id answered at once, progress reports throttled, cancel by id, and always one final report,
 * whatever happens. Followers may get progress before they learn the id (the window's helper
 * holds such reports until it does).
 */
export class BackgroundJobs {
  private readonly running = new Map<string, { kind: string; controller: AbortController; settled: Promise<void> }>();

  constructor(private readonly logger: Logger) {}

  start<R extends JobReport>(spec: JobSpec<R>): { jobId: string } {
    const jobId = randomUUID();
    const controller = new AbortController();
    let last = -Infinity;
    const send = (report: Omit<R, 'jobId'>) => spec.report({ ...report, jobId } as R);
    const control: JobControl<R> = {
      jobId,
      signal: controller.signal,
      progress: (report) => {
        const now = Date.now();
        if (!report.finished && now - last < PROGRESS_INTERVAL_MS) return;
        last = now;
        send(report);
      },
    };
    const settled = Promise.resolve()
      .then(() => spec.run(control))
      .then(
        (final) => send({ ...final, finished: true }),
        (error: unknown) => {
          this.logger.error(`${spec.kind} job failed`, error);
          send({ ...spec.failed(error), finished: true });
        },
      )
      .then(() => spec.settled?.())
      .finally(() => this.running.delete(jobId));
    this.running.set(jobId, { kind: spec.kind, controller, settled });
    return { jobId };
  }

  /** Stops a running job of this kind; an id that ended (or never was) is no error: the job is over either way. */
  cancel(kind: string, jobId: string): void {
    const job = this.running.get(jobId);
    if (job && job.kind !== kind) throw HolstError.said('invalid_input', say('jobOtherKind', { id: jobId, kind }), { field: 'jobId' });
    job?.controller.abort();
  }

  /** Stops every job (the app is quitting). */
  cancelAll(): void {
    for (const job of this.running.values()) job.controller.abort();
  }

  /** Resolves once job `jobId` has sent its final report (at once if it is not running). */
  settled(jobId: string): Promise<void> {
    return this.running.get(jobId)?.settled ?? Promise.resolve();
  }

  list(): Array<{ jobId: string; kind: string }> {
    return [...this.running].map(([jobId, job]) => ({ jobId, kind: job.kind }));
  }
}
