// The real src/main/electron/ against the electron stand-in: menus, dialogs, clipboard, shell and drag-out.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exportFileName } from '../../../../src/main/core/library/export/export-name';
import type { ImageRecord } from '../../../../src/shared/library';
import { runMain, type MainRun } from '../../../support/electron-main';
import { solidImage } from '../../../support/images';
import { removeTempDirs, tempDir } from '../../../support/temp-dir';

vi.mock('electron', async () => (await import('../../../support/electron-main')).electronModule());

let run: MainRun;
let image: ImageRecord;

beforeAll(async () => {
  run = await runMain();
  const answer = (await run.invoke('library.importBytes', {
    name: 'harbour.jpg',
    base64: (await solidImage(21, 'jpeg', 320, 200)).toString('base64'),
  })) as { ok: true; value: ImageRecord };
  image = answer.value;
});
afterAll(async () => {
  await run.stop();
  await removeTempDirs();
});

const calls = (api: string) => run.recorder.calls(api);
const ok = (answer: unknown) => expect(answer).toMatchObject({ ok: true });

/** Every item of the application menu, submenus flattened. */
function menuItems(): MenuItemConstructorOptions[] {
  const flat = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
    items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flat(item.submenu as MenuItemConstructorOptions[]) : [])]);
  return flat(run.electron.Menu.application!.template as MenuItemConstructorOptions[]);
}

const click = (item: MenuItemConstructorOptions | undefined) => {
  if (!item?.click) throw new Error('no such menu item');
  (item.click as () => void)();
};

const lastCommand = () =>
  calls('webContents.send')
    .filter(([channel]) => channel === 'holst:app.command')
    .at(-1)?.[1];

describe('the application menu', () => {
  it('sends the same app.command as the keyboard shortcut of each item', () => {
    // The renderer's own keys (src/renderer/app/App.tsx): Ctrl/Cmd+N a new chat, Ctrl/Cmd+, Settings.
    const byAccelerator: Record<string, string> = {
      'CmdOrCtrl+N': 'new-chat',
      'CmdOrCtrl+1': 'chat',
      'CmdOrCtrl+2': 'library',
      [process.platform === 'darwin' ? 'Cmd+,' : 'Ctrl+,']: 'settings',
    };
    const withKeys = menuItems().filter((item) => item.accelerator && item.click);
    expect(withKeys.map((item) => item.accelerator).sort()).toEqual(Object.keys(byAccelerator).sort());
    for (const item of withKeys) {
      click(item);
      expect(lastCommand(), String(item.accelerator)).toEqual({ command: byAccelerator[String(item.accelerator)] });
    }
    expect(run.window().state.shown).toBe(true);
  });

  it('is built again in Russian when the language changes, with the same commands', async () => {
    ok(await run.invoke('settings.setLanguage', { language: 'ru' }));
    expect(calls('Menu.setApplicationMenu').length).toBeGreaterThanOrEqual(2);
    click(menuItems().find((item) => item.label === 'Новый чат'));
    expect(lastCommand()).toEqual({ command: 'new-chat' });
    ok(await run.invoke('settings.setLanguage', { language: 'en' }));
    expect(menuItems().some((item) => item.label === 'New Chat')).toBe(true);
  });

  it('Help opens the logs folder and copies the diagnostics', async () => {
    click(menuItems().find((item) => item.label === 'Open Logs Folder'));
    await vi.waitFor(() => expect(calls('shell.openPath')).toEqual([[path.join(run.dataDir, 'logs')]]));
    expect(calls('dialog.showErrorBox')).toEqual([]);

    click(menuItems().find((item) => item.label === 'Copy Diagnostics'));
    await vi.waitFor(() => expect(calls('clipboard.writeText')).toHaveLength(1));
    const text = calls('clipboard.writeText')[0]![0] as string;
    expect(text).toContain(run.dataDir);
    expect(await run.electron.clipboard.readText()).toBe(text);
    await vi.waitFor(() => expect(calls('dialog.showMessageBox').at(-1)?.[0]).toMatchObject({ options: { type: 'info' } }));
  });
});

describe('the library on the desktop', () => {
  /** The original in the data folder: the file whose bytes hash to the record's sha256. */
  async function expectOriginal(file: unknown): Promise<void> {
    expect(typeof file).toBe('string');
    expect(path.relative(run.dataDir, file as string).startsWith('..')).toBe(false);
    expect(
      createHash('sha256')
        .update(await fs.readFile(file as string))
        .digest('hex'),
    ).toBe(image.sha256);
  }

  it('Copy puts the picture on the clipboard as PNG', async () => {
    ok(await run.invoke('library.copy', { id: image.id }));
    const [[items]] = calls('clipboard.write') as [[Electron.ClipboardItem[]]];
    expect(items.map((item) => item.types)).toEqual([['image/png']]);
    const png = Buffer.from(await (await items[0]!.getType('image/png')).arrayBuffer());
    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 320, height: 200 });
  });

  it('Save a copy asks where with the readable name, writes the picture there, and does nothing when cancelled', async () => {
    const target = path.join(await tempDir(), 'chosen.jpg');
    run.electron.dialog.script.save.push({ canceled: false, filePath: target });
    expect(await run.invoke('library.export', { id: image.id })).toEqual({ ok: true, value: { path: target } });
    const [call] = calls('dialog.showSaveDialog') as [[{ window: unknown; options: Electron.SaveDialogOptions }]];
    expect(call[0].window).toBe(run.window());
    expect(call[0].options).toEqual({ title: 'Save a copy', defaultPath: exportFileName(image) });
    expect(await sharp(target).metadata()).toMatchObject({ format: 'jpeg', width: 320, height: 200 });

    // No scripted answer: the person cancels.
    expect(await run.invoke('library.export', { id: image.id })).toEqual({ ok: true, value: { path: null } });
  });

  it('Reveal shows the original in the file manager', async () => {
    ok(await run.invoke('library.reveal', { id: image.id }));
    const [[file]] = calls('shell.showItemInFolder') as [[string]];
    await expectOriginal(file);
  });

  it('dragging out hands the original to the OS', async () => {
    ok(await run.invoke('library.startDrag', { id: image.id }));
    const [[item]] = calls('webContents.startDrag') as [[{ file: string }]];
    await expectOriginal(item.file);
  });

  // nativeImage decodes only PNG and JPEG: the WebP thumbnail is converted, or the icon is empty (and macOS refuses the drag).
  it('the drag icon is one Electron can show', async () => {
    ok(await run.invoke('library.startDrag', { id: image.id }));
    const [item] = calls('webContents.startDrag').at(-1) as [{ icon: { isEmpty(): boolean } }];
    expect(item.icon.isEmpty()).toBe(false);
  });

  it('Import asks with the open dialog, and imports what was chosen', async () => {
    const file = path.join(await tempDir(), 'picked.png');
    await fs.writeFile(file, await solidImage(22, 'png', 40, 30));
    run.electron.dialog.script.open.push({ canceled: false, filePaths: [file] });
    const answer = (await run.invoke('library.import')) as { ok: true; value: { jobId: string | null } };
    expect(answer.value.jobId).toEqual(expect.any(String));
    const [[call]] = calls('dialog.showOpenDialog') as [[{ window: unknown; options: Electron.OpenDialogOptions }]];
    expect(call.window).toBe(run.window());
    expect(call.options.properties).toEqual(expect.arrayContaining(['openFile', 'multiSelections']));
    await vi.waitFor(async () => expect(await run.invoke('library.count', {})).toMatchObject({ value: { count: 2 } }));

    expect(await run.invoke('library.import')).toEqual({ ok: true, value: { jobId: null } });
  });

  it('links open in the system browser; anything else is refused before the shell sees it', async () => {
    const before = calls('shell.openExternal').length;
    expect(await run.invoke('app.openExternal', { url: 'https://example.com/help' })).toEqual({ ok: true, value: { opened: true } });
    expect(await run.invoke('app.openExternal', { url: 'file:///etc/passwd' })).toMatchObject({ ok: false });
    expect(
      calls('shell.openExternal')
        .slice(before)
        .map(([url]) => url),
    ).toEqual(['https://example.com/help']);
  });
});
