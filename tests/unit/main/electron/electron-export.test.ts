// The desktop glue for bulk export, the save folder and dragging several images out: the real
// src/main/electron/ against the electron stand-in, its dialogs scripted.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ImageRecord } from '../../../../src/shared/library';
import { runMain, type MainRun } from '../../../support/electron-main';
import { solidImage } from '../../../support/images';
import { removeTempDirs, tempDir } from '../../../support/temp-dir';

vi.mock('electron', async () => (await import('../../../support/electron-main')).electronModule());

const run = promisify(execFile);
let main: MainRun;
const images: ImageRecord[] = [];

beforeAll(async () => {
  main = await runMain();
  for (const seed of [31, 32, 33]) {
    const answer = (await main.invoke('library.importBytes', {
      name: `p${seed}.png`,
      base64: (await solidImage(seed, 'png', 60, 40)).toString('base64'),
    })) as { ok: true; value: ImageRecord };
    images.push(answer.value);
  }
});
afterAll(async () => {
  await main.stop();
  await removeTempDirs();
});

const calls = (api: string) => main.recorder.calls(api);
// The export runs as a background job: on a machine busy with other work it may take more than waitFor's default second.
const WAIT = { timeout: 15_000 };

describe('bulk export in the desktop app', () => {
  it('asks where to write the ZIP (the readable default name, .zip only), then writes it there', async () => {
    const zip = path.join(await tempDir(), 'chosen.zip');
    await fs.writeFile(zip, 'replaced: the dialog asked');
    main.electron.dialog.script.save.push({ canceled: false, filePath: zip });
    const answer = await main.invoke('library.exportMany', { selection: { ids: images.map((i) => i.id) }, format: 'zip' });
    expect(answer).toMatchObject({ ok: true, value: { jobId: expect.any(String) } });
    const [[call]] = calls('dialog.showSaveDialog').slice(-1) as [[{ window: unknown; options: Electron.SaveDialogOptions }]];
    expect(call.window).toBe(main.window());
    expect(call.options).toMatchObject({ title: 'Export images as a ZIP', filters: [{ extensions: ['zip'] }] });
    expect(call.options.defaultPath).toMatch(/^holst-export_\d{4}-\d{2}-\d{2}\.zip$/);
    await vi.waitFor(async () => {
      const { stdout } = await run('python3', ['-c', 'import sys, zipfile; print(len(zipfile.ZipFile(sys.argv[1]).namelist()))', zip]);
      expect(stdout.trim()).toBe('3');
    }, WAIT);
  });

  it('asks for a folder, and a cancelled dialog starts nothing', async () => {
    const folder = await tempDir();
    main.electron.dialog.script.open.push({ canceled: false, filePaths: [folder] });
    await main.invoke('library.exportMany', { selection: { ids: [images[0]!.id] }, format: 'folder' });
    const [[call]] = calls('dialog.showOpenDialog').slice(-1) as [[{ options: Electron.OpenDialogOptions }]];
    expect(call.options).toMatchObject({ title: 'Export images to a folder', properties: expect.arrayContaining(['openDirectory']) });
    await vi.waitFor(async () => expect(await fs.readdir(folder)).toHaveLength(1), WAIT);

    expect(await main.invoke('library.exportMany', { selection: { ids: [images[0]!.id] }, format: 'folder' })).toEqual({
      ok: true,
      value: { jobId: null },
    });
  });
});

describe('the save folder in the desktop app', () => {
  it('is chosen with the folder dialog; cancelling keeps the setting', async () => {
    const folder = await tempDir();
    main.electron.dialog.script.open.push({ canceled: false, filePaths: [folder] });
    expect(await main.invoke('settings.setSaveFolder', {})).toMatchObject({ ok: true, value: { library: { saveFolder: folder } } });
    const [[call]] = calls('dialog.showOpenDialog').slice(-1) as [[{ options: Electron.OpenDialogOptions }]];
    expect(call.options.title).toBe('Choose the save folder');
    expect(await main.invoke('settings.setSaveFolder', {})).toMatchObject({ ok: true, value: { library: { saveFolder: folder } } });
    expect(await main.invoke('settings.setSaveFolder', { path: null })).toMatchObject({
      ok: true,
      value: { library: { saveFolder: null } },
    });
  });
});

describe('dragging several images out', () => {
  it('hands every original to the OS at once, with a PNG icon made from the first thumbnail', async () => {
    expect(await main.invoke('library.startDragMany', { ids: images.map((i) => i.id) })).toEqual({ ok: true, value: null });
    const [[item]] = calls('webContents.startDrag').slice(-1) as [
      [{ file: string; files: string[]; icon: { bytes: Buffer; isEmpty(): boolean } }],
    ];
    expect(item.files).toHaveLength(3);
    expect(item.file).toBe(item.files[0]);
    for (const [i, file] of item.files.entries()) {
      expect(path.isAbsolute(file)).toBe(true);
      expect((await sharp(file).metadata()).width).toBe(images[i]!.width);
    }
    expect(item.icon.isEmpty()).toBe(false);
    expect((await sharp(item.icon.bytes).metadata()).format).toBe('png');
  });
});
