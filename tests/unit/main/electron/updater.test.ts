// The real src/main/electron/updater.ts and electron-updater, through the electron stand-in, against
// a local update feed on 127.0.0.1: checks, background download with sha512 verification, restart.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UpdateStatus } from '../../../../src/shared/update';
import { electronModule, runMain, type MainRun } from '../../../support/electron-main';
import { electronForRequire } from '../../../support/electron-standin/require';
import { removeTempDirs, tempDir } from '../../../support/temp-dir';
import { sha512Of, startUpdateServer, type FeedOptions, type UpdateServer } from '../../../support/update-server';

vi.mock('electron', async () => (await import('../../../support/electron-main')).electronModule());

/** An "AppImage" that says it was started, and how, in the file $HOLST_UPDATE_MARKER names. */
const appImage = (version: string) =>
  Buffer.from(`#!/bin/sh\nprintf '${version} silent=%s' "$APPIMAGE_SILENT_INSTALL" > "$HOLST_UPDATE_MARKER"\n`);
const NEW = appImage('0.2.0');

let undoRequire: () => void;
const resourcesPath = Object.getOwnPropertyDescriptor(process, 'resourcesPath');
beforeAll(() => void (undoRequire = electronForRequire(electronModule())));
afterAll(async () => {
  undoRequire();
  await removeTempDirs();
});

interface Installed {
  run: MainRun;
  server: UpdateServer | null;
  /** The running app's own file (process.env.APPIMAGE). */
  appImageFile: string;
  marker: string;
  cache: string;
}
let current: Installed | null = null;
afterEach(async () => {
  await current?.run.stop();
  await current?.server?.close();
  current = null;
  if (resourcesPath) Object.defineProperty(process, 'resourcesPath', resourcesPath);
  else delete (process as { resourcesPath?: string }).resourcesPath;
});

/** A packaged Holst 0.1.0 AppImage whose build named `feedUrl` (electron-builder's app-update.yml), started. */
async function installed(options: {
  feed?: FeedOptions;
  feedUrl?: string;
  packaged?: boolean;
  updateConfig?: boolean;
  dialogs?: number[];
}) {
  const server = options.feed ? await startUpdateServer(options.feed) : null;
  const resources = await tempDir('holst-resources-');
  const feedUrl = options.feedUrl ?? server?.url ?? 'http://127.0.0.1:9/';
  if (options.updateConfig !== false) {
    await fs.writeFile(path.join(resources, 'app-update.yml'), `provider: generic\nurl: ${feedUrl}\nupdaterCacheDirName: holst-updater\n`);
  }
  Object.defineProperty(process, 'resourcesPath', { value: resources, configurable: true, writable: true });
  const home = await tempDir('holst-apps-');
  const appImageFile = path.join(home, 'Holst.AppImage');
  await fs.writeFile(appImageFile, appImage('0.1.0'), { mode: 0o755 });
  const cache = path.join(home, 'cache');
  const marker = path.join(home, 'started.txt');
  const run = await runMain({
    packaged: options.packaged ?? true,
    version: '0.1.0',
    env: { APPIMAGE: appImageFile, XDG_CACHE_HOME: cache, HOLST_UPDATE_MARKER: marker },
  });
  for (const response of options.dialogs ?? []) run.electron.dialog.script.messageBox.push({ response, checkboxChecked: false });
  current = { run, server, appImageFile, marker, cache };
  return current;
}

const status = async (run: MainRun) => ((await run.invoke('app.updateStatus')) as { ok: true; value: UpdateStatus }).value;
const settled = (run: MainRun, state: UpdateStatus['state']) =>
  vi.waitFor(
    async () => {
      const now = await status(run);
      if (now.state !== state) throw new Error(`the update is ${JSON.stringify(now)}, not ${state}`);
      return now;
    },
    { timeout: 10_000, interval: 20 },
  );
/** What the window was told, in order (`app.updateChanged`). */
const told = (run: MainRun) =>
  run.recorder
    .calls('webContents.send')
    .filter(([channel]) => channel === 'holst:app.updateChanged')
    .map(([, payload]) => payload as UpdateStatus);
const messageBoxes = (run: MainRun) =>
  run.recorder.calls('dialog.showMessageBox').map(([call]) => (call as { options: Electron.MessageBoxOptions }).options);
const helpItem = (run: MainRun, label: string) => {
  const flat = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
    items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flat(item.submenu as MenuItemConstructorOptions[]) : [])]);
  const item = flat(run.electron.Menu.application!.template as MenuItemConstructorOptions[]).find((i) => i.label === label);
  if (!item?.click) throw new Error(`no menu item ${label}`);
  return () => (item.click as () => void)();
};

describe('a build without an update feed', () => {
  it('run from source: nothing is checked, and Help → Check for Updates… says updates are not configured', async () => {
    const { run } = await installed({ packaged: false, feed: { version: '0.2.0', file: NEW } });
    expect(await status(run)).toEqual({ state: 'unavailable' });
    expect(await run.invoke('app.checkForUpdates')).toEqual({ ok: true, value: { state: 'unavailable' } });
    helpItem(run, 'Check for Updates…')();
    await vi.waitFor(() => expect(messageBoxes(run).map((b) => b.message)).toContain('Updates are not configured for this build'));
    expect(run.recorder.calls('net.request')).toEqual([]);
    expect(current!.server!.requests).toEqual([]);
  });

  it('packaged without publish (no app-update.yml): unavailable, and no request leaves the app', async () => {
    const { run, server } = await installed({ updateConfig: false, feed: { version: '0.2.0', file: NEW } });
    expect(await run.invoke('app.checkForUpdates')).toEqual({ ok: true, value: { state: 'unavailable' } });
    expect(server!.requests).toEqual([]);
  });
});

describe('a packaged build with a feed', () => {
  it('offers a newer version at start, downloads it with progress, asks, and installs it on quit after "Later"', async () => {
    const { run, server, appImageFile, marker, cache } = await installed({ feed: { version: '0.2.0', file: NEW }, dialogs: [1] });
    expect(await settled(run, 'ready')).toEqual({ state: 'ready', version: '0.2.0' });
    expect(server!.requests.filter((p) => !p.endsWith('.yml'))).toEqual(['/Holst-0.2.0.AppImage']);
    const states = told(run);
    expect(states[0]).toEqual({ state: 'checking' });
    expect(states).toContainEqual({ state: 'downloading', version: '0.2.0', percent: 100, transferred: NEW.length, total: NEW.length });
    expect(states.at(-1)).toEqual({ state: 'ready', version: '0.2.0' });
    // The restart question, answered "Later": nothing is installed yet.
    await vi.waitFor(() => expect(messageBoxes(run).map((b) => b.message)).toContain('Holst 0.2.0 is ready to install'));
    expect(messageBoxes(run).find((b) => b.message === 'Holst 0.2.0 is ready to install')?.buttons).toEqual(['Restart Now', 'Later']);
    expect(await fs.readFile(appImageFile)).toEqual(appImage('0.1.0'));
    expect(sha512Of(await fs.readFile(path.join(cache, 'holst-updater', 'pending', 'Holst-0.2.0.AppImage')))).toBe(server!.sha512);
    expect(run.recorder.calls('app.quit')).toEqual([]);
    // Quitting installs it: the AppImage is replaced and the new one run once, silently.
    await run.stop();
    expect(await fs.readFile(appImageFile)).toEqual(NEW);
    expect(await fs.readFile(marker, 'utf8')).toBe('0.2.0 silent=true');
  });

  it('"Restart Now" replaces the AppImage, starts the new one and quits', async () => {
    const { run, appImageFile, marker } = await installed({ feed: { version: '0.2.0', file: NEW }, dialogs: [0] });
    await settled(run, 'ready');
    await vi.waitFor(() => expect(run.recorder.calls('app.quit')).toHaveLength(1));
    expect(run.recorder.calls('autoUpdater.emit')).toEqual([['before-quit-for-update']]);
    expect(await fs.readFile(appImageFile)).toEqual(NEW);
    await vi.waitFor(async () => expect(await fs.readFile(marker, 'utf8')).toBe('0.2.0 silent=true'));
  });

  it('offers nothing when the feed has the running version; Help says Holst is up to date', async () => {
    const { run, server, appImageFile } = await installed({ feed: { version: '0.1.0', file: NEW } });
    expect(await settled(run, 'up-to-date')).toEqual({ state: 'up-to-date', version: '0.1.0' });
    helpItem(run, 'Check for Updates…')();
    await vi.waitFor(() => expect(messageBoxes(run).map((b) => b.message)).toContain('Holst is up to date'));
    expect(server!.requests.every((p) => p.endsWith('.yml'))).toBe(true);
    expect(server!.requests.length).toBeGreaterThanOrEqual(2);
    await run.stop();
    expect(await fs.readFile(appImageFile)).toEqual(appImage('0.1.0'));
  });

  it('refuses a download whose sha512 does not match the feed: reported, discarded, nothing installed', async () => {
    const wrong = sha512Of(Buffer.from('another file'));
    const { run, appImageFile, marker, cache } = await installed({ feed: { version: '0.2.0', file: NEW, sha512: wrong } });
    const failed = await settled(run, 'error');
    expect(failed).toMatchObject({ state: 'error', reason: 'checksum' });
    expect(failed.state === 'error' && failed.detail).toMatch(/sha512 checksum mismatch/);
    const pending = path.join(cache, 'holst-updater', 'pending');
    expect(existsSync(pending) ? (await fs.readdir(pending)).filter((f) => f.endsWith('.AppImage')) : []).toEqual([]);
    expect(messageBoxes(run).map((b) => b.message)).not.toContain('Holst 0.2.0 is ready to install');
    await run.stop();
    expect(run.recorder.calls('autoUpdater.emit')).toEqual([]);
    expect(await fs.readFile(appImageFile)).toEqual(appImage('0.1.0'));
    expect(existsSync(marker)).toBe(false);
  });

  it('reports an unreachable feed, in Settings and in a dialog from Help', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const { run } = await installed({ feedUrl: `http://127.0.0.1:${port}/` });
    expect(await settled(run, 'error')).toEqual({ state: 'error', reason: 'unreachable', detail: 'net::ERR_CONNECTION_REFUSED' });
    helpItem(run, 'Check for Updates…')();
    await vi.waitFor(() =>
      expect(messageBoxes(run).find((b) => b.message === 'Holst could not be updated')?.detail).toMatch(/could not be reached/),
    );
  });

  it.each([
    ['not YAML', 'version: [0.2.0\nfiles: {'],
    ['no valid version', 'version: soon\nfiles: []\n'],
    ['no files', 'version: 0.2.0\n'],
  ])('reports a malformed feed (%s) and installs nothing', async (_name, rawFeed) => {
    const { run, server } = await installed({ feed: { version: '0.2.0', file: NEW, rawFeed } });
    expect(await settled(run, 'error')).toMatchObject({ state: 'error', reason: 'malformed' });
    expect(server!.requests.every((p) => p.endsWith('.yml'))).toBe(true);
  });
});
