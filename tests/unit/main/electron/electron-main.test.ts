// The real src/main/electron/main.ts, run against the electron stand-in: IPC, window, protocols, lifecycle.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannelName, REQUEST_CHANNELS } from '../../../../src/shared/contract';
import { SECURITY_HEADERS } from '../../../../src/main/server/content-security';
import { ENCRYPTED_SECRETS_FILE } from '../../../../src/main/core/secrets/secret-store';
import { runMain, type MainRun } from '../../../support/electron-main';
import { fakeApiKey } from '../../../support/keychain';
import { solidImage } from '../../../support/images';
import { removeTempDirs } from '../../../support/temp-dir';

vi.mock('electron', async () => (await import('../../../support/electron-main')).electronModule());

const APP_PAGE = 'holst-app://app/index.html';
let run: MainRun;

beforeAll(async () => {
  run = await runMain();
});
afterAll(async () => {
  await run.stop();
  await removeTempDirs();
});

/** An image put in the library the way the renderer does it (bytes over IPC). */
async function importImage(bytes: Buffer, name: string): Promise<{ id: number; sha256: string }> {
  const answer = (await run.invoke('library.importBytes', { name, base64: bytes.toString('base64') })) as {
    ok: boolean;
    value: { id: number; sha256: string };
  };
  expect(answer.ok).toBe(true);
  return answer.value;
}

describe('IPC', () => {
  it('registers exactly one handler for every request channel of the contract', () => {
    const { registrations } = run.electron.ipcMain;
    expect([...registrations].sort()).toEqual(REQUEST_CHANNELS.map(ipcChannelName).sort());
    expect(new Set(registrations).size).toBe(registrations.length);
  });

  it('answers invalid_input to bad input on every channel, and nothing throws', async () => {
    for (const channel of REQUEST_CHANNELS) {
      for (const bad of [42, 'text', [1, 2]]) {
        expect(await run.invoke(channel, bad), channel).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      }
    }
  });

  it('answers the app page, and refuses frames of any other origin', async () => {
    expect(await run.invoke('app.info')).toMatchObject({ ok: true, value: { shell: 'electron', dataDir: run.dataDir } });
    for (const frame of [
      'https://evil.example/',
      'holst-app://other/index.html',
      'file:///etc/passwd',
      'http://127.0.0.1:5173/',
      'about:blank',
      null,
    ]) {
      const answer = await run.invoke('app.info', undefined, frame);
      expect(answer, String(frame)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: 'Requests are only accepted from the Holst window.' },
      });
    }
  });
});

describe('the window', () => {
  it('is isolated and sandboxed, without Node, with the built preload, and shows the app page once ready', () => {
    const win = run.window();
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      preload: path.join(run.outDir, 'preload', 'index.cjs'),
    });
    expect(win.options.show).toBe(false);
    expect(win.webContents.loaded).toEqual({ url: APP_PAGE, status: 200 });
    expect(win.state.shown).toBe(true);
    expect(run.electron.protocol.privileged).toEqual([
      { scheme: 'holst-app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('never leaves the app: other origins are prevented, http(s) links go to the system browser', () => {
    const contents = run.window().webContents;
    const opened = () => run.recorder.calls('shell.openExternal').map(([url]) => url);

    expect(contents.navigate('https://example.com/docs')).toBe(true);
    expect(contents.navigate('file:///etc/passwd')).toBe(true);
    expect(contents.navigate('holst-app://other/index.html')).toBe(true);
    expect(contents.navigate(`${APP_PAGE}#library`)).toBe(false);
    expect(contents.redirect('https://evil.example/')).toBe(true);
    expect(contents.redirect(`${APP_PAGE}?x=1`)).toBe(false);

    expect(contents.openWindow('https://example.com/page')).toEqual({ action: 'deny' });
    expect(contents.openWindow('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(contents.openWindow('https://user:pass@example.com/')).toEqual({ action: 'deny' });
    expect(contents.openWindow(APP_PAGE)).toEqual({ action: 'deny' });
    expect(contents.attachWebview('https://example.com/')).toBe(true);
    expect(opened()).toEqual(['https://example.com/docs', 'https://example.com/page']);
  });

  it('denies every permission but writing to the clipboard', async () => {
    const session = run.electron.session.defaultSession;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid'] as const) {
      expect(await session.requestPermission(permission), permission).toBe(false);
      expect(session.checkPermission(permission), permission).toBe(false);
    }
    expect(await session.requestPermission('clipboard-sanitized-write')).toBe(true);
    expect(session.checkPermission('clipboard-sanitized-write')).toBe(true);
  });
});

describe('holst-app://', () => {
  it('serves the built renderer with the security headers, and client routes get the page', async () => {
    const page = (await run.electron.protocol.fetch(APP_PAGE))!;
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(page.headers.get(name), name).toBe(value);
    const html = await fs.readFile(path.join(run.outDir, 'renderer', 'index.html'), 'utf8');
    expect(await page.text()).toBe(html);
    const script = (await run.electron.protocol.fetch('holst-app://app/assets/app.js'))!;
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await (await run.electron.protocol.fetch('holst-app://app/library'))!.text()).toBe(html);
  });

  it('refuses every path out of the renderer folder, and other hosts', async () => {
    for (const url of [
      'holst-app://app/..%2fsecret.txt',
      'holst-app://app/%2e%2e/secret.txt',
      'holst-app://app/%2e%2e%2fsecret.txt',
      'holst-app://app/assets/..%2f..%2fsecret.txt',
      'holst-app://app/..%5csecret.txt',
      'holst-app://app/secret.txt%00.js',
      'holst-app://app/missing.js',
      'holst-app://other/index.html',
    ]) {
      const answer = (await run.electron.protocol.fetch(url))!;
      expect(answer.status, url).toBe(404);
      expect(answer.headers.get('content-security-policy'), url).toBe(SECURITY_HEADERS['Content-Security-Policy']);
      expect(await answer.text(), url).not.toContain('not for the renderer');
    }
  });
});

describe('holst-media://', () => {
  let small: { id: number; sha256: string };
  let large: { id: number; sha256: string };
  let largeBytes: Buffer;

  beforeAll(async () => {
    small = await importImage(await solidImage(11, 'png', 300, 200), 'small.png');
    largeBytes = await solidImage(12, 'jpeg', 2000, 1000);
    large = await importImage(largeBytes, 'large.jpg');
  });

  it('serves a real image by id: thumbnail, preview and original, with ETags', async () => {
    const media = (url: string) => run.electron.protocol.fetch(url).then((r) => r!);
    const thumb = await media(`holst-media://thumb/${small.id}`);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    expect(
      Buffer.from(await thumb.arrayBuffer())
        .subarray(8, 12)
        .toString(),
    ).toBe('WEBP');

    const original = await media(`holst-media://original/${large.id}`);
    expect(original.headers.get('content-type')).toBe('image/jpeg');
    const bytes = Buffer.from(await original.arrayBuffer());
    expect(Buffer.compare(bytes, largeBytes)).toBe(0);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(large.sha256);

    expect((await media(`holst-media://preview/${large.id}`)).headers.get('content-type')).toBe('image/webp');
    expect((await media(`holst-media://preview/${small.id}`)).headers.get('content-type')).toBe('image/png');

    const etag = thumb.headers.get('etag')!;
    const again = (await run.electron.protocol.fetch(`holst-media://thumb/${small.id}`, { headers: { 'If-None-Match': etag } }))!;
    expect(again.status).toBe(304);
  });

  it('refuses unknown ids and every path-like form the browser harness refuses', async () => {
    // The forms of tests/unit/main/core/library/library-media.test.ts and tests/e2e/library.spec.ts, as holst-media:// URLs
    // (reaching the handler unparsed, as Chromium passes a non-standard scheme).
    for (const rest of [
      `thumb/999/../${small.id}`,
      'thumb/999999',
      'thumb/0',
      'thumb/01',
      'thumb/-1',
      'thumb/1.0',
      'thumb/../../settings.json',
      'original/../settings.json',
      'original/..%2f..%2fsettings.json',
      'original/..%2Fsettings.json',
      'original/%2e%2e%2fsettings.json',
      'original/..%5csettings.json',
      'original//etc/passwd',
      'original/%2fetc%2fpasswd',
      `original/${small.id}%00`,
      `original/${small.id}%00.png`,
      `original/${small.id}/extra`,
      `thumb/%3${String(small.id).at(-1)}`,
      'secrets/1',
      'secret/1',
      'thumb/',
      'thumb',
      '',
    ]) {
      const answer = (await run.electron.protocol.fetch(`holst-media://${rest}`))!;
      expect(answer.status, rest).toBe(404);
      expect(await answer.text(), rest).not.toContain('providers');
    }
  });
});

describe('keys with a keychain (the other cases: electron-keys.test.ts)', () => {
  it('go to the system keychain, and safeStorage is never asked', async () => {
    expect(await run.invoke('app.info')).toMatchObject({ ok: true, value: { secretBackend: 'keychain' } });
    const provider = { id: 'giga', kind: 'gigachat', baseUrl: 'https://gigachat.example/api/v1' };
    expect(await run.invoke('providers.save', { provider })).toMatchObject({ ok: true });
    const key = fakeApiKey('k3y5');
    expect(await run.invoke('secrets.set', { providerId: 'giga', key })).toMatchObject({
      ok: true,
      value: { source: 'keychain', last4: 'k3y5' },
    });
    expect(await run.invoke('secrets.clear', { providerId: 'giga' })).toMatchObject({ ok: true, value: { set: false } });
    expect(run.recorder.log.filter((c) => c.api.startsWith('safeStorage.'))).toEqual([]);
    expect(existsSync(path.join(run.dataDir, ENCRYPTED_SECRETS_FILE))).toBe(false);
  });
});

describe('one instance', () => {
  it('a second start brings the window back and focuses it', () => {
    const win = run.window();
    win.minimize();
    run.electron.app.emit('second-instance', { preventDefault() {} }, ['holst'], '/', {});
    expect(win.isMinimized()).toBe(false);
    expect(win.state.focused).toBe(true);
    expect(run.recorder.calls('BrowserWindow.restore')).toHaveLength(1);
  });
});
