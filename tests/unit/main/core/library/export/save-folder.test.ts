// The save folder: every new generated or edited picture is copied there with its readable name and
// prompt (read back by exiftool), imports are not, and a folder that fails is told once, never
// failing the generation. Generations are real, against the OpenAI Images reference server.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Notice } from '../../../../../../src/shared/contract';
import type { AppCore } from '../../../../../../src/main/core/app-core';
import { generate } from '../../../../../../src/main/core/generation/generate';
import { saveFolderIdle } from '../../../../../../src/main/core/library/export/save-folder';
import { startOpenAIImagesServer, type OpenAIImagesServer } from '../../../../../servers/openai-images-server';
import { allowFolders, call, openTestCore } from '../../../../../support/core';
import { solidImage } from '../../../../../support/images';
import { removeTempDirs, tempDir } from '../../../../../support/temp-dir';

const run = promisify(execFile);
let server: OpenAIImagesServer;
let core: AppCore;
let notices: Notice[];
const day = new Date().toISOString().slice(0, 10);

beforeEach(async () => {
  // Pictures drawn from the prompt: the same prompt gives the same bytes (a duplicate in the library).
  server = await startOpenAIImagesServer({ drawPrompt: true });
  core = await openTestCore(undefined, { HOLST_API_KEY_IMAGES: server.apiKey });
  await core.settings.update((s) => ({
    ...s,
    providers: [{ id: 'images', kind: 'openai-images', baseUrl: server.baseUrl, models: ['dall-e-2'] }],
  }));
  // The harness has no dialogs: typed folders only where the user allows them (the settings file).
  await allowFolders(core, [os.tmpdir(), '/proc']);
  notices = [];
  core.events.subscribe((name, payload) => {
    if (name === 'app.notice') notices.push(payload as Notice);
  });
});
afterEach(async () => {
  await server.close();
  core.close();
});
afterAll(removeTempDirs);

async function setFolder(folder: string | null): Promise<void> {
  const result = await call(core, 'settings.setSaveFolder', { path: folder });
  if (!result.ok) throw new Error(result.error.message);
  expect(result.value.library.saveFolder).toBe(folder);
}

const draw = (prompt: string, extra: Partial<Parameters<typeof generate>[1]> = {}) =>
  generate(core, { providerId: 'images', prompt, params: { size: '256x256' }, ...extra });

describe('the save folder', () => {
  it('gets a copy of every new generated and edited picture, named and with its prompt; imports stay out', async () => {
    const folder = path.join(await tempDir(), 'Holst pictures');
    await setFolder(folder); // created, since it did not exist
    const made = await draw('a red fox in the snow', { params: { n: 2, size: '256x256' } });
    expect(made.images).toHaveLength(2);

    const source = path.join(await tempDir(), 'source.png');
    await fs.writeFile(source, await solidImage(7, 'png', 256, 256));
    const edited = await draw('add a blue hat', { imageFiles: [source] });
    expect(edited.images[0]!.source).toBe('edited');
    const pasted = await call(core, 'library.importBytes', { name: 'photo.png', base64: (await solidImage(8)).toString('base64') });
    expect(pasted).toMatchObject({ ok: true, value: { source: 'imported', duplicate: false } });
    await saveFolderIdle(core);

    const ids = [...made.images, ...edited.images].map((i) => i.id);
    expect((await fs.readdir(folder)).sort()).toEqual(
      [...ids.slice(0, 2).map((id) => `${day}_a-red-fox-in-the-snow_${id}.png`), `${day}_add-a-blue-hat_${ids[2]}.png`].sort(),
    );
    const { stdout } = await run('exiftool', ['-j', '-G1', path.join(folder, `${day}_add-a-blue-hat_${ids[2]}.png`)]);
    expect(JSON.parse(stdout)[0]).toMatchObject({
      'PNG:Description': 'add a blue hat',
      'PNG:Holstprovider': 'images',
      'PNG:Holstmodel': 'dall-e-2',
      'PNG:Holstid': ids[2],
    });
    expect(notices).toEqual([]);
  });

  it('copies nothing when turned off, and a picture the library already had is not copied again', async () => {
    const folder = await tempDir();
    await setFolder(folder);
    const first = await draw('a lighthouse at dawn');
    // A second server draws the same prompt as its first picture again: the same bytes, a duplicate.
    const other = await startOpenAIImagesServer({ drawPrompt: true });
    await core.settings.update((s) => ({ ...s, providers: [{ ...s.providers[0]!, baseUrl: other.baseUrl }] }));
    const again = await draw('a lighthouse at dawn').finally(() => other.close());
    await core.settings.update((s) => ({ ...s, providers: [{ ...s.providers[0]!, baseUrl: server.baseUrl }] }));
    await saveFolderIdle(core);
    expect(again.images[0]!.id).toBe(first.images[0]!.id);
    expect(await fs.readdir(folder)).toEqual([`${day}_a-lighthouse-at-dawn_${first.images[0]!.id}.png`]);

    await setFolder(null);
    await draw('a green moon');
    await saveFolderIdle(core);
    expect(await fs.readdir(folder)).toHaveLength(1);
  });

  it('a missing folder is told once, never made again, never fails a generation; told again after it worked', async () => {
    const folder = path.join(await tempDir(), 'usb-drive');
    await setFolder(folder);
    await fs.rm(folder, { recursive: true });
    for (const prompt of ['a cat', 'a dog', 'a house']) expect((await draw(prompt)).images).toHaveLength(1);
    await saveFolderIdle(core);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ id: 'save-folder', level: 'warning', key: 'saveFolderMissing', params: { folder } });
    expect(notices[0]!.message).toContain(folder);
    expect(core.notices.list().map((n) => n.id)).toEqual(['save-folder']);
    await expect(fs.stat(folder)).rejects.toThrow();

    await fs.mkdir(folder);
    const back = await draw('a tree');
    await saveFolderIdle(core);
    expect(await fs.readdir(folder)).toEqual([`${day}_a-tree_${back.images[0]!.id}.png`]);
    expect(core.notices.list()).toEqual([]);

    await fs.rm(folder, { recursive: true });
    await draw('a star');
    await draw('a sun');
    await saveFolderIdle(core);
    expect(notices).toHaveLength(2);
  });

  it.runIf(process.platform === 'linux')(
    'a folder it cannot write to is told once with the reason; the pictures stay in the library',
    async () => {
      // /proc refuses new files even to root, where permissions would not.
      await core.settings.update((s) => ({ ...s, library: { ...s.library, saveFolder: '/proc' } }));
      const results = [await draw('a red square'), await draw('a blue circle')];
      await saveFolderIdle(core);
      expect(results.every((r) => r.images.length === 1)).toBe(true);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({ id: 'save-folder', key: 'saveFolderUnwritable', params: { folder: '/proc' } });
      expect(notices[0]!.params!.reason).not.toBe('');

      // Choosing a folder again is a new start: its problems are worth telling.
      await setFolder(await tempDir());
      expect(core.notices.list()).toEqual([]);
    },
  );
});

describe('settings.setSaveFolder', () => {
  it('refuses a relative path, a file, and a folder it cannot write to, naming `path`; without a path it needs the desktop app', async () => {
    const file = path.join(await tempDir(), 'a-file.txt');
    await fs.writeFile(file, 'x');
    // Each refusal a user can read is a sentence of the core's catalogue (said in the window's language).
    const refusals: Array<[string | undefined, string, string | undefined]> = [
      ['pictures/holst', 'invalid_input', 'pathNotFull'],
      [file, 'invalid_input', 'saveFolderIsFile'],
      ['/proc/holst-save-folder', 'invalid_input', 'saveFolderNotWritable'],
      [undefined, 'config', undefined],
    ];
    for (const [folder, code, key] of refusals) {
      const result = await call(core, 'settings.setSaveFolder', folder === undefined ? {} : { path: folder });
      expect(result, String(folder)).toMatchObject({ ok: false, error: { code, field: 'path', ...(key ? { key } : {}) } });
    }
    expect(core.settings.get().library.saveFolder).toBeNull();
  });
});
