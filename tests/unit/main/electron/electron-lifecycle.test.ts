// The real src/main/electron/main.ts against the electron stand-in: the lock, saved bounds, crashes and quit.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { SettingsStore } from '../../../../src/main/core/settings/settings-store';
import type { WindowState } from '../../../../src/shared/settings';
import { display } from '../../../support/electron-standin';
import { runMain, type MainRun } from '../../../support/electron-main';
import { removeTempDirs, tempDir } from '../../../support/temp-dir';

vi.mock('electron', async () => (await import('../../../support/electron-main')).electronModule());

afterAll(removeTempDirs);

/** A data folder whose settings remember a window, written by the settings store itself. */
async function dataDirWithWindow(window: WindowState): Promise<string> {
  const dataDir = await tempDir();
  const { store } = await SettingsStore.open(dataDir, 'recover');
  await store.update((draft) => ({ ...draft, window }));
  return dataDir;
}

async function settingsWindow(dataDir: string): Promise<unknown> {
  return (JSON.parse(await fs.readFile(path.join(dataDir, 'settings.json'), 'utf8')) as { window?: unknown }).window;
}

async function withRun(options: Parameters<typeof runMain>[0], test: (run: MainRun) => Promise<void>): Promise<void> {
  const run = await runMain(options);
  try {
    await test(run);
  } finally {
    await run.stop();
  }
}

describe('single instance', () => {
  it('quits at once when another instance holds the lock, and opens nothing', async () => {
    await withRun({ singleInstanceLock: false, ready: false }, async (run) => {
      expect(run.recorder.calls('app.quit')).toHaveLength(1);
      run.electron.app.ready();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(run.windows).toHaveLength(0);
      expect(run.electron.ipcMain.channels()).toEqual([]);
      expect(run.electron.protocol.schemes()).toEqual([]);
    });
  });
});

describe('a failed start', () => {
  it('says why in an error box, with where the log is, and exits', async () => {
    const dataDir = await tempDir();
    await fs.writeFile(path.join(dataDir, 'library.sqlite'), 'this is not a database, '.repeat(200));
    await withRun({ dataDir }, async (run) => {
      expect(run.electron.app.exitCode).toBe(1);
      const [[title, detail]] = run.recorder.calls('dialog.showErrorBox') as [[string, string]];
      expect(title).toBe('Holst could not start');
      expect(detail).toContain(path.join(dataDir, 'logs'));
      expect(run.windows).toHaveLength(0);
      const log = await fs.readFile(path.join(dataDir, 'logs', 'holst.log'), 'utf8');
      expect(log).toContain('could not start');
    });
  });
});

describe('window bounds', () => {
  it('opens where it was left, maximized again, and saves where it is when closed', async () => {
    const dataDir = await dataDirWithWindow({ x: 200, y: 150, width: 1000, height: 700, maximized: true });
    await withRun({ dataDir }, async (run) => {
      expect(run.window().options).toMatchObject({ x: 200, y: 150, width: 1000, height: 700 });
      expect(run.window().isMaximized()).toBe(true);
      run.window().moveTo({ x: 40, y: 30, width: 900, height: 650 });
    });
    expect(await settingsWindow(dataDir)).toEqual({ x: 40, y: 30, width: 900, height: 650, maximized: true });
  });

  it('drops a position that is on no connected display, keeping the size', async () => {
    const dataDir = await dataDirWithWindow({ x: 2500, y: 100, width: 1000, height: 700, maximized: false });
    await withRun({ dataDir }, async (run) => {
      expect(run.window().options).toMatchObject({ width: 1000, height: 700 });
      expect(run.window().options.x).toBeUndefined();
      expect(run.window().options.y).toBeUndefined();
    });
    // The same position on a second display to the right is kept.
    const again = await dataDirWithWindow({ x: 2500, y: 100, width: 1000, height: 700, maximized: false });
    const displays = [display(1, { x: 0, y: 0, width: 1920, height: 1050 }), display(2, { x: 1920, y: 0, width: 2560, height: 1410 })];
    await withRun({ dataDir: again, displays }, async (run) => {
      expect(run.window().options).toMatchObject({ x: 2500, y: 100, width: 1000, height: 700 });
    });
  });
});

describe('crashes', () => {
  it('offers Reload when the renderer crashes, and Quit quits', async () => {
    await withRun({}, async (run) => {
      const win = run.window();
      win.webContents.crash({ reason: 'clean-exit', exitCode: 0 });
      win.webContents.crash({ reason: 'crashed', exitCode: 139 });
      await vi.waitFor(() => expect(run.recorder.calls('webContents.reload')).toHaveLength(1));
      const boxes = run.recorder.calls('dialog.showMessageBox');
      expect(boxes).toHaveLength(1);
      expect((boxes[0]![0] as { window: unknown }).window).toBe(win);
      expect(boxes[0]![0]).toMatchObject({
        options: { type: 'error', message: 'The Holst window stopped working', buttons: ['Reload', 'Quit'], defaultId: 0 },
      });

      run.electron.dialog.script.messageBox.push({ response: 1, checkboxChecked: false });
      win.webContents.crash({ reason: 'oom', exitCode: 1 });
      await vi.waitFor(() => expect(run.recorder.calls('app.quit')).toHaveLength(1));
      expect(run.recorder.calls('webContents.reload')).toHaveLength(1);
      const log = await fs.readFile(path.join(run.dataDir, 'logs', 'holst.log'), 'utf8');
      expect(log).toContain("the window's renderer stopped (crashed, exit code 139)");
    });
  });

  it('an uncaught exception is logged and shown, and the app stays up', async () => {
    await withRun({}, async (run) => {
      expect(run.crashGuard.uncaughtException).toHaveLength(1);
      expect(run.crashGuard.unhandledRejection).toHaveLength(1);
      run.crashGuard.uncaughtException[0]!(new Error('the disk said no'));
      const [call] = run.recorder.calls('dialog.showMessageBox');
      expect(call![0]).toMatchObject({ window: null, options: { type: 'error', message: 'Holst ran into an unexpected problem' } });
      expect((call![0] as { options: { detail: string } }).options.detail).toContain('the disk said no');
      // A burst of problems shows one dialog; every one is logged.
      run.crashGuard.unhandledRejection[0]!(new Error('and again'));
      expect(run.recorder.calls('dialog.showMessageBox')).toHaveLength(1);
      expect(run.recorder.calls('app.quit')).toHaveLength(0);
      expect(run.recorder.calls('app.exit')).toHaveLength(0);
      expect(await run.invoke('app.info')).toMatchObject({ ok: true });
      const log = await fs.readFile(path.join(run.dataDir, 'logs', 'holst.log'), 'utf8');
      expect(log).toContain('the disk said no');
      expect(log).toContain('and again');
    });
  });
});

describe('quit', () => {
  it('will-quit closes the core: the library is closed and its write-ahead log folded in', async () => {
    await withRun({}, async (run) => {
      const wal = path.join(run.dataDir, 'library.sqlite-wal');
      expect(await run.invoke('library.count', {})).toMatchObject({ ok: true, value: { count: 0 } });
      expect(existsSync(wal)).toBe(true);
      run.electron.app.quit();
      expect(existsSync(wal)).toBe(false);
      expect(await run.invoke('library.count', {})).toMatchObject({ ok: false });
    });
  });

  it('closing the last window quits (but not on macOS)', async () => {
    await withRun({}, async (run) => {
      run.window().close();
      expect(run.recorder.calls('app.quit')).toHaveLength(process.platform === 'darwin' ? 0 : 1);
    });
  });
});
