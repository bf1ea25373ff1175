import { say } from '../../../shared/core-messages';
import { HolstError, type ErrorPayload } from '../../../shared/errors';
import { maxConcurrentOf } from '../../../shared/provider-kinds';
import type { JobState, QueueJob, QueueView } from '../../../shared/queue';
import type { CoreServices } from '../services';
import type { RemoteJob } from '../providers/types';
import { publicJob, type JobStore, type NewJob, type StoredJob } from './job-store';

/** How a job ended, as its runner says (null: it could not be finished, e.g. the library closed). */
export interface JobOutcome {
  status: 'complete' | 'error' | 'cancelled';
  error: ErrorPayload | null;
}

/** What a runner is given when a job's turn comes. */
export interface JobRun {
  job: StoredJob;
  /** Aborted by Cancel; already aborted when a job is cancelled before its turn (it must send nothing). */
  signal: AbortSignal;
  /** It did not go the moment it was sent: it waited its turn, or was left queued by an earlier run of the app. */
  waited: boolean;
  /** When the answer's time counts from. */
  since: number;
}

/**
 * A runner's answer when the provider refused the job for now (a 429): it goes back in the queue
 * and starts again after `delayMs`, holding no place meanwhile (other jobs start and finish).
 */
export interface JobDeferral {
  status: 'deferred';
  delayMs: number;
}

export type JobRunner<O extends JobOutcome> = (run: JobRun) => Promise<O | JobDeferral | null>;

interface Live<O> {
  job: StoredJob;
  controller: AbortController;
  running: boolean;
  waited: boolean;
  since: number;
  done: Promise<O | null>;
  resolve: (outcome: O | null) => void;
}

/** How often a process with jobs looks for those cancelled from another (`holst queue cancel`, the app's panel). */
export const CROSS_PROCESS_LOOK_MS = 1000;

export type QueueDeps = Pick<CoreServices, 'settings' | 'events' | 'logger'> & { db: JobStore };

export interface QueueOptions {
  /** Whether a paused queue holds jobs back. The CLI's core runs what it sends (pausing is the window's). */
  honourPause: boolean;
}

/**
 * The generation queue: every answer asked for is a job, kept in the database, started when the
 * limits allow: per provider (its `maxConcurrent`, else its kind's default) and overall
 * (`queue.maxConcurrent`). A conversation's prompts go in the order sent: one waits while an
 * earlier one of its conversation is queued or running (answers of one prompt, its variations and
 * fan-out, go side by side). Jobs of different conversations run side
 * by side. Paused, no job starts (running ones go on); the pause is kept across restarts.
 */
export class GenerationQueue<O extends JobOutcome> {
  /** Jobs of this process still waiting or running, by generation id. */
  private readonly live = new Map<string, Live<O>>();
  private stopped = false;
  /** Wakes the queue when the first job waiting out a 429 may go again. */
  private wake: { timer: NodeJS.Timeout; at: number } | null = null;
  private watcher: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly deps: QueueDeps,
    private readonly runner: JobRunner<O>,
    private readonly options: QueueOptions,
  ) {}

  /** Adds a job; it starts at once if the limits allow. `waiting`: an earlier prompt of its conversation goes first. */
  add(input: NewJob): { job: StoredJob; waiting: boolean; started: boolean } {
    // Answers of one prompt (its variations, its fan-out) do not wait for each other, only for earlier prompts.
    const waiting = [...this.live.values()].some(
      (entry) => entry.job.conversationId === input.conversationId && entry.job.userMessageId !== input.userMessageId,
    );
    const job = this.deps.db.add(input);
    const entry = this.track(job, Date.now());
    this.changed([job]);
    this.pump();
    this.watch();
    entry.waited = true;
    return { job: entry.job, waiting, started: entry.running };
  }

  /** Keeps the provider's own job with the queue's the moment it exists: a restart follows it, never re-sends it. */
  rememberRemoteJob(generationId: string, job: RemoteJob): void {
    const stored = this.deps.db.setRemoteJob(generationId, job);
    const entry = this.live.get(generationId);
    if (entry && stored) entry.job = stored;
  }

  /** Resolves when a job of this process has ended; undefined for any other. */
  done(generationId: string): Promise<O | null> | undefined {
    return this.live.get(generationId)?.done;
  }

  /** Jobs of this process waiting or running, in the order sent. */
  inProcess(): StoredJob[] {
    return [...this.live.values()].map((entry) => entry.job).sort((a, b) => a.seq - b.seq);
  }

  /**
   * Cancels a job: a waiting one ends cancelled without being sent, a running one is stopped. A job
   * another process holds (the app's, or a `holst generate`'s) is marked cancelled in the database,
   * and that process stops it within CROSS_PROCESS_LOOK_MS. One that has already ended is left as
   * it is; an unknown id is `not_found` unless `quiet`. Answers whether it was cancelled.
   */
  cancel(generationId: string, options: { quiet?: boolean } = {}): boolean {
    const entry = this.live.get(generationId);
    if (!entry) {
      const stored = this.deps.db.isOpen ? this.deps.db.get(generationId) : null;
      if (stored?.state === 'queued' || stored?.state === 'running') {
        const cancelled = this.deps.db.cancelStored(generationId);
        if (cancelled) this.changed([cancelled]);
        return cancelled !== null;
      }
      if (options.quiet || stored) return false;
      throw HolstError.said('not_found', say('queueJobNotFound', { id: generationId }));
    }
    if (entry.controller.signal.aborted) return false;
    entry.controller.abort();
    if (!entry.running) this.launch(entry);
    return true;
  }

  /** Cancels every job of a conversation this process holds; resolves once each has ended (the conversation is being deleted). */
  cancelConversation(conversationId: number): Promise<unknown> {
    const ending: Array<Promise<O | null>> = [];
    for (const entry of [...this.live.values()]) {
      if (entry.job.conversationId !== conversationId) continue;
      this.cancel(entry.job.generationId, { quiet: true });
      ending.push(entry.done);
    }
    return Promise.all(ending);
  }

  /** Moves a waiting job one place up or down among the waiting jobs. */
  move(generationId: string, direction: 'up' | 'down'): void {
    const entry = this.live.get(generationId);
    if (!entry) {
      if (this.deps.db.get(generationId)) throw HolstError.said('invalid_input', say('queueJobNotQueued', { id: generationId }));
      throw HolstError.said('not_found', say('queueJobNotFound', { id: generationId }));
    }
    if (entry.running) throw HolstError.said('invalid_input', say('queueJobNotQueued', { id: generationId }));
    const waiting = this.waitingInOrder();
    const at = waiting.indexOf(entry);
    const other = waiting[direction === 'up' ? at - 1 : at + 1];
    if (!other) return;
    this.deps.db.swap(entry.job, other.job);
    for (const moved of [entry, other]) moved.job = this.deps.db.get(moved.job.generationId) ?? moved.job;
    this.changed([entry.job, other.job]);
    this.pump();
  }

  get paused(): boolean {
    return this.deps.db.paused;
  }

  pause(): { paused: boolean } {
    this.deps.db.setPaused(true);
    this.changed([]);
    return { paused: true };
  }

  resume(): { paused: boolean } {
    this.deps.db.setPaused(false);
    this.changed([]);
    this.pump();
    return { paused: false };
  }

  /** One job as stored, whichever process holds it (null: unknown, or a row this version cannot read). */
  job(generationId: string): QueueJob | null {
    const job = this.deps.db.isOpen ? this.deps.db.get(generationId) : null;
    return job ? publicJob(job) : null;
  }

  /** Jobs waiting or running in queue order, then the `limit` most recently ended. */
  view(limit = 100): QueueView {
    const { db, settings } = this.deps;
    return {
      paused: db.paused,
      maxConcurrent: settings.get().queue.maxConcurrent,
      jobs: [...db.open(), ...db.ended(limit)].map(publicJob),
    };
  }

  /**
   * At the app's start: jobs that were running when it stopped are interrupted (their answers are
   * marked so by the conversations), never sent again by themselves, except those a provider had
   * taken as a job of its own (Givon's), which are followed again by that job's id, paused queue or
   * not; those still queued take their turn now, unless the queue is paused.
   */
  recover(): void {
    const { db, logger } = this.deps;
    const { interrupted, resumed } = db.recoverRunning();
    const now = Date.now();
    for (const job of db.open()) if (!this.live.has(job.generationId)) this.track(job, job.startedAt ?? now).waited = true;
    this.changed(interrupted.map((id) => db.get(id)).filter((job): job is StoredJob => job !== null));
    if (resumed.length > 0) logger.info(`queue: ${resumed.length} provider job(s) in flight at the last stop are followed again`);
    if (this.live.size > 0) logger.info(`queue: ${this.live.size} job(s) left queued by the last run`);
    this.pump();
    this.watch();
  }

  /** The app is quitting: what its running jobs end with is not written (they are interrupted, or followed, at the next start). */
  get stopping(): boolean {
    return this.stopped;
  }

  /** The app is quitting: running jobs stop (interrupted at the next start), queued ones stay for it. */
  stopAll(): void {
    this.stopped = true;
    if (this.wake) clearTimeout(this.wake.timer);
    this.wake = null;
    this.unwatch();
    for (const entry of this.live.values()) if (entry.running) entry.controller.abort();
  }

  /**
   * While this process holds jobs, it looks every CROSS_PROCESS_LOOK_MS for any another process
   * cancelled (`holst queue cancel` on the app's job, the app's panel on a `holst generate`'s) or
   * whose conversation was deleted there, and stops it as its own Cancel would.
   */
  private watch(): void {
    if (this.watcher || this.stopped || this.live.size === 0) return;
    this.watcher = setInterval(() => this.look(), CROSS_PROCESS_LOOK_MS);
    // Never what keeps a process (the CLI) alive.
    this.watcher.unref?.();
  }

  private unwatch(): void {
    if (this.watcher) clearInterval(this.watcher);
    this.watcher = null;
  }

  private look(): void {
    if (this.stopped || this.live.size === 0 || !this.deps.db.isOpen) return this.unwatch();
    const states = this.deps.db.statesOf([...this.live.keys()]);
    for (const entry of [...this.live.values()]) {
      const state = states.get(entry.job.generationId);
      // Only a Cancel or a deletion stops it: another process's start marks running jobs interrupted, and this one goes on.
      if ((state !== undefined && state !== 'cancelled') || entry.controller.signal.aborted) continue;
      this.deps.logger.info(`queue: job ${entry.job.generationId} was ${state ?? 'deleted'} from another process; stopping it`);
      entry.controller.abort();
      if (!entry.running) this.launch(entry);
    }
  }

  /**
   * Starts every job the limits allow, in queue order. A paused queue starts only jobs a provider
   * already runs (followed, not sent); a job waiting out a 429 waits until its time.
   */
  private pump(): void {
    if (this.stopped || !this.deps.db.isOpen) return;
    const paused = this.options.honourPause && this.deps.db.paused;
    const settings = this.deps.settings.get();
    const perProvider = new Map<string, number>();
    let running = 0;
    for (const entry of this.live.values()) {
      if (!entry.running) continue;
      running++;
      perProvider.set(entry.job.provider, (perProvider.get(entry.job.provider) ?? 0) + 1);
    }
    const now = Date.now();
    let nextRetry = Infinity;
    for (const entry of this.waitingInOrder()) {
      if (paused && !entry.job.remoteJob) continue;
      if (running >= settings.queue.maxConcurrent) break;
      if (this.behindInConversation(entry.job)) continue;
      const retryAt = entry.job.retryAt ?? 0;
      if (retryAt > now && !entry.controller.signal.aborted) {
        nextRetry = Math.min(nextRetry, retryAt);
        continue;
      }
      const config = settings.providers.find((p) => p.id === entry.job.provider);
      // A removed provider's job goes at once, to fail with a sentence naming it.
      const limit = config ? maxConcurrentOf(config) : Infinity;
      const busy = perProvider.get(entry.job.provider) ?? 0;
      if (busy >= limit) continue;
      perProvider.set(entry.job.provider, busy + 1);
      running++;
      this.launch(entry);
    }
    this.wakeAt(nextRetry);
  }

  /** Pumps again at `at` (the first job waiting out a 429 may go then); one timer for the earliest. */
  private wakeAt(at: number): void {
    if (this.wake && this.wake.at <= at && this.wake.at > Date.now()) return;
    if (this.wake) clearTimeout(this.wake.timer);
    this.wake = null;
    if (!Number.isFinite(at)) return;
    const timer = setTimeout(
      () => {
        this.wake = null;
        this.pump();
      },
      Math.max(0, at - Date.now()),
    );
    this.wake = { timer, at };
  }

  /** An earlier prompt of its conversation is still queued or running. */
  private behindInConversation(job: StoredJob): boolean {
    for (const entry of this.live.values())
      if (entry.job.conversationId === job.conversationId && entry.job.userMessageId !== job.userMessageId && entry.job.seq < job.seq)
        return true;
    return false;
  }

  private waitingInOrder(): Array<Live<O>> {
    return [...this.live.values()]
      .filter((entry) => !entry.running)
      .sort((a, b) => a.job.position - b.job.position || a.job.seq - b.job.seq);
  }

  private track(job: StoredJob, since: number): Live<O> {
    let resolve!: (outcome: O | null) => void;
    const done = new Promise<O | null>((r) => {
      resolve = r;
    });
    const entry: Live<O> = { job, controller: new AbortController(), running: false, waited: false, since, done, resolve };
    this.live.set(job.generationId, entry);
    return entry;
  }

  /** Hands a job to its runner: to run, or (aborted before its turn) to end it cancelled without sending anything. */
  private launch(entry: Live<O>): void {
    entry.running = true;
    // Cancelled (or its conversation deleted) from another process since this one last looked: it goes out as cancelled.
    if (!entry.controller.signal.aborted) {
      const stored = this.deps.db.statesOf([entry.job.generationId]).get(entry.job.generationId);
      if (stored === undefined || stored === 'cancelled') entry.controller.abort();
    }
    if (!entry.controller.signal.aborted) {
      entry.job = this.deps.db.setState(entry.job.generationId, 'running', { startedAt: Date.now() }) ?? entry.job;
      this.changed([entry.job]);
    }
    const { job, controller, waited, since } = entry;
    void this.runner({ job, signal: controller.signal, waited, since })
      .catch((error: unknown) => {
        this.deps.logger.error(`generation ${job.generationId} could not be finished`, error);
        return null;
      })
      .then((outcome) => this.finish(entry, outcome));
  }

  /** The provider refused the job for now: it waits in the queue, holding no place, and goes again after `delayMs`. */
  private defer(entry: Live<O>, delayMs: number): void {
    entry.running = false;
    entry.waited = true;
    if (!this.deps.db.isOpen || this.stopped) return;
    const retryAt = Date.now() + delayMs;
    entry.job = this.deps.db.defer(entry.job.generationId, retryAt, entry.job.retries + 1) ?? { ...entry.job, retryAt };
    this.changed([entry.job]);
    this.pump();
  }

  private finish(entry: Live<O>, result: O | JobDeferral | null): void {
    if (result !== null && result.status === 'deferred') return this.defer(entry, (result as JobDeferral).delayMs);
    const outcome = result as O | null;
    this.live.delete(entry.job.generationId);
    if (this.live.size === 0) this.unwatch();
    // A job stopped by the quitting app is left running in the database: the next start decides.
    if (this.deps.db.isOpen && !(this.stopped && outcome === null)) {
      const state: JobState =
        outcome === null ? 'failed' : outcome.status === 'complete' ? 'done' : outcome.status === 'error' ? 'failed' : 'cancelled';
      const ended = this.deps.db.setState(entry.job.generationId, state, { finishedAt: Date.now() }, outcome?.error ?? null);
      if (ended) this.changed([ended]);
    }
    entry.resolve(outcome);
    this.pump();
  }

  private changed(jobs: StoredJob[]): void {
    if (!this.deps.db.isOpen) return;
    this.deps.events.emit('queue.changed', { paused: this.deps.db.paused, jobs: jobs.map(publicJob) });
  }
}
