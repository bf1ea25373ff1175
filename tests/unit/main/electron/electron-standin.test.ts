// The electron stand-in itself: strict about what it lacks, faithful where Electron refuses things.
import { describe, expect, it } from 'vitest';
import { createElectronStandin } from '../../../support/electron-standin';

describe('the electron stand-in', () => {
  it('throws, naming the member, for anything Electron has that it does not implement', () => {
    const { electron } = createElectronStandin();
    const app = electron.app as unknown as Record<string, unknown>;
    expect(() => app.setBadgeCount).toThrow('the stand-in has no app.setBadgeCount');
    expect(() => (electron.shell as unknown as Record<string, unknown>).trashItem).toThrow('the stand-in has no shell.trashItem');
    const win = new electron.BrowserWindow({}) as unknown as Record<string, unknown>;
    expect(() => win.setTitle).toThrow('the stand-in has no BrowserWindow.setTitle');
    expect(() => (win.webContents as Record<string, unknown>).executeJavaScript).toThrow(
      'the stand-in has no webContents.executeJavaScript',
    );
  });

  it('has Electron’s types: a member it lacks or a wrong argument fails the typecheck', () => {
    const { electron } = createElectronStandin();
    // @ts-expect-error: not implemented, so not in the stand-in's type either.
    expect(() => electron.app.setBadgeCount(1)).toThrow();
    // @ts-expect-error: Electron's openExternal takes a string.
    void electron.shell.openExternal(42);
    // @ts-expect-error: and its BrowserWindow options are Electron's.
    expect(() => new electron.BrowserWindow({ widht: 10 })).not.toThrow();
  });

  it('refuses what Electron refuses: a second IPC handler, protocols at the wrong time', () => {
    const { electron } = createElectronStandin();
    electron.ipcMain.handle('x', () => 1);
    expect(() => electron.ipcMain.handle('x', () => 2)).toThrow("Attempted to register a second handler for 'x'");
    expect(() => electron.protocol.handle('holst-app', () => new Response())).toThrow(/after the app is ready/);
    electron.app.ready();
    expect(() => electron.protocol.registerSchemesAsPrivileged([{ scheme: 'x' }])).toThrow(/before app is ready/);
  });

  it('encrypts for real with safeStorage, and refuses a tampered ciphertext', () => {
    const { electron } = createElectronStandin();
    const cipher = electron.safeStorage.encryptString('sk-secret');
    expect(cipher.toString('latin1')).not.toContain('sk-secret');
    expect(electron.safeStorage.decryptString(cipher)).toBe('sk-secret');
    cipher[cipher.length - 1]! ^= 1;
    expect(() => electron.safeStorage.decryptString(cipher)).toThrow();
    expect(createElectronStandin({ safeStorage: { backend: 'basic_text' } }).electron.safeStorage.getSelectedStorageBackend()).toBe(
      'basic_text',
    );
  });

  it('closes a window as Electron does: close, closed, then window-all-closed', () => {
    const { electron } = createElectronStandin();
    const events: string[] = [];
    electron.app.on('window-all-closed', () => events.push('window-all-closed'));
    const win = new electron.BrowserWindow({ show: false });
    win.on('close', () => events.push('close'));
    win.on('closed', () => events.push('closed'));
    win.webContents.once('destroyed', () => events.push('destroyed'));
    win.close();
    expect(events).toEqual(['close', 'destroyed', 'closed', 'window-all-closed']);
    expect(win.isDestroyed()).toBe(true);
  });
});
