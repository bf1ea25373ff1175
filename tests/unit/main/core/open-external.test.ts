// `app.openExternal`: a link clicked in an answer, checked by the core before anything opens it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type AppCore } from '../../../../src/main/core/app-core';
import type { DesktopCapabilities } from '../../../../src/main/core/desktop';
import { silentLogger } from '../../../../src/main/core/logging/log';
import type { Result } from '../../../../src/shared/errors';
import { call, openTestCore } from '../../../support/core';
import { testKeychainService } from '../../../support/keychain';
import { removeTempDirs, tempDir } from '../../../support/temp-dir';

/** Electron's shell as the desktop app hands it over, recording what it was asked to open. */
function recordingDesktop(opened: string[], failWith?: string): DesktopCapabilities {
  const unused = () => {
    throw new Error('not used by these tests');
  };
  return {
    chooseImportPaths: unused,
    chooseExportPath: unused,
    copyImageToClipboard: unused,
    revealInFolder: unused,
    startDrag: unused,
    openFolder: unused,
    async openExternal(url) {
      if (failWith) throw new Error(failWith);
      opened.push(url);
    },
  };
}

async function desktopCore(desktop: DesktopCapabilities): Promise<AppCore> {
  return openCore({
    dataDir: await tempDir(),
    shell: 'electron',
    settingsPolicy: 'recover',
    env: { HOLST_KEYCHAIN_SERVICE: testKeychainService() },
    logger: silentLogger,
    desktop,
  });
}

const errorOf = (result: Result<unknown>) => (result.ok ? null : result.error);

const REFUSED: [url: string, named: string][] = [
  ['javascript:alert(document.domain)', 'javascript:'],
  ['JavaScript:void(0)', 'javascript:'],
  ['file:///etc/passwd', 'file:'],
  ['data:text/html,<script>alert(1)</script>', 'data:'],
  ['holst-app://app/index.html', 'holst-app:'],
  ['holst-media://original/1', 'holst-media:'],
  ['smb://server/share', 'smb:'],
];

describe('app.openExternal', () => {
  let browserCore: AppCore;
  let electronCore: AppCore;
  const opened: string[] = [];

  beforeAll(async () => {
    browserCore = await openTestCore();
    electronCore = await desktopCore(recordingDesktop(opened));
  });
  afterAll(async () => {
    browserCore.close();
    electronCore.close();
    await removeTempDirs();
  });

  it('refuses every scheme but http, https and mailto, naming it, and opens nothing', async () => {
    for (const core of [browserCore, electronCore]) {
      for (const [url, scheme] of REFUSED) {
        const error = errorOf(await call(core, 'app.openExternal', { url }));
        expect(error, url).toMatchObject({ code: 'invalid_input', field: 'url' });
        expect(error?.message, url).toContain(`not ${scheme} links`);
      }
    }
    expect(opened).toEqual([]);
  });

  it('refuses links that carry a user name or password', async () => {
    for (const url of ['https://user:secret@example.com/', 'http://admin@example.com/login']) {
      const error = errorOf(await call(electronCore, 'app.openExternal', { url }));
      expect(error, url).toMatchObject({ code: 'invalid_input', field: 'url' });
      expect(error?.message).toContain('user name or password');
    }
    expect(opened).toEqual([]);
  });

  it('refuses what is not an address at all', async () => {
    for (const url of ['not a link', '/relative/path', '//example.com/no-scheme']) {
      expect(errorOf(await call(electronCore, 'app.openExternal', { url })), url).toMatchObject({ code: 'invalid_input', field: 'url' });
    }
    expect(errorOf(await electronCore.dispatch('app.openExternal', { url: '' }))).toMatchObject({ code: 'invalid_input', field: 'url' });
    expect(opened).toEqual([]);
  });

  it('hands web and mail links to the desktop shell', async () => {
    const urls = ['https://example.com/a?b=c#d', 'http://127.0.0.1:8080/x', 'mailto:hello@holst.app?subject=Hi'];
    for (const url of urls) {
      expect(await call(electronCore, 'app.openExternal', { url })).toEqual({ ok: true, value: { opened: true } });
    }
    expect(opened).toEqual(urls);
  });

  it('without a desktop (browser harness, CLI) accepts the link and leaves the opening to the page', async () => {
    expect(await call(browserCore, 'app.openExternal', { url: 'https://example.com/' })).toEqual({ ok: true, value: { opened: false } });
    expect(await call(browserCore, 'app.openExternal', { url: 'mailto:someone@example.com' })).toEqual({
      ok: true,
      value: { opened: false },
    });
  });

  it('says so when the system could not open the link', async () => {
    const failing = await desktopCore(recordingDesktop([], 'no browser is set up'));
    try {
      const error = errorOf(await call(failing, 'app.openExternal', { url: 'https://example.com/' }));
      expect(error?.message).toContain('no browser is set up');
      expect(error?.message).toContain('https://example.com/');
    } finally {
      failing.close();
    }
  });
});
