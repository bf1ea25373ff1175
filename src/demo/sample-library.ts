// The demo's sample library, made inside the app on the first start of a demo folder: the plan's
// prompts go through the app's own requests (chat.send, chat.retry, library.saveMask, setTags,
// setFavorite) to the demo servers over HTTP, a few conversations at once, while a notice counts
// them. The folder's marker remembers the scenes made, so a later start adds none.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { RequestChannel, RequestInput, RequestOutput } from '../shared/contract';
import type { ChatStarted } from '../shared/generation';
import type { ImageDetail, Message } from '../shared/library';
import { coverageToMaskPixels } from '../shared/mask';
import type { Result } from '../shared/errors';
import { writeFileAtomic } from '../main/core/fs/atomic-write';
import { loadSharp } from '../main/core/library/ingest/load-sharp';
import { forEachConcurrently } from '../main/core/library/for-each-concurrently';
import type { BackgroundJobs, JobReport } from '../main/core/jobs/background-jobs';
import type { Logger } from '../main/core/logging/log';
import type { Notice } from '../shared/contract';
import { DEMO_MARKER } from './demo-folder';
import { SAMPLE_SCENES, type SampleMask, type SampleScene, type SampleStep } from './sample-plan';

/** What the samples use of the app's core: its requests, the running answers, its notices. */
export interface SampleCore {
  readonly dataDir: string;
  dispatch(channel: unknown, input: unknown): Promise<Result<unknown>>;
  readonly chat: { settled(generationId: string): Promise<{ message: Message } | null> };
  readonly notices: { add(notice: Notice): void; list(): Notice[] };
  readonly logger: Logger;
  readonly jobs: Pick<BackgroundJobs, 'start'>;
}

/** Conversations made at once: enough to overlap the servers' pauses, few enough to leave the app responsive. */
const SCENES_AT_ONCE = 6;
export const SAMPLES_NOTICE_ID = 'demo-samples';
export const SAMPLES_JOB = 'demo-samples';

export interface SampleSummary {
  /** Pictures made this time. */
  pictures: number;
  /** Scenes made this time (the others were made by an earlier start). */
  scenes: string[];
}

/**
 * Starts making the samples as a background job (`demo-samples`), which closing the app stops; its
 * progress is shown by a notice. Answers the job's id.
 */
export function startDemoSamples(core: SampleCore): string {
  return core.jobs.start<JobReport>({
    kind: SAMPLES_JOB,
    report: () => {},
    run: async (job) => {
      const made = await makeDemoSamples(core, SAMPLE_SCENES, job.signal);
      return { done: made?.scenes.length ?? 0, total: made?.scenes.length ?? 0, finished: true };
    },
    failed: () => ({ done: 0, total: 0, finished: true }),
  }).jobId;
}

/**
 * Makes the scenes this demo folder has not made yet; resolves with what it made, or null when
 * there was nothing to do (not a demo folder, or every scene made before).
 */
export async function makeDemoSamples(
  core: SampleCore,
  scenes: readonly SampleScene[] = SAMPLE_SCENES,
  signal?: AbortSignal,
): Promise<SampleSummary | null> {
  const marker = path.join(core.dataDir, DEMO_MARKER);
  const before = await readMarker(marker);
  if (!before) return null;
  const todo = scenes.filter((scene) => !before.made.includes(scene.id));
  if (todo.length === 0) return null;

  const total = todo.reduce((sum, scene) => sum + scene.steps.reduce((n, step) => n + (step.again ? 2 : 1), 0), 0);
  let answered = 0;
  let pictures = 0;
  const made = [...before.made];
  let saving = Promise.resolve();
  let shown = false;
  const report = () => {
    // once the user has dismissed the count, it stays away until the library is ready
    if (shown && !core.notices.list().some((notice) => notice.id === SAMPLES_NOTICE_ID)) return;
    shown = true;
    core.notices.add({
      id: SAMPLES_NOTICE_ID,
      level: 'info',
      message: `Making the demo's sample library: ${answered} of ${total} prompts answered, ${pictures} pictures so far.`,
      key: 'demoSamples',
      params: { done: String(answered), total: String(total), pictures: String(pictures) },
    });
  };
  report();
  const request = requester(core);
  const answer = async (started: ChatStarted): Promise<number[]> => {
    const ids = await answerOf(core, request, started);
    answered++;
    pictures += ids.length;
    report();
    return ids;
  };

  await forEachConcurrently(todo, SCENES_AT_ONCE, async (scene) => {
    try {
      await makeScene(scene, request, answer, signal);
    } catch (error) {
      // one scene failing (a server gone, the app closing) leaves the others to be made; the next start makes it again
      core.logger.warn(`demo sample "${scene.id}" stopped: ${(error as Error).message}`);
      return;
    }
    made.push(scene.id);
    saving = saving.then(() => writeMarker(marker, { ...before.raw, samples: { made } }));
    await saving;
  });

  if (signal?.aborted) return { pictures, scenes: made.slice(before.made.length) };
  core.notices.add({
    id: SAMPLES_NOTICE_ID,
    level: 'info',
    message: `The demo's sample library is ready: ${pictures} pictures in the Library, and their conversations in the Chat.`,
    key: 'demoSamplesReady',
    params: { pictures: String(pictures) },
  });
  core.logger.info(`demo samples: ${pictures} pictures from ${answered} answers (${todo.length} conversations)`);
  return { pictures, scenes: todo.map((scene) => scene.id) };
}

type Request = <C extends RequestChannel>(channel: C, input: RequestInput<C>) => Promise<RequestOutput<C>>;

function requester(core: SampleCore): Request {
  return async (channel, input) => {
    const result = (await core.dispatch(channel, input)) as Result<RequestOutput<typeof channel>>;
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value;
  };
}

/** One conversation: its prompts in order, each edit on the picture made last, with tags and favourites put on. */
async function makeScene(
  scene: SampleScene,
  request: Request,
  answer: (started: ChatStarted) => Promise<number[]>,
  signal: AbortSignal | undefined,
): Promise<void> {
  let conversationId: number | undefined;
  let last: number | undefined;
  for (const step of scene.steps) {
    if (signal?.aborted) throw new Error('the app is closing');
    const source = step.edit ? last : undefined;
    const maskId = source !== undefined && step.mask ? await saveMask(request, source, step.mask) : undefined;
    const started = await request('chat.send', {
      ...(conversationId !== undefined ? { conversationId } : {}),
      providerId: scene.provider,
      model: scene.model,
      prompt: step.prompt,
      imageIds: source !== undefined ? [source] : [],
      ...(maskId !== undefined ? { maskId } : {}),
      params: { ...scene.params, ...step.params },
    });
    conversationId = started.conversationId;
    const ids = await answer(started);
    if (step.again) ids.push(...(await answer(await request('chat.retry', { messageId: started.userMessage.id }))));
    await markUp(request, step, ids);
    // the next edit goes on from the newest answer's picture, as the composer would pick it
    last = ids.at(-1) ?? last;
  }
}

/** The pictures of a started answer once it has ended. */
async function answerOf(core: SampleCore, request: Request, started: ChatStarted): Promise<number[]> {
  let outcome: { message: Message } | null = null;
  try {
    outcome = await core.chat.settled(started.generationId);
  } catch {
    // it ended before we asked: the stored answer says what it made
  }
  const message =
    outcome?.message ??
    (await request('conversations.messages', { id: started.conversationId })).find((m) => m.id === started.assistantMessage.id);
  return message?.imageIds ?? [];
}

async function markUp(request: Request, step: SampleStep, ids: number[]): Promise<void> {
  for (const id of ids) {
    if (step.tags) await request('library.setTags', { id, tags: step.tags });
    if (step.favorite) await request('library.setFavorite', { id, favorite: true });
  }
}

/** A mask over the source, as the mask painter would save it: `sky` frees the top 45 %, `middle` the centre. */
async function saveMask(request: Request, sourceId: number, where: SampleMask): Promise<number> {
  const { image } = (await request('library.get', { id: sourceId })) as ImageDetail;
  const { width, height } = image;
  const coverage = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const inside = where === 'sky' ? y < height * 0.45 : x > width * 0.25 && x < width * 0.75 && y > height * 0.25 && y < height * 0.75;
      coverage[y * width + x] = inside ? 1 : 0;
    }
  const sharp = await loadSharp();
  const png = await sharp(Buffer.from(coverageToMaskPixels(coverage, width, height)), { raw: { width, height, channels: 4 } })
    .png()
    .toBuffer();
  const mask = await request('library.saveMask', { sourceId, base64: png.toString('base64') });
  return mask.id;
}

interface Marker {
  raw: Record<string, unknown>;
  made: string[];
}

/** The demo folder's marker and the scenes it says were made; null when the folder has none (not a demo folder). */
async function readMarker(file: string): Promise<Marker | null> {
  let raw: unknown;
  try {
    raw = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const record = raw as Record<string, unknown>;
  const samples = record.samples as { made?: unknown } | undefined;
  const made = Array.isArray(samples?.made) ? samples.made.filter((id): id is string => typeof id === 'string') : [];
  return { raw: record, made };
}

async function writeMarker(file: string, content: Record<string, unknown>): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(content)}\n`);
}
