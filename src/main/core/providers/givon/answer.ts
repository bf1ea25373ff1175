/**
 * What a Givon answer means: still working, done with image URLs, or failed.
 *
 * ASSUMED: only the request is documented (seed 003); nothing public describes the answer to
 * `POST /generations` or `GET /generations/{id}` (provider-apis.md §4). So this reads every common
 * shape instead of one, and is the one place to change once the real shape is known:
 * - the job id is `id` (or `generationId` / `generation_id`), a string or a number;
 * - the state is a word in `status` (or `state`), in any case: queued, pending, processing, running,
 *   in_progress, starting … mean still working; succeeded, completed, done … mean finished;
 *   failed, error, cancelled … mean failed. An unknown word with a job id counts as still working;
 * - no state word but image URLs means finished; no state word but an `error` means failed;
 * - image URLs are under `url` / `image_url` / `imageUrl` of the answer or of any item in `output`,
 *   `images`, `image`, `data` or `result` (strings, objects or arrays of them, a few levels deep);
 *   bare strings count when they look like addresses, `b64_json` becomes a data: URI;
 * - an answer wrapped as `{data:{id, status, …}}` is read from the inside;
 * - the failure reason is `error.message`, `error` (a string), `message`, `detail` or `reason`.
 * Anything with no id, no state and no image is refused as `invalid_response`.
 */
import { say } from '../../../../shared/core-messages';
import { HolstError } from '../../../../shared/errors';

export type GivonAnswer =
  | { state: 'pending'; status: string; id?: string }
  | { state: 'done'; urls: string[]; id?: string }
  | { state: 'failed'; message: string; id?: string };

const PENDING = new Set(['queued', 'pending', 'processing', 'running', 'in_progress', 'starting', 'created', 'submitted', 'waiting']);
const DONE = new Set(['succeeded', 'success', 'successful', 'completed', 'complete', 'done', 'finished', 'ready']);
const FAILED = new Set(['failed', 'failure', 'error', 'errored', 'cancelled', 'canceled', 'rejected']);

/** Keys whose string value is an image address. */
const URL_KEYS = ['url', 'image_url', 'imageUrl'];
/** Keys that hold images (or objects holding them). */
const CONTAINER_KEYS = ['output', 'images', 'image', 'data', 'result'];
const MAX_DEPTH = 4;

type Json = Record<string, unknown>;

export function readGivonAnswer(json: unknown): GivonAnswer {
  if (!isObject(json)) throw unknownShape(json);
  const top = unwrap(json);
  const id = idOf(top);
  const status = statusOf(top);
  const urls = unique(urlsIn(json, 0));
  const withId = id === undefined ? {} : { id };

  if (status !== undefined && FAILED.has(status)) return { state: 'failed', message: failureOf(top), ...withId };
  if (status !== undefined && DONE.has(status)) return { state: 'done', urls, ...withId };
  if (status !== undefined && PENDING.has(status)) return { state: 'pending', status, ...withId };
  if (urls.length > 0) return { state: 'done', urls, ...withId };
  if (status === undefined && top.error !== undefined && top.error !== null) return { state: 'failed', message: failureOf(top), ...withId };
  // An unknown state word on a job is most likely a step we have not heard of: keep waiting.
  if (id !== undefined || status !== undefined) return { state: 'pending', status: status ?? 'waiting', ...withId };
  throw unknownShape(json);
}

/** `{data:{id, status, …}}` (with nothing telling at the top) is read from the inside. */
function unwrap(json: Json): Json {
  const telling = idOf(json) !== undefined || statusOf(json) !== undefined;
  return !telling && isObject(json.data) ? json.data : json;
}

function idOf(json: Json): string | undefined {
  for (const key of ['id', 'generationId', 'generation_id']) {
    const value = json[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  }
  return undefined;
}

/** The state word, lower-cased with spaces and dashes as `_` ("In Progress" → in_progress). */
function statusOf(json: Json): string | undefined {
  const value = json.status ?? json.state;
  return typeof value === 'string' && value.trim() !== ''
    ? value
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, '_')
    : undefined;
}

/** The failure's reason when Givon gave none (the window words that case itself). */
export const NO_REASON = 'no reason given';

function failureOf(json: Json): string {
  const error = json.error;
  const candidates = [isObject(error) ? error.message : error, json.message, json.detail, json.reason];
  const message = candidates.find((c): c is string => typeof c === 'string' && c.trim() !== '');
  return message ? message.trim().slice(0, 500) : NO_REASON;
}

/** Image addresses anywhere Givon-like answers put them (see the header), in order of appearance. */
function urlsIn(value: unknown, depth: number): string[] {
  if (depth > MAX_DEPTH) return [];
  if (typeof value === 'string') return looksLikeAddress(value) ? [value.trim()] : [];
  if (Array.isArray(value)) return value.flatMap((item) => urlsIn(item, depth + 1));
  if (!isObject(value)) return [];
  const found: string[] = [];
  for (const key of URL_KEYS) {
    const url = value[key];
    if (typeof url === 'string' && url.trim() !== '') found.push(url.trim());
    else if (isObject(url) && typeof url.url === 'string') found.push(url.url.trim());
  }
  // The label is nominal: the library reads the real format from the bytes.
  if (typeof value.b64_json === 'string' && value.b64_json !== '') found.push(`data:image/png;base64,${value.b64_json}`);
  for (const key of CONTAINER_KEYS) found.push(...urlsIn(value[key], depth + 1));
  return found;
}

/** A bare string counts as an image only when it is an address (asset:// too, so it can be reported). */
const looksLikeAddress = (text: string) => /^\s*([a-z][a-z0-9+.-]*:\/\/\S+|data:image\/)/i.test(text);

const unique = (urls: string[]) => [...new Set(urls)];

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unknownShape(json: unknown): HolstError {
  let sentence;
  if (isObject(json)) {
    const keys = Object.keys(json);
    sentence = keys.length > 0 ? say('givonSentObject', { keys: keys.slice(0, 10).join(', ') }) : say('givonSentEmptyObject', {});
  } else if (Array.isArray(json)) sentence = say('givonSentList', {});
  else sentence = json === null ? say('givonSentNull', {}) : say('givonSentValue', { type: typeof json });
  return HolstError.said('invalid_response', sentence);
}
