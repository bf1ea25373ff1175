// The built `holst generate` as a conversation (its id printed, `--continue` follows it), sent to
// several providers side by side (`{"results":[…]}`, one failing while the others answer), and
// `--n N` for every kind (n in one request where the kind takes it, more requests where it does
// not or where fewer pictures came), against the reference servers.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGigaChatServer, type GigaChatServer } from '../../servers/gigachat-server';
import { startGivonServer, type GivonServer } from '../../servers/givon-server';
import { startOpenAIImagesServer, type OpenAIImagesServer } from '../../servers/openai-images-server';
import { runHolst, type CliRun } from '../../support/cli';
import { testKeychainService } from '../../support/keychain';
import { removeTempDirs, tempDir } from '../../support/temp-dir';

afterAll(removeTempDirs);

let giga: GigaChatServer;
let images: OpenAIImagesServer;
let givon: GivonServer;
let dataDir: string;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  [giga, images, givon] = await Promise.all([startGigaChatServer(), startOpenAIImagesServer(), startGivonServer()]);
  dataDir = await tempDir();
  const providers = [
    { id: 'giga', kind: 'gigachat', baseUrl: giga.baseUrl, authUrl: giga.authUrl, models: ['GigaChat-2-Max'] },
    { id: 'images', kind: 'openai-images', baseUrl: images.baseUrl, models: ['gpt-image-1', 'dall-e-3'] },
    // The same service with a key it refuses.
    { id: 'broken', kind: 'openai-images', baseUrl: images.baseUrl, models: ['gpt-image-1'] },
    { id: 'givon', kind: 'givon', baseUrl: givon.baseUrl, models: ['gpt-image-2'] },
  ];
  await fs.writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ version: 1, providers }));
  env = {
    HOLST_KEYCHAIN_SERVICE: testKeychainService(),
    HOLST_API_KEY_GIGA: giga.authorizationKey,
    HOLST_API_KEY_IMAGES: images.apiKey,
    HOLST_API_KEY_BROKEN: 'sk-wrong-0000000000000000',
    HOLST_API_KEY_GIVON: givon.apiKey,
  };
});
afterEach(async () => {
  await Promise.all([giga.close(), images.close(), givon.close()]);
});

const holst = (...args: string[]) => runHolst(['--data-dir', dataDir, ...args], { env });
const errorOf = (run: CliRun) => (run.json() as { error: { code: string; message: string } }).error;

interface Result {
  images: Array<{ id: number; path: string }>;
  text: string;
  provider: string;
  model: string;
  usage: unknown;
  conversationId: number;
  messageId: number;
  messageIds?: number[];
  elapsedMs: number | null;
  error?: { code: string; message: string };
}
interface Shown {
  conversation: { id: number; title: string; messages: number };
  messages: Array<{
    id: number;
    role: string;
    status: string;
    imageIds: number[];
    replyTo: number | null;
    request: Record<string, unknown>;
  }>;
}
const show = async (id: number) => (await holst('--json', 'conversations', 'show', String(id))).json() as Shown;
const givonPosts = () => givon.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/generations'));

describe('holst generate records a conversation', () => {
  it('prints the conversation’s id, and --continue follows it with the history and its picture', async () => {
    giga.nextAnswerWithImages(1, 'Рисую кота.');
    const first = await holst('--json', 'generate', '--provider', 'giga', '--prompt', 'Нарисуй кота');
    expect(first.code, first.stdout + first.stderr).toBe(0);
    const made = first.json() as Result;
    expect(Object.keys(made).sort()).toEqual(['conversationId', 'elapsedMs', 'images', 'messageId', 'model', 'provider', 'text', 'usage']);
    expect(made).toMatchObject({ provider: 'giga', model: 'GigaChat-2-Max', text: expect.stringContaining('Рисую кота') });
    const shown = await show(made.conversationId);
    expect(shown.conversation).toMatchObject({ id: made.conversationId, title: 'Нарисуй кота', messages: 2 });
    expect(shown.messages.map((m) => [m.role, m.status, m.imageIds])).toEqual([
      ['user', 'complete', []],
      ['assistant', 'complete', [made.images[0]!.id]],
    ]);
    expect(shown.messages[1]).toMatchObject({ id: made.messageId, replyTo: shown.messages[0]!.id });
    const firstBytes = await fs.readFile(made.images[0]!.path);

    giga.nextAnswerWithImages(1, 'Теперь ночь.');
    const next = await holst('--json', 'generate', '--continue', String(made.conversationId), '--prompt', 'сделай ночь');
    expect(next.code, next.stdout + next.stderr).toBe(0);
    expect(next.json()).toMatchObject({
      provider: 'giga',
      conversationId: made.conversationId,
      text: expect.stringContaining('Теперь ночь'),
    });
    // The earlier turn went along, and the picture it made was uploaded as the new prompt's attachment.
    const sent = giga.chats.at(-1)!.body.messages as Array<{ role: string; content: string; attachments?: string[] }>;
    expect(sent.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(sent[1]!.content).toContain('Нарисуй кота');
    expect(sent[2]!.content).toBe(made.text);
    expect(sent[3]).toEqual({ role: 'user', content: 'Нарисуй: сделай ночь', attachments: [giga.uploads[0]!.id] });
    expect(giga.uploads.map((u) => u.bytes)).toEqual([firstBytes]);
    expect((await show(made.conversationId)).conversation.messages).toBe(4);
  });

  it('says the conversation in text too', async () => {
    const run = await holst('generate', '--provider', 'images', '--prompt', 'a lighthouse');
    expect(run.code, run.stderr).toBe(0);
    const [conversation] = ((await holst('--json', 'conversations', 'list')).json() as { conversations: Array<{ id: number }> })
      .conversations;
    expect(run.stdout).toMatch(/^\/.* {2}\(64×64, id \d+\)\n/);
    expect(run.stdout).toContain(`Conversation ${conversation!.id} (go on with: holst generate --continue ${conversation!.id} --prompt …)`);
  });
});

describe('holst generate with several providers', () => {
  it('asks each side by side and lists their results in order, one failing while the others answer', async () => {
    // Each service holds its request 800 ms: sent one after the other, the second would arrive that much later.
    const arrived: Record<string, number> = {};
    const held = (name: string) => () => ((arrived[name] = Date.now()), true);
    images.quirks.push({
      method: 'POST',
      path: '/images/generations',
      when: (r) => r.headers.authorization === `Bearer ${images.apiKey}` && held('images')(),
      delayMs: 800,
    });
    giga.quirks.push({ method: 'POST', path: '/chat/completions', when: held('giga'), delayMs: 800 });

    const run = await holst(
      '--json',
      'generate',
      '--provider',
      'images',
      '--provider',
      'broken',
      '--provider',
      'giga',
      '--prompt',
      'a lighthouse',
    );
    // The first failure's exit status: auth.
    expect(run.code, run.stdout + run.stderr).toBe(4);
    const { results } = run.json() as { results: Array<Result | { provider: string; error: { code: string; message: string } }> };
    expect(results.map((r) => r.provider)).toEqual(['images', 'broken', 'giga']);
    expect(results[1]).toEqual({ provider: 'broken', error: { code: 'auth', message: expect.any(String) } });
    expect(results[1]!.error!.message).not.toContain('sk-wrong');
    const [made, , drawn] = results as Result[];
    expect(made).toMatchObject({ model: 'gpt-image-1', images: [expect.objectContaining({ id: expect.any(Number) })] });
    expect(drawn).toMatchObject({ model: 'GigaChat-2-Max', images: [expect.objectContaining({ id: expect.any(Number) })] });
    expect(made!.error).toBeUndefined();
    expect(Math.abs(arrived.images! - arrived.giga!)).toBeLessThan(800);
    // Each provider's prompt and answer is a conversation of its own, to go on with.
    expect(made!.conversationId).not.toBe(drawn!.conversationId);
    expect((await show(made!.conversationId)).messages.map((m) => [m.role, m.imageIds])).toEqual([
      ['user', []],
      ['assistant', made!.images.map((i) => i.id)],
    ]);

    const text = await holst('generate', '--provider', 'images', '--provider', 'broken', '--prompt', 'a lighthouse');
    expect(text.code).toBe(4);
    expect(text.stdout).toMatch(/^images · gpt-image-1\n {2}\/.* {2}\(64×64, id \d+\)\n {2}Conversation \d+ /);
    expect(text.stdout).toContain('\n\nbroken\n  failed: ');
  });

  it('sends each its own --model, and keeps one provider that is not there to its own result', async () => {
    const run = await holst(
      '--json',
      'generate',
      '--provider',
      'images',
      '--model',
      'dall-e-3',
      '--provider',
      'nope',
      '--model',
      'x',
      '--prompt',
      'a lighthouse',
    );
    expect(run.code, run.stdout).toBe(5);
    const { results } = run.json() as { results: Array<Result | { provider: string; error: { code: string } }> };
    expect(results[0]).toMatchObject({ provider: 'images', model: 'dall-e-3', images: [expect.anything()] });
    expect(results[1]).toEqual({ provider: 'nope', error: { code: 'not_found', message: expect.any(String) } });
    expect(images.generations.map((g) => g.model)).toEqual(['dall-e-3']);

    const refused: Array<[string[], string]> = [
      [['--provider', 'images', '--provider', 'giga', '--model', 'a', '--model', 'b', '--model', 'c'], 'model'],
      [['--provider', 'images', '--provider', 'giga', '--continue', '1'], 'provider'],
    ];
    for (const [args, field] of refused) {
      const bad = await holst('--json', 'generate', ...args, '--prompt', 'x');
      expect([bad.code, errorOf(bad).code, errorOf(bad).message], field).toEqual([
        2,
        'invalid_input',
        expect.stringContaining(`--${field}`),
      ]);
    }
  });
});

/** Runs `holst ARGS` and presses Ctrl+C once stderr shows `cue`. */
function runAndInterrupt(args: string[], cue: string): Promise<{ code: number | null; stdout: string }> {
  const entry = process.env.HOLST_OUT ? path.resolve(process.env.HOLST_OUT, 'cli', 'holst.cjs') : path.resolve('bin/holst.cjs');
  const child = spawn(process.execPath, [entry, '--data-dir', dataDir, ...args], { env: { ...process.env, HOLST_DATA_DIR: '', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (stderr.includes(cue) && !child.killed) child.kill('SIGINT');
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

describe('holst generate, interrupted', () => {
  it('stops every provider at Ctrl+C, each answer kept as stopped', async () => {
    images.quirks.push({ method: 'POST', path: '/images/generations', delayMs: 1500 });
    givon.quirks.push({ method: 'POST', path: '/generations', delayMs: 1500 });
    const run = await runAndInterrupt(['generate', '--provider', 'images', '--provider', 'givon', '--prompt', 'a lighthouse'], 'givon: ');
    expect(run.code).toBe(130);
    expect(run.stdout).toMatch(/^images\n {2}failed: .*cancelled.*\n\ngivon\n {2}failed: .*cancelled/i);
    const { conversations } = (await holst('--json', 'conversations', 'list')).json() as { conversations: Array<{ id: number }> };
    expect(conversations).toHaveLength(2);
    for (const { id } of conversations) expect((await show(id)).messages.map((m) => m.status)).toEqual(['complete', 'cancelled']);
    expect((await holst('--json', 'library', 'list')).json()).toEqual({ items: [] });
  });
});

describe('holst generate --n', () => {
  it('sends n in one request where the kind takes it', async () => {
    const run = await holst('--json', 'generate', '--provider', 'images', '--prompt', 'a lighthouse', '--n', '3');
    expect(run.code, run.stdout).toBe(0);
    const out = run.json() as Result;
    expect(out.images).toHaveLength(3);
    expect(out.messageIds).toBeUndefined();
    expect(images.generations.map((g) => g.body.n)).toEqual([3]);
  });

  it('makes one request per picture where the kind or the model takes no n, each answer a version of the prompt', async () => {
    const run = await holst('--json', 'generate', '--provider', 'givon', '--prompt', 'a lighthouse', '--n', '2');
    expect(run.code, run.stdout).toBe(0);
    const out = run.json() as Result;
    expect(out.images).toHaveLength(2);
    expect(new Set(out.images.map((i) => i.id)).size).toBe(2);
    expect(givonPosts().map((r) => (r.json as { input: Record<string, unknown> }).input)).toEqual([
      { prompt: 'a lighthouse' },
      { prompt: 'a lighthouse' },
    ]);
    const shown = await show(out.conversationId);
    const [prompt, ...answers] = shown.messages;
    expect(answers.map((m) => [m.role, m.status, m.replyTo, m.imageIds.length])).toEqual([
      ['assistant', 'complete', prompt!.id, 1],
      ['assistant', 'complete', prompt!.id, 1],
    ]);
    expect(out.messageIds).toEqual(answers.map((m) => m.id));
    expect(out.messageId).toBe(answers[1]!.id);
    expect(out.images.map((i) => i.id)).toEqual(answers.flatMap((m) => m.imageIds));

    // dall-e-3 makes one picture a request.
    const dalle = await holst('--json', 'generate', '--provider', 'images', '--model', 'dall-e-3', '--prompt', 'a lighthouse', '--n', '2');
    expect(dalle.code, dalle.stdout).toBe(0);
    expect((dalle.json() as Result).images).toHaveLength(2);
    expect(images.generations.map((g) => [g.model, g.body.n])).toEqual([
      ['dall-e-3', 1],
      ['dall-e-3', 1],
    ]);
  });

  it('asks again for the rest where fewer pictures came, and the prompt keeps what it first asked', async () => {
    // The reference GigaChat, like the real one, draws one picture an answer whatever n says.
    const run = await holst('--json', 'generate', '--provider', 'giga', '--prompt', 'a lighthouse', '--n', '3');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const out = run.json() as Result;
    expect(out.images).toHaveLength(3);
    expect(giga.chats.map((c) => c.body.n)).toEqual([3, 2, 1]);
    // The same words with each picture are said once.
    expect(out.text.split('Starting image generation')).toHaveLength(2);
    expect(out.messageIds).toHaveLength(3);
    const [prompt] = (await show(out.conversationId)).messages;
    expect(prompt!.request).toMatchObject({ params: { n: 3, pictureMode: true } });
  });

  it('reports a failed request with the pictures the others made, and refuses an N out of 1-10', async () => {
    let posts = 0;
    givon.quirks.push({
      method: 'POST',
      path: '/generations',
      when: () => ++posts === 2,
      status: 400,
      body: { error: { code: 'invalid_input', message: 'The reference server refuses this one.' } },
    });
    const run = await holst('--json', 'generate', '--provider', 'givon', '--prompt', 'a lighthouse', '--n', '3');
    expect(run.code).toBe(1);
    const out = run.json() as Result;
    // The three requests go through the queue side by side (the core's variations): one fails, two bring a picture, none is asked again.
    expect(out.images).toHaveLength(2);
    expect(out.error).toEqual({ code: 'bad_request', message: expect.stringContaining('refuses this one') });
    expect(givonPosts()).toHaveLength(3);
    const statuses = (await show(out.conversationId)).messages.map((m) => m.status);
    expect(statuses.toSorted()).toEqual(['complete', 'complete', 'complete', 'error']);

    for (const n of ['0', '11', '2.5', 'two']) {
      const bad = await holst('--json', 'generate', '--provider', 'givon', '--prompt', 'x', '--n', n);
      expect([bad.code, errorOf(bad)], n).toEqual([2, { code: 'invalid_input', message: '--n must be a whole number from 1 to 10.' }]);
    }
    expect(givonPosts()).toHaveLength(3);
  });

  it('goes with a fan-out: each provider makes N its own way', async () => {
    const run = await holst('--json', 'generate', '--provider', 'images', '--provider', 'givon', '--prompt', 'a lighthouse', '--n', '2');
    expect(run.code, run.stdout).toBe(0);
    const { results } = run.json() as { results: Result[] };
    expect(results.map((r) => [r.provider, r.images.length, r.messageIds?.length ?? 1])).toEqual([
      ['images', 2, 1],
      ['givon', 2, 2],
    ]);
  });
});
