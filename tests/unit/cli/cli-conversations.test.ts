// The built `holst` command with follow-ups and library images: `generate --continue` in a stored
// conversation (the same rules as the app), `--edit` / `--ref` / `--mask-id`, and the
// `conversations list|show` commands, against the reference servers.
import sharp from 'sharp';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keepMask } from '../../../src/main/core/library/ingest/save-mask';
import { startGigaChatServer, type GigaChatServer } from '../../servers/gigachat-server';
import { startOpenAIImagesServer, type OpenAIImagesServer } from '../../servers/openai-images-server';
import { ChatDriver } from '../../support/chat-driver';
import { runHolst } from '../../support/cli';
import { openTestCore } from '../../support/core';
import { solidImage } from '../../support/images';
import { testKeychainService } from '../../support/keychain';
import { removeTempDirs, tempDir } from '../../support/temp-dir';

afterAll(removeTempDirs);

let giga: GigaChatServer;
let images: OpenAIImagesServer;
let dataDir: string;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  giga = await startGigaChatServer();
  images = await startOpenAIImagesServer();
  dataDir = await tempDir();
  env = { HOLST_KEYCHAIN_SERVICE: testKeychainService(), HOLST_API_KEY_GIGA: giga.authorizationKey, HOLST_API_KEY_IMAGES: images.apiKey };
});
afterEach(async () => {
  await giga.close();
  await images.close();
});

/** Opens the core on the test's data folder (with both providers) for `use`, then closes it for the CLI. */
async function withCore<T>(use: (chat: ChatDriver) => Promise<T>): Promise<T> {
  const core = await openTestCore(dataDir, env);
  try {
    await core.settings.update((s) => ({
      ...s,
      providers: [
        { id: 'giga', kind: 'gigachat', baseUrl: giga.baseUrl, authUrl: giga.authUrl, models: ['GigaChat-2-Max'] },
        { id: 'images', kind: 'openai-images', baseUrl: images.baseUrl, models: ['gpt-image-1'] },
      ],
    }));
    return await use(new ChatDriver(core));
  } finally {
    core.close();
  }
}

const holst = (...args: string[]) => runHolst(['--data-dir', dataDir, ...args], { env });
const errorOf = (run: Awaited<ReturnType<typeof runHolst>>) => (run.json() as { error: { code: string; message: string } }).error;

describe('holst generate --continue', () => {
  it('sends a follow-up with the history and the newest answer’s image, saves it, and shows the conversation', async () => {
    giga.nextAnswerWithImages(1, 'Рисую кота.');
    const first = await withCore(async (chat) => {
      const answer = await chat.answer({ providerId: 'giga', prompt: 'Нарисуй кота' });
      return { ...answer, bytes: await chat.bytesOf(answer.message.imageIds[0]!) };
    });
    const [img1] = first.message.imageIds;

    giga.nextAnswerWithImages(1, 'Теперь ночь.');
    const run = await holst('--json', 'generate', '--continue', String(first.conversationId), '--prompt', 'сделай ночь');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const out = run.json() as Record<string, unknown> & { images: Array<{ id: number; path: string }>; usage: unknown; elapsedMs: number };
    expect(out).toMatchObject({
      provider: 'giga',
      model: 'GigaChat-2-Max',
      conversationId: first.conversationId,
      text: expect.stringContaining('Теперь ночь'),
    });
    expect(out.images).toHaveLength(1);
    expect(out.usage).toMatchObject({ totalTokens: expect.any(Number) });
    expect(out.elapsedMs).toEqual(expect.any(Number));
    expect(giga.uploads.map((u) => u.bytes)).toEqual([first.bytes]);
    // GigaChat's picture mode is on unless --picture-mode off: the new turn asks to draw, in Russian.
    expect(giga.chats.at(-1)!.body.messages).toEqual([
      { role: 'system', content: 'Ты — художник-иллюстратор. На каждую просьбу нарисовать отвечай картинкой.' },
      { role: 'user', content: 'Нарисуй кота' },
      { role: 'assistant', content: first.message.text },
      { role: 'user', content: 'Нарисуй: сделай ночь', attachments: [giga.uploads[0]!.id] },
    ]);

    const show = await holst('--json', 'conversations', 'show', String(first.conversationId));
    expect(show.code).toBe(0);
    const shown = show.json() as { conversation: Record<string, unknown>; messages: Array<Record<string, unknown>> };
    expect(shown.conversation).toMatchObject({ id: first.conversationId, title: 'Нарисуй кота', messages: 4 });
    expect(shown.messages.map((m) => [m.role, m.status, m.imageIds])).toEqual([
      ['user', 'complete', []],
      ['assistant', 'complete', [img1]],
      ['user', 'complete', [img1]],
      ['assistant', 'complete', [out.images[0]!.id]],
    ]);
    expect(shown.messages[3]).toMatchObject({
      usage: out.usage,
      elapsedMs: out.elapsedMs,
      replyTo: shown.messages[2]!.id,
      provider: 'giga',
    });
    expect(Object.keys(shown.messages[0]!).sort()).toEqual([
      'createdAt',
      'elapsedMs',
      'error',
      'id',
      'imageIds',
      'model',
      'provider',
      'replyTo',
      'request',
      'role',
      'status',
      'text',
      'usage',
    ]);

    const list = await holst('--json', 'conversations', 'list');
    expect(list.json()).toEqual({
      conversations: [
        { id: first.conversationId, title: 'Нарисуй кота', messages: 4, createdAt: expect.any(String), updatedAt: expect.any(String) },
      ],
    });
    const text = await holst('conversations', 'show', String(first.conversationId));
    expect(text.stdout).toContain(`Conversation ${first.conversationId}: Нарисуй кота (4 messages)`);
    expect(text.stdout).toContain('сделай ночь');
    expect((await holst('conversations', 'list')).stdout).toContain('4 messages\tНарисуй кота');

    const library = (await holst('--json', 'library', 'list')).json() as { items: Array<{ id: number; parents: unknown }> };
    expect(library.items.find((i) => i.id === out.images[0]!.id)!.parents).toEqual([{ id: img1, role: 'source' }]);
  });

  it('answers unknown conversations with not_found (exit 5) and malformed ids with invalid_input (exit 2)', async () => {
    await withCore(async () => undefined);
    const cases: Array<[string[], number, string]> = [
      [['conversations', 'show', '999'], 5, 'not_found'],
      [['conversations', 'show', 'abc'], 2, 'invalid_input'],
      [['conversations', 'show'], 2, 'invalid_input'],
      [['conversations', 'frob'], 2, 'invalid_input'],
      [['conversations', 'list', '--limit', '0'], 2, 'invalid_input'],
      [['generate', '--continue', '999', '--prompt', 'x'], 5, 'not_found'],
      [['generate', '--continue', 'x', '--prompt', 'y'], 2, 'invalid_input'],
      [['generate', '--provider', 'images', '--prompt', 'y', '--single-turn'], 2, 'invalid_input'],
      [['generate', '--provider', 'giga', '--prompt', 'y', '--picture-mode', 'maybe'], 2, 'invalid_input'],
      [['generate', '--provider', 'images', '--prompt', 'y', '--picture-mode', 'on'], 2, 'invalid_input'],
    ];
    for (const [args, code, error] of cases) {
      const run = await holst('--json', ...args);
      expect([run.code, errorOf(run).code], args.join(' ')).toEqual([code, error]);
    }
    expect((await holst('--json', 'conversations', 'list')).json()).toEqual({ conversations: [] });
  });
});

describe('holst generate with GigaChat', () => {
  it('draws a described picture in picture mode (on by default), and --picture-mode off sends the prompt plain', async () => {
    await withCore(async () => undefined);
    const run = await holst('--json', 'generate', '--provider', 'giga', '--prompt', 'a lighthouse at dawn');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect((run.json() as { images: unknown[] }).images).toHaveLength(1);
    expect(giga.chats.at(-1)!.body.messages).toEqual([
      { role: 'system', content: 'You are an illustrator. Answer every request to draw with a picture.' },
      { role: 'user', content: 'Draw: a lighthouse at dawn' },
    ]);
    const plain = await holst('--json', 'generate', '--provider', 'giga', '--prompt', 'a lighthouse at dawn', '--picture-mode', 'off');
    expect([plain.code, errorOf(plain).code]).toEqual([1, 'no_image']);
    expect(errorOf(plain).message).toContain('This is the reference server');
    expect(giga.chats.at(-1)!.body.messages).toEqual([{ role: 'user', content: 'a lighthouse at dawn' }]);
  });
});

describe('holst generate with library images', () => {
  async function mask(width: number, height: number) {
    return sharp({ create: { width, height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer();
  }

  it('edits --edit ID with --ref IDs and --mask-id, and refuses a mask of another size', async () => {
    const inputs = {
      source: await solidImage(21, 'png', 64, 48),
      reference: await solidImage(22, 'png', 64, 48),
      mask: await mask(64, 48),
    };
    const ids = await withCore(async (chat) => {
      const ingest = async (bytes: Buffer) => (await chat.core.library.ingest({ bytes }, { source: 'imported' })).image.id;
      const source = await ingest(inputs.source);
      // Masks are kept beside the pictures, each painted over a picture of its size.
      const small = await ingest(await solidImage(24, 'png', 32, 32));
      return {
        source,
        reference: await ingest(inputs.reference),
        mask: (await keepMask(chat.core.library, source, inputs.mask)).mask.id,
        small: (await keepMask(chat.core.library, small, await mask(32, 32))).mask.id,
      };
    });
    const args = [
      '--json',
      'generate',
      '--provider',
      'images',
      '--prompt',
      'add a moon',
      '--edit',
      String(ids.source),
      '--ref',
      String(ids.reference),
    ];
    const run = await holst(...args, '--mask-id', String(ids.mask));
    expect(run.code, run.stdout).toBe(0);
    const edit = images.edits.at(-1)!;
    expect(edit.fields).toEqual({ model: 'gpt-image-1', prompt: 'add a moon' });
    expect(edit.images.map((i) => [i.part.name, i.part.data])).toEqual([
      ['image[]', inputs.source],
      ['image[]', inputs.reference],
    ]);
    expect(edit.mask!.part.data).toEqual(inputs.mask);
    const made = (run.json() as { images: Array<{ id: number }> }).images[0]!.id;
    const listed = (await holst('--json', 'library', 'list')).json() as {
      items: Array<{ id: number; maskId: number | null; parents: unknown }>;
    };
    expect(listed.items.find((item) => item.id === made)).toMatchObject({
      maskId: ids.mask,
      parents: [
        { id: ids.source, role: 'source' },
        { id: ids.reference, role: 'reference' },
      ],
    });

    const wrong = await holst(...args, '--mask-id', String(ids.small));
    expect(wrong.code).toBe(2);
    expect(errorOf(wrong)).toEqual({
      code: 'invalid_input',
      message: expect.stringContaining('The mask is 32×32 but the source image is 64×48'),
    });
    expect(images.edits).toHaveLength(1);

    const missing = await holst('--json', 'generate', '--provider', 'images', '--prompt', 'x', '--edit', '999');
    expect([missing.code, errorOf(missing).code]).toEqual([5, 'not_found']);
    const bad = await holst('--json', 'generate', '--provider', 'images', '--prompt', 'x', '--ref', '1.5');
    expect([bad.code, errorOf(bad).code]).toEqual([2, 'invalid_input']);
    const twoMasks = await holst('--json', 'generate', '--provider', 'images', '--prompt', 'x', '--mask', 'm.png', '--mask-id', '1');
    expect([twoMasks.code, errorOf(twoMasks).code]).toEqual([2, 'invalid_input']);
  });

  it('continues a stateless conversation with its newest answer’s image as the source, then the references', async () => {
    const referenceBytes = await solidImage(23, 'png', 64, 64);
    const { conversationId, answer, answerBytes, reference } = await withCore(async (chat) => {
      const done = await chat.answer({ providerId: 'images', prompt: 'a lighthouse' });
      const ref = (await chat.core.library.ingest({ bytes: referenceBytes }, { source: 'imported' })).image.id;
      const id = done.message.imageIds[0]!;
      return { conversationId: done.conversationId, answer: id, answerBytes: await chat.bytesOf(id), reference: ref };
    });
    const run = await holst('--json', 'generate', '--continue', String(conversationId), '--prompt', 'at night', '--ref', String(reference));
    expect(run.code, run.stdout).toBe(0);
    const edit = images.edits.at(-1)!;
    expect(edit.fields).toEqual({ model: 'gpt-image-1', prompt: 'at night' });
    expect(edit.images.map((i) => i.part.data)).toEqual([answerBytes, referenceBytes]);
    const made = (run.json() as { images: Array<{ id: number }> }).images[0]!.id;
    const listed = (await holst('--json', 'library', 'list')).json() as { items: Array<{ id: number; parents: unknown }> };
    expect(listed.items.find((i) => i.id === made)!.parents).toEqual([
      { id: answer, role: 'source' },
      { id: reference, role: 'reference' },
    ]);
  });

  it('lists the new flags and commands in --help', async () => {
    const help = await runHolst(['--help']);
    for (const flag of [
      '--edit ID',
      '--ref ID',
      '--mask-id ID',
      '--continue CONVERSATION',
      '--picture-mode on|off',
      'conversations list',
      'conversations show ID',
    ])
      expect(help.stdout).toContain(flag);
  });
});
