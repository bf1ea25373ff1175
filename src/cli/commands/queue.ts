import { HolstError } from '../../shared/errors';
import type { QueueJob } from '../../shared/queue';
import { parseCommandArgs } from '../args';
import type { CliContext } from '../context';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A job as `holst --json queue list` prints it (README, "CLI"). */
function jobItem(job: QueueJob) {
  return {
    id: job.generationId,
    state: job.state,
    conversationId: job.conversationId,
    messageId: job.messageId,
    provider: job.provider,
    model: job.model,
    prompt: job.prompt,
    createdAt: iso(job.createdAt),
    startedAt: iso(job.startedAt),
    finishedAt: iso(job.finishedAt),
    error: job.error ? { code: job.error.code, message: job.error.message } : null,
  };
}

/** How long a job waited or has run so far, or took: "12 s", "3 min 5 s". */
function elapsedOf(job: QueueJob, now: number): string {
  const from = job.state === 'queued' ? job.createdAt : (job.startedAt ?? job.createdAt);
  const seconds = Math.max(0, Math.round(((job.finishedAt ?? now) - from) / 1000));
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** One line a job: its id (for `holst queue cancel`), state, provider and model, time, and the prompt on one line. */
function jobLine(job: QueueJob, now: number): string {
  const prompt = job.prompt.replace(/\s+/g, ' ').trim();
  const shown = prompt.length > 60 ? `${prompt.slice(0, 59)}…` : prompt;
  const who = `${job.provider}${job.model ? `/${job.model}` : ''}`;
  return [job.generationId, job.state.padEnd(11), who, elapsedOf(job, now).padStart(10), shown].join('  ');
}

async function list(ctx: CliContext, args: string[]): Promise<void> {
  const { values } = parseCommandArgs(args, { limit: { type: 'string', default: '20' } });
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 0 || limit > 1000)
    throw new HolstError('invalid_input', '--limit must be a whole number from 0 to 1000.', { field: 'limit' });
  const core = await ctx.core();
  const view = core.chat.queue.view(limit);
  const now = Date.now();
  const open = view.jobs.filter((job) => job.state === 'queued' || job.state === 'running');
  const ended = view.jobs.filter((job) => job.state !== 'queued' && job.state !== 'running');
  const lines = [
    `The queue is ${view.paused ? 'paused (the app starts no new job until it is resumed)' : 'on'}: ${open.length} waiting or running, at most ${view.maxConcurrent} at once.`,
    ...(open.length > 0 ? ['', ...open.map((job) => jobLine(job, now))] : []),
    ...(ended.length > 0 ? ['', 'Ended, newest first:', ...ended.map((job) => jobLine(job, now))] : []),
  ];
  ctx.out.result({ paused: view.paused, maxConcurrent: view.maxConcurrent, jobs: view.jobs.map(jobItem) }, lines.join('\n'));
}

async function cancel(ctx: CliContext, args: string[]): Promise<void> {
  const { positionals } = parseCommandArgs(args, {}, true);
  if (positionals.length !== 1 || positionals[0]!.trim() === '')
    throw new HolstError('invalid_input', 'Give one job id, e.g. "holst queue cancel 3f2a…" (see "holst queue list").', { field: 'id' });
  const core = await ctx.core();
  const { queue } = core.chat;
  const id = resolveId(queue.view(0).jobs, positionals[0]!.trim());
  // A job of the app (or of a `holst generate` running elsewhere) is marked cancelled; it stops within a second.
  const cancelled = queue.cancel(id);
  const job = queue.job(id);
  const text = cancelled
    ? `Cancelled ${id}${job ? ` (${job.prompt.replace(/\s+/g, ' ').slice(0, 60)})` : ''}.`
    : `${id} had already ended${job ? ` (${job.state})` : ''}; nothing to cancel.`;
  ctx.out.result({ cancelled, job: job ? jobItem(job) : null }, text);
}

/** A whole job id, or the start of one that only one waiting or running job has (at least 4 characters). */
function resolveId(open: QueueJob[], given: string): string {
  if (given.length < 4 || given.length >= 36) return given;
  const matches = open.filter((job) => job.generationId.startsWith(given));
  if (matches.length > 1)
    throw new HolstError('invalid_input', `"${given}" is the start of ${matches.length} jobs' ids; give more of it.`, { field: 'id' });
  return matches[0]?.generationId ?? given;
}

export async function queueCommand(ctx: CliContext): Promise<void> {
  const [sub, ...rest] = ctx.args;
  if (sub === 'list') return list(ctx, rest);
  if (sub === 'cancel') return cancel(ctx, rest);
  throw new HolstError('invalid_input', `Unknown command "queue ${sub ?? ''}". Try "holst --help".`);
}
