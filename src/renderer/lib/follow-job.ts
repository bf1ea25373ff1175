/**
 * Follows one background job of the core (an import, an export; the generation queue next) from
 * the window. The core answers the job's id at once and sends its reports as events, but over IPC
 * or the WebSocket a report can reach the window before the answer carrying the id. So the helper
 * subscribes before it starts the job, holds each job's newest report until the id is known, then
 * goes on from the held report of that id and ignores every other job's.
 */
import type { EventName, EventPayload, HolstApi } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { unwrap } from '../bridge';

/** What every job report carries (the core's JobReport); each kind adds its own fields. */
interface JobReport {
  jobId: string;
  done: number;
  total: number;
  finished: boolean;
}

/** The contract's events that report a background job. */
export type JobEvent = { [E in EventName]: EventPayload<E> extends JobReport ? E : never }[EventName];

/** How each kind of job is stopped: a new job event must name its cancel channel here. */
const cancelChannel = {
  'library.importProgress': (bridge, jobId) => bridge.library.cancelImport({ jobId }),
  'library.exportProgress': (bridge, jobId) => bridge.library.cancelExport({ jobId }),
} satisfies Record<JobEvent, (bridge: HolstApi, jobId: string) => Promise<Result<null>>>;

export interface JobFollower<R> {
  /** The start answered the job's id: its reports (any held ones first) follow. */
  started?(jobId: string): void;
  /** A report on the way: a snapshot (done of total), so the newest says all the earlier ones did. */
  progress?(report: R): void;
}

export interface FollowedJob<R> {
  /**
   * The job's final report (there is always one, cancelled or failed too); null when no job started
   * (the user closed the desktop app's dialog without choosing). Rejects when the start failed.
   * Never settles once `unfollow` was called.
   */
  readonly result: Promise<R | null>;
  /**
   * Asks the core to stop the job: now, or as soon as its id arrives when Cancel came first. The
   * job still sends its final report (what it did until then), which ends the following as always.
   * Settles once the core answered (at once when there is nothing left to stop).
   */
  cancel(): Promise<void>;
  /** Stops following, without stopping the job (the window that showed it went away). */
  unfollow(): void;
}

/**
 * Subscribes to `event`, then starts the job with `start`, and follows the job whose id it answers
 * until its final report. Ends (unsubscribes) on that report, when the start answers no job, when
 * it fails, or on `unfollow`.
 */
export function followJob<E extends JobEvent>(
  bridge: HolstApi,
  event: E,
  start: () => Promise<{ jobId: string | null }>,
  follower: JobFollower<EventPayload<E>> = {},
): FollowedJob<EventPayload<E>> {
  type Report = EventPayload<E>;
  let jobId: string | null = null;
  let ended = false;
  /** Each job's newest report while the id is not known yet. */
  const held = new Map<string, Report>();
  /** Cancel came before the id: called with the id once it arrives (null: no job to stop). */
  let cancelWhenStarted: ((id: string | null) => void) | null = null;
  let pendingCancel: Promise<void> | null = null;

  let finish!: (report: Report | null) => void;
  let fail!: (error: unknown) => void;
  const result = new Promise<Report | null>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });

  const end = () => {
    ended = true;
    held.clear();
    off();
  };
  const take = (report: Report) => {
    if (!report.finished) return follower.progress?.(report);
    end();
    finish(report);
  };
  const off = bridge.on(event, (report) => {
    if (ended) return;
    if (jobId === null) held.set(report.jobId, report);
    else if (report.jobId === jobId) take(report);
  });
  const stop = (id: string) => unwrap(cancelChannel[event](bridge, id)).then(() => undefined);

  // A start that throws before its promise counts as a failed start too.
  new Promise<{ jobId: string | null }>((resolve) => resolve(start())).then(
    ({ jobId: id }) => {
      cancelWhenStarted?.(id);
      if (ended) return;
      if (id === null) {
        end();
        return finish(null);
      }
      jobId = id;
      const before = held.get(id);
      held.clear();
      follower.started?.(id);
      // The final report may be among those held: then the job is over already.
      if (before && !ended) take(before);
    },
    (error: unknown) => {
      cancelWhenStarted?.(null);
      if (ended) return;
      end();
      fail(error);
    },
  );

  return {
    result,
    cancel() {
      if (ended) return Promise.resolve();
      if (jobId !== null) return stop(jobId);
      pendingCancel ??= new Promise<void>((resolve, reject) => {
        cancelWhenStarted = (id) => (id === null ? resolve() : stop(id).then(resolve, reject));
      });
      return pendingCancel;
    },
    unfollow: end,
  };
}
