// The window cannot name a file (issue 21, point 11): the requests a hostile page would send, over
// the bridge the browser fallback uses (the dispatcher every renderer request goes through, and
// the harness's WebSocket server in front of it), are refused with a typed error; nothing is
// written, no folder is made, nothing is read, and the answer says nothing about what exists.
// The desktop app's side (its dialogs, the real preload) is in electron-window-paths.test.ts.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { AppCore } from '../../../../../src/main/core/app-core';
import { exportsFolder } from '../../../../../src/main/core/paths/window-paths';
import { startBridgeServer, type BridgeServer } from '../../../../../src/main/server/bridge-server';
import type { RequestChannel } from '../../../../../src/shared/contract';
import type { ErrorPayload, Result } from '../../../../../src/shared/errors';
import { allowFolders, openTestCore } from '../../../../support/core';
import { solidImage } from '../../../../support/images';
import { removeTempDirs, tempDir } from '../../../../support/temp-dir';
import { NOTES, userFiles } from '../../../../support/user-files';

let core: AppCore;
let server: BridgeServer;
let ws: WebSocket;
/** Outside every folder the window may write to: a text file of the user's, a folder of pictures. */
let outside: string;
let textFile: string;
let pictures: string;
const events: string[] = [];

beforeAll(async () => {
  core = await openTestCore();
  await core.library.ingest({ bytes: await solidImage(3) }, { source: 'imported' });
  core.events.subscribe((name) => events.push(name));
  ({ outside, textFile, pictures } = await userFiles());
  const rendererDir = await tempDir();
  await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Holst</title>');
  server = await startBridgeServer({ core, rendererDir });
  ws = await new Promise<WebSocket>((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/bridge`, {
      headers: { origin: server.origin, cookie: `holst_token_${server.port}=${server.token}` },
    });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
});

afterAll(async () => {
  ws.close();
  await server.close();
  core.close();
  await removeTempDirs();
});

let nextId = 1;
/** A request as the page sends it over the harness's WebSocket. */
function overSocket(channel: string, input: unknown): Promise<Result<unknown>> {
  const id = nextId++;
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const frame = JSON.parse(data.toString()) as { t: string; id?: number; result?: Result<unknown> };
      if (frame.t !== 'res' || frame.id !== id) return;
      ws.off('message', onMessage);
      resolve(frame.result!);
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ t: 'req', id, channel, input }));
  });
}

/** Both ways a page's request reaches the core. */
const bridges: Array<[string, (channel: RequestChannel, input: unknown) => Promise<Result<unknown>>]> = [
  ['the dispatcher', (channel, input) => core.dispatch(channel, input)],
  ['the WebSocket bridge', (channel, input) => overSocket(channel, input)],
];

const errorOf = (result: Result<unknown>): ErrorPayload => {
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.value)}`);
  return result.error;
};
const exists = (file: string) =>
  fs.stat(file).then(
    () => true,
    () => false,
  );

describe.each(bridges)('a hostile page, over %s', (_name, send) => {
  it('cannot replace a file with a ZIP: exportMany with `to` on a text file and overwrite', async () => {
    const error = errorOf(await send('library.exportMany', { selection: { ids: [1] }, to: textFile, format: 'zip', overwrite: true }));
    expect(error).toMatchObject({ code: 'config', field: 'to' });
    // It says what to do: the folders the window may write to, and where to list more.
    expect(error.message).toContain(exportsFolder(core.dataDir));
    expect(error.message).toContain(core.settings.file);
    expect(await fs.readFile(textFile, 'utf8')).toBe(NOTES);
    // Nor write a folder's worth of pictures anywhere it likes.
    const folder = path.join(outside, 'made-by-page');
    expect(errorOf(await send('library.exportMany', { selection: { ids: [1] }, to: folder, format: 'folder' }))).toMatchObject({
      code: 'config',
      field: 'to',
    });
    // `..` does not climb out of an allowed folder.
    const climbing = path.join(exportsFolder(core.dataDir), '..', '..', path.basename(outside), 'climbed');
    expect(errorOf(await send('library.exportMany', { selection: { ids: [1] }, to: climbing, format: 'folder' }))).toMatchObject({
      code: 'config',
    });
    expect(await exists(folder)).toBe(false);
    expect(await exists(path.join(outside, 'climbed'))).toBe(false);
    expect(events).not.toContain('library.exportProgress');
  });

  it('cannot make any folder the save folder: setSaveFolder with a path is refused, nothing created', async () => {
    const folder = path.join(outside, 'new', 'save-folder');
    expect(errorOf(await send('settings.setSaveFolder', { path: folder }))).toMatchObject({ code: 'config', field: 'path' });
    expect(errorOf(await send('settings.setSaveFolder', { path: pictures }))).toMatchObject({ code: 'config', field: 'path' });
    expect(await exists(path.join(outside, 'new'))).toBe(false);
    expect(core.settings.get().library.saveFolder).toBeNull();
  });

  it('cannot read files from anywhere: library.import takes no paths, and says nothing about what exists', async () => {
    const existing = errorOf(await send('library.import', { paths: [pictures] }));
    const missing = errorOf(await send('library.import', { paths: [path.join(outside, 'no-such-folder')] }));
    expect(existing).toMatchObject({ code: 'invalid_input' });
    expect(missing).toEqual(existing);
    expect(events).not.toContain('library.importProgress');
    expect(core.library.count({})).toBe(1);
  });
});

describe('the preload-only channel', () => {
  it('is refused by the WebSocket bridge as an unknown request, with no import started', async () => {
    const existing = errorOf(await overSocket('library.importDropped', { paths: [pictures] }));
    const missing = errorOf(await overSocket('library.importDropped', { paths: [path.join(outside, 'no-such-folder')] }));
    const unknown = errorOf(await overSocket('library.noSuchChannel', {}));
    expect(existing).toEqual({
      code: 'invalid_input',
      message: 'Unknown request "library.importDropped".',
      key: 'requestUnknown',
      params: { channel: 'library.importDropped' },
    });
    expect(missing).toEqual(existing);
    expect(unknown.code).toBe('invalid_input');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events).not.toContain('library.importProgress');
    expect(core.library.count({})).toBe(1);
  });
});

describe('what the browser fallback may write to', () => {
  it('exports into the data folder’s exports folder, and into folders the user listed in the settings file', async () => {
    const finished = () =>
      new Promise<void>((resolve) =>
        core.events.subscribe((name, payload) => {
          if (name === 'library.exportProgress' && (payload as { finished: boolean }).finished) resolve();
        }),
      );
    const inExports = path.join(exportsFolder(core.dataDir), 'first');
    let done = finished();
    expect(await core.dispatch('library.exportMany', { selection: { ids: [1] }, to: inExports, format: 'folder' })).toMatchObject({
      ok: true,
    });
    await done;
    expect(await fs.readdir(inExports)).toHaveLength(1);

    // What the user wrote into the settings file (no channel writes this list).
    const listed = await tempDir();
    await allowFolders(core, [listed]);
    done = finished();
    const zip = path.join(listed, 'all.zip');
    expect(await overSocket('library.exportMany', { selection: { ids: [1] }, to: zip, format: 'zip' })).toMatchObject({ ok: true });
    await done;
    expect((await fs.readFile(zip)).subarray(0, 2).toString()).toBe('PK');
    expect(await overSocket('settings.setSaveFolder', { path: path.join(listed, 'saved') })).toMatchObject({
      ok: true,
      value: { library: { saveFolder: path.join(listed, 'saved') } },
    });
    expect(await core.dispatch('settings.setSaveFolder', { path: null })).toMatchObject({ ok: true });
  });

  it('a link inside an allowed folder that points out of it is refused', async () => {
    const listed = await tempDir();
    await allowFolders(core, [listed]);
    await fs.symlink(outside, path.join(listed, 'way-out'));
    const through = path.join(listed, 'way-out', 'notes.txt');
    expect(
      errorOf(await core.dispatch('library.exportMany', { selection: { ids: [1] }, to: through, format: 'zip', overwrite: true })),
    ).toMatchObject({
      code: 'config',
      field: 'to',
    });
    expect(await fs.readFile(textFile, 'utf8')).toBe(NOTES);
  });

  it('the window cannot add to the list: no channel takes it', async () => {
    const result = await core.dispatch('settings.setSaveFolder', { path: null, allowedFolders: [outside] });
    expect(result.ok).toBe(true);
    expect(core.settings.get().library.allowedFolders).not.toContain(outside);
  });
});
