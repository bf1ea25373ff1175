/** The queue as the window keeps it: jobs by id in the panel's order, merged from `queue.list` and `queue.changed`. */
import type { JobState, QueueChanged, QueueJob } from '../../../shared/queue';

export interface QueueJobs {
  /** Every job the window knows, by generation id. */
  byId: Record<string, QueueJob>;
  /** Waiting and running jobs in queue order, then the ended ones, newest first. */
  order: string[];
  /** How many jobs are waiting or running (the badge). */
  active: number;
}

export const NO_JOBS: QueueJobs = { byId: {}, order: [], active: 0 };

export const isOpen = (state: JobState) => state === 'queued' || state === 'running';

/**
 * Queue order: waiting and running jobs by their place (then the order their answers were started
 * in, as the core's own order), then the ended ones, the latest to end first.
 */
function before(a: QueueJob, b: QueueJob): number {
  const aOpen = isOpen(a.state);
  const bOpen = isOpen(b.state);
  if (aOpen !== bOpen) return aOpen ? -1 : 1;
  if (aOpen) return a.position - b.position || a.messageId - b.messageId;
  return (b.finishedAt ?? 0) - (a.finishedAt ?? 0) || b.messageId - a.messageId;
}

/** The jobs in order, with at most `keepEnded` ended ones (the newest): the window holds no more history than it shows. */
function ordered(byId: Record<string, QueueJob>, keepEnded: number): QueueJobs {
  const all = Object.values(byId).sort(before);
  const kept: Record<string, QueueJob> = {};
  const order: string[] = [];
  let active = 0;
  let ended = 0;
  for (const job of all) {
    if (isOpen(job.state)) active++;
    else if (++ended > keepEnded) continue;
    kept[job.generationId] = job;
    order.push(job.generationId);
  }
  return { byId: kept, order, active };
}

/** The same job, field for field: a list that brings nothing new keeps the objects the window drew. */
function sameJob(a: QueueJob, b: QueueJob): boolean {
  for (const key of Object.keys(b) as Array<keyof QueueJob>) {
    if (key === 'error' ? a.error?.code !== b.error?.code || a.error?.message !== b.error?.message : a[key] !== b[key]) return false;
  }
  return true;
}

/**
 * The queue as `queue.list` answered it: it replaces whatever the window held, keeping the objects
 * of `previous` for jobs that did not change (their rows are not drawn again).
 */
export function fromList(jobs: readonly QueueJob[], keepEnded: number, previous: Record<string, QueueJob> = {}): QueueJobs {
  const byId: Record<string, QueueJob> = {};
  for (const job of jobs) {
    const known = previous[job.generationId];
    byId[job.generationId] = known && sameJob(known, job) ? known : job;
  }
  return ordered(byId, keepEnded);
}

/**
 * A frame's worth of `queue.changed` events, applied in order as one change. A job that has ended
 * never goes back to waiting or running (an event older than what the window holds is passed over).
 */
export function applyChanges(current: QueueJobs, changes: readonly QueueChanged[], keepEnded: number): QueueJobs {
  const byId = { ...current.byId };
  let touched = false;
  for (const change of changes) {
    for (const job of change.jobs) {
      const known = byId[job.generationId];
      if (known && !isOpen(known.state) && isOpen(job.state)) continue;
      byId[job.generationId] = job;
      touched = true;
    }
  }
  return touched ? ordered(byId, keepEnded) : current;
}

/** A waiting job held by an earlier answer of its conversation still waiting or running ("waiting for the answer above"). */
export function waitsForAnswerAbove(jobs: QueueJobs, job: QueueJob): boolean {
  if (job.state !== 'queued') return false;
  for (const id of jobs.order) {
    const other = jobs.byId[id]!;
    if (!isOpen(other.state)) break;
    if (other.conversationId === job.conversationId && other.messageId < job.messageId) return true;
  }
  return false;
}
