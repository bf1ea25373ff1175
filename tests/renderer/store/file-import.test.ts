// The desktop app's import job as the library's status line follows it: the open dialog's job and
// dropped files' job, progress that comes before the job's id, Cancel before the id, a dialog
// closed without choosing, and the summary from the job's final report.
import '../support/page-globals';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../src/shared/errors';
import type { ImportFileResult, ImportProgress } from '../../../src/shared/library';
import { createFileImportStore } from '../../../src/renderer/store/file-import-store';
import { importSummary } from '../../../src/renderer/features/library/import-summary';
import { bridgeDouble, deferred, settle } from '../support/bridge-double';

const report = (jobId: string, done: number, total: number, results?: ImportFileResult[]): ImportProgress => ({
  jobId,
  done,
  total,
  current: null,
  finished: results !== undefined,
  ...(results ? { results } : {}),
});

function desktop() {
  const bridge = bridgeDouble({ 'library.cancelImport': () => null });
  const dialog = deferred<{ jobId: string | null }>();
  bridge.answer('library.import', () => dialog.promise);
  return { bridge, dialog, store: createFileImportStore(bridge.api) };
}

/** The preload's helper for dropped files (absent in Node): it answers the job's id when the test says. */
function preloadDropping() {
  const answer = deferred<Result<{ jobId: string | null }>>();
  const dropped: string[][] = [];
  Object.defineProperty(globalThis, 'window', {
    value: {
      holstFiles: {
        onDisk: () => true,
        importFiles: (files: File[]) => {
          dropped.push(files.map((file) => file.name));
          return answer.promise;
        },
      },
    },
    configurable: true,
  });
  return { answer, dropped };
}

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'window');
});

describe('the import job in the status line', () => {
  it("shows the dialog's job from its id on, progress that came before the id included, then its summary", async () => {
    const { bridge, dialog, store } = desktop();
    const running = store.getState().importPaths();
    // The dialog is up: no run shows, and no other import starts.
    expect(store.getState().run).toBeNull();
    await store.getState().importFiles([]);
    expect(store.getState().notice).toMatch(/still running/);

    bridge.emit('library.importProgress', report('job-1', 2, 3));
    bridge.emit('library.importProgress', report('someone-else', 7, 9));
    dialog.resolve({ jobId: 'job-1' });
    await settle();
    expect(store.getState().run).toMatchObject({ done: 2, total: 3, finished: false });

    bridge.emit('library.importProgress', report('someone-else', 8, 9));
    expect(store.getState().run).toMatchObject({ done: 2, total: 3 });
    bridge.emit(
      'library.importProgress',
      report('job-1', 3, 3, [
        { path: '/photos/a.png', status: 'imported', id: 1 },
        { path: '/photos/b.png', status: 'duplicate', id: 2 },
        { path: '/photos/notes.txt', status: 'skipped', why: 'notImageName', reason: 'Not an image file name.' },
      ]),
    );
    await running;
    const run = store.getState().run!;
    expect(run).toMatchObject({ finished: true, cancelled: false, imported: 1, duplicates: 1, done: 3, total: 3 });
    // Named from the folder the files share.
    expect(run.skipped.map((s) => s.name)).toEqual(['photos/notes.txt']);
    expect(importSummary(run)).toMatch(/^Imported: 1 new picture/);
    expect(bridge.listening('library.importProgress')).toBe(0);
  });

  it('lets another import start once the dialog is closed without choosing', async () => {
    const { bridge, dialog, store } = desktop();
    const first = store.getState().importPaths();
    dialog.resolve({ jobId: null });
    await first;
    expect(store.getState().run).toBeNull();
    expect(bridge.listening('library.importProgress')).toBe(0);

    bridge.answer('library.import', () => ({ jobId: 'job-2' }));
    void store.getState().importPaths();
    await settle();
    expect(store.getState().run).toMatchObject({ total: 0, finished: false });
    expect(store.getState().notice).toBeNull();
  });

  it('says why when the open dialog fails', async () => {
    const { dialog, store } = desktop();
    const running = store.getState().importPaths();
    dialog.reject(new Error('The dialog could not open'));
    await running;
    expect(store.getState().run).toBeNull();
    expect(store.getState().notice).toBeTruthy();
  });

  it('stops dropped files as soon as the job has an id when Cancel came first, and sums up what was done', async () => {
    const { bridge, store } = desktop();
    const preload = preloadDropping();
    const running = store.getState().importPaths([new File(['x'], 'a.png'), new File(['y'], 'b.png')]);
    expect(preload.dropped).toEqual([['a.png', 'b.png']]);
    // Dropped files show their run at once, and Cancel works before the job's id is known.
    expect(store.getState().run).toMatchObject({ total: 0, finished: false });
    store.getState().cancel();
    expect(bridge.inputs('library.cancelImport')).toEqual([]);

    bridge.emit('library.importProgress', report('drop-1', 1, 2));
    preload.answer.resolve({ ok: true, value: { jobId: 'drop-1' } });
    await settle();
    expect(bridge.inputs('library.cancelImport')).toEqual([{ jobId: 'drop-1' }]);
    expect(store.getState().run).toMatchObject({ done: 1, total: 2, finished: false });

    bridge.emit(
      'library.importProgress',
      report('drop-1', 1, 2, [
        { path: '/in/a.png', status: 'imported', id: 5 },
        { path: '/in/b.png', status: 'cancelled' },
      ]),
    );
    await running;
    const run = store.getState().run!;
    expect(run).toMatchObject({ finished: true, cancelled: true, imported: 1, skipped: [] });
    expect(importSummary(run)).toMatch(/^Import stopped/);
  });

  it('lists the dropped files as not imported when the job cannot start', async () => {
    const { store } = desktop();
    const preload = preloadDropping();
    const running = store.getState().importPaths([new File(['x'], 'a.png')]);
    preload.answer.resolve({ ok: false, error: { code: 'storage', message: 'The library folder is not writable' } });
    await running;
    expect(store.getState().run).toMatchObject({ finished: true, skipped: [{ name: 'a.png' }] });
  });
});
