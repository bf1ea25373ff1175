// Actions only the desktop app can do: in the browser (and the CLI) each one is refused with a
// `config` error saying what needs the desktop app and, where there is one, what to do instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestChannel } from '../../../../../src/shared/contract';
import { HolstError } from '../../../../../src/shared/errors';
import type { AppCore } from '../../../../../src/main/core/app-core';
import type { DesktopCapabilities } from '../../../../../src/main/core/desktop';
import { desktopOnly } from '../../../../../src/main/core/ipc/desktop-only';
import { openTestCore } from '../../../../support/core';
import { solidImage } from '../../../../support/images';
import { removeTempDirs } from '../../../../support/temp-dir';

let core: AppCore;
beforeAll(async () => {
  core = await openTestCore();
  await core.library.ingest({ bytes: await solidImage(7) }, { source: 'imported' });
  await core.library.ingest({ bytes: await solidImage(8) }, { source: 'imported' });
});
afterAll(async () => {
  core.close();
  await removeTempDirs();
});

const NOT_IN_BROWSER = 'needs the Holst desktop app; it is not available in the browser.';
const TYPE_INSTEAD = 'needs the Holst desktop app; type a folder inside the data folder’s exports folder instead.';

describe('desktop-only actions in the browser', () => {
  // Each refusal is one sentence of the core's catalogue (its key, for the window's language), no parameters.
  const refusals: Array<[RequestChannel, unknown, { key: string; message: string; field?: string }]> = [
    ['library.import', undefined, { key: 'desktopOnlyImport', message: `Choosing files to import ${NOT_IN_BROWSER}` }],
    ['library.export', { id: 1 }, { key: 'desktopOnlySaveCopy', message: `Saving a copy ${NOT_IN_BROWSER}` }],
    ['library.copy', { id: 1 }, { key: 'desktopOnlyCopy', message: `Copying an image ${NOT_IN_BROWSER}` }],
    ['library.reveal', { id: 1 }, { key: 'desktopOnlyReveal', message: `Showing the file ${NOT_IN_BROWSER}` }],
    ['library.startDrag', { id: 1 }, { key: 'desktopOnlyDrag', message: `Dragging an image out ${NOT_IN_BROWSER}` }],
    ['library.startDragMany', { ids: [1, 2] }, { key: 'desktopOnlyDragMany', message: `Dragging images out ${NOT_IN_BROWSER}` }],
    ...(['zip', 'folder'] as const).map((format): [RequestChannel, unknown, { key: string; message: string; field: string }] => [
      'library.exportMany',
      { selection: { ids: [1] }, format },
      { key: 'desktopOnlyExportTarget', message: `Choosing where to export ${TYPE_INSTEAD}`, field: 'to' },
    ]),
    ['settings.setSaveFolder', {}, { key: 'desktopOnlySaveFolder', message: `Choosing a folder ${TYPE_INSTEAD}`, field: 'path' }],
  ];

  it.each(refusals)('%s answers with a config error saying what needs the desktop app', async (channel, input, expected) => {
    const result = await core.dispatch(channel, input);
    expect(result).toEqual({ ok: false, error: { code: 'config', params: {}, ...expected } });
  });

  it('an unknown image is still reported as not found first', async () => {
    expect(await core.dispatch('library.startDragMany', { ids: [1, 999_999] })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('desktopOnly', () => {
  it('hands over the capability bound to the desktop, and refuses one the desktop lacks', async () => {
    const folders: string[] = [];
    const desktop = {
      root: '/chosen',
      async chooseFolder(this: { root: string }, purpose: 'export' | 'saveFolder') {
        folders.push(purpose);
        return `${this.root}/${purpose}`;
      },
    } as unknown as DesktopCapabilities;
    const choose = desktopOnly(desktop, 'chooseFolder', 'desktopOnlySaveFolder');
    expect(await choose('export')).toBe('/chosen/export');
    expect(folders).toEqual(['export']);
    expect(() => desktopOnly(desktop, 'chooseZipPath', 'desktopOnlyExportTarget', 'to')).toThrow(
      expect.objectContaining({
        code: 'config',
        field: 'to',
        message: `Choosing where to export ${TYPE_INSTEAD}`,
        said: { key: 'desktopOnlyExportTarget', params: {} },
      }) as HolstError,
    );
  });
});
