// The window cannot name a file, in the desktop app (issue 21, point 11): the real main process
// against the electron stand-in, asked over IPC from the app's own page as a hostile page would,
// and the real preload (src/preload/index.ts), which alone turns dropped files into paths.
// Paths come from main's dialogs (scripted here) or from files the OS handed over (webUtils).
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HolstApi } from '../../../../src/shared/contract';
import type { ErrorPayload, Result } from '../../../../src/shared/errors';
import type { ImageRecord } from '../../../../src/shared/library';
import { runMain, type MainRun } from '../../../support/electron-main';
import { solidImage } from '../../../support/images';
import { removeTempDirs, tempDir } from '../../../support/temp-dir';
import { NOTES, userFiles } from '../../../support/user-files';

vi.mock('electron', async () => (await import('../../../support/electron-main')).electronModule());

interface PageFiles {
  onDisk(files: unknown): boolean;
  importFiles(files: unknown): Promise<Result<{ jobId: string | null }>>;
}

let main: MainRun;
let page: { holst: HolstApi; holstFiles: PageFiles };
let image: ImageRecord;
let outside: string;
let textFile: string;
let pictures: string;

beforeAll(async () => {
  main = await runMain();
  page = (await main.loadPreload()) as unknown as typeof page;
  const answer = (await page.holst.library.importBytes({ name: 'p.png', base64: (await solidImage(41)).toString('base64') })) as {
    ok: true;
    value: ImageRecord;
  };
  image = answer.value;
  ({ outside, textFile, pictures } = await userFiles());
});
afterAll(async () => {
  await main.stop();
  await removeTempDirs();
});

const dialogs = () =>
  ['dialog.showOpenDialog', 'dialog.showSaveDialog', 'dialog.showMessageBox'].map((api) => main.recorder.calls(api).length);
const errorOf = (result: unknown): ErrorPayload => {
  const answer = result as Result<unknown>;
  if (answer.ok) throw new Error(`accepted: ${JSON.stringify(answer.value)}`);
  return answer.error;
};
const count = async () => ((await page.holst.library.count({})) as { ok: true; value: { count: number } }).value.count;
const exists = (file: string) =>
  fs.stat(file).then(
    () => true,
    () => false,
  );

describe('a hostile page in the desktop window', () => {
  it('cannot name where an export goes: `to` is refused before any dialog, the text file stays', async () => {
    const before = dialogs();
    const input = { selection: { ids: [image.id] }, to: textFile, format: 'zip' as const, overwrite: true };
    expect(errorOf(await page.holst.library.exportMany(input))).toMatchObject({ code: 'invalid_input', field: 'to' });
    expect(errorOf(await main.invoke('library.exportMany', { ...input, to: path.join(outside, 'made'), format: 'folder' }))).toMatchObject({
      code: 'invalid_input',
      field: 'to',
    });
    expect(await fs.readFile(textFile, 'utf8')).toBe(NOTES);
    expect(await exists(path.join(outside, 'made'))).toBe(false);
    expect(dialogs()).toEqual(before);
  });

  it('cannot set the save folder to a path: refused, nothing created, the setting unchanged', async () => {
    const folder = path.join(outside, 'new', 'saved');
    expect(errorOf(await page.holst.settings.setSaveFolder({ path: folder }))).toMatchObject({ code: 'invalid_input', field: 'path' });
    expect(await exists(path.join(outside, 'new'))).toBe(false);
    expect(
      ((await page.holst.settings.get()) as { ok: true; value: { library: { saveFolder: null } } }).value.library.saveFolder,
    ).toBeNull();
  });

  it('cannot import from paths it names: library.import takes none, and the answer is the same whether they exist', async () => {
    const existing = errorOf(await main.invoke('library.import', { paths: [pictures] }));
    const missing = errorOf(await main.invoke('library.import', { paths: [path.join(outside, 'nothing-here')] }));
    expect(existing).toMatchObject({ code: 'invalid_input' });
    expect(missing).toEqual(existing);
    // window.holst has no method for the preload's own channel.
    expect((page.holst.library as Record<string, unknown>).importDropped).toBeUndefined();
    expect(await count()).toBe(1);
  });

  it('cannot pass strings or files it made to the preload as dropped files: they have no path on disk', async () => {
    const made = new File([await solidImage(43)], path.join(pictures, 'a.png'), { type: 'image/png' });
    for (const files of [[made], [pictures], [{ path: pictures }], pictures, []]) {
      expect(page.holstFiles.onDisk(files)).toBe(false);
      expect(errorOf(await page.holstFiles.importFiles(files))).toMatchObject({ code: 'invalid_input' });
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(main.recorder.calls('webContents.send').filter(([channel]) => channel === 'holst:library.importProgress')).toEqual([]);
    expect(await count()).toBe(1);
  });
});

describe('what the user chose or dropped', () => {
  it('a folder dropped from disk is imported by path, through the preload', async () => {
    const dropped = new File([], 'pictures');
    main.fileFromDisk(dropped, pictures);
    expect(page.holstFiles.onDisk([dropped])).toBe(true);
    const answer = await page.holstFiles.importFiles([dropped]);
    expect(answer).toMatchObject({ ok: true, value: { jobId: expect.any(String) } });
    await vi.waitFor(async () => expect(await count()).toBe(2));
  });

  it('replacing files in the chosen export folder is asked in a main-side dialog: Cancel writes nothing, Replace replaces', async () => {
    const folder = await tempDir();
    const exportOnce = async (overwrite: boolean) => {
      main.electron.dialog.script.open.push({ canceled: false, filePaths: [folder] });
      return page.holst.library.exportMany({ selection: { ids: [image.id] }, format: 'folder', overwrite });
    };
    expect(await exportOnce(false)).toMatchObject({ ok: true, value: { jobId: expect.any(String) } });
    await vi.waitFor(async () => expect(await fs.readdir(folder)).toHaveLength(1));
    const [name] = await fs.readdir(folder);
    const file = path.join(folder, name!);
    await fs.writeFile(file, 'kept until Replace');

    const asked = main.recorder.calls('dialog.showMessageBox').length;
    main.electron.dialog.script.messageBox.push({ response: 1, checkboxChecked: false });
    expect(await exportOnce(true)).toEqual({ ok: true, value: { jobId: null } });
    const [[call]] = main.recorder.calls('dialog.showMessageBox').slice(asked) as [
      [{ window: unknown; options: Electron.MessageBoxOptions }],
    ];
    expect(call.window).toBe(main.window());
    expect(call.options).toMatchObject({ message: `Replace files in “${folder}”?`, buttons: ['Replace', 'Cancel'], cancelId: 1 });
    expect(await fs.readFile(file, 'utf8')).toBe('kept until Replace');

    main.electron.dialog.script.messageBox.push({ response: 0, checkboxChecked: false });
    expect(await exportOnce(true)).toMatchObject({ ok: true, value: { jobId: expect.any(String) } });
    await vi.waitFor(async () => expect((await fs.readFile(file)).subarray(1, 4).toString()).toBe('PNG'));
    expect(await fs.readdir(folder)).toEqual([name]);
  });
});
