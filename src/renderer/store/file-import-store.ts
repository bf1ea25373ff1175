/**
 * Files and folders dropped or pasted on the library, on their way in: as bytes one by one in a
 * browser (folders walked in the page), or as paths for the core's import job in the desktop app,
 * where the Import… button's open dialog starts the same job.
 */
import { create } from 'zustand';
import type { HolstApi } from '../../shared/contract';
import type { ImportFileResult, ImportProgress } from '../../shared/library';
import { holst, unwrap } from '../bridge';
import { importFromDisk, onDisk } from '../bridge/dropped-files';
import { dropEntries, walkEntries, type FoundFile } from '../lib/dropped-entries';
import { fileName, imageProblem, readBase64 } from '../lib/image-files';
import { i18n } from '../i18n';
import { errorText, reasonOf, refusalText } from '../i18n/errors';
import { followJob, type FollowedJob } from '../lib/follow-job';
import { shortPaths } from '../lib/short-paths';

export interface SkippedFile {
  name: string;
  reason: string;
}

export interface FileImportRun {
  /** Dropped folders are still being walked: `found` files so far, nothing sent yet. */
  scanning: boolean;
  found: number;
  /** Pictures to send, and how many have been. */
  total: number;
  done: number;
  /** New in the library. */
  imported: number;
  /** The same bytes were already in the library (kept once). */
  duplicates: number;
  skipped: SkippedFile[];
  finished: boolean;
  cancelled: boolean;
}

interface FileImportState {
  run: FileImportRun | null;
  /** Said when an import cannot start: one still runs, or the open dialog failed. */
  notice: string | null;
  /** What a drop holds, read while the drop event lasts: paths in the desktop app, folders walked in a browser. */
  importDrop(transfer: DataTransfer): void;
  importFiles(files: FoundFile[]): Promise<void>;
  /** The core's import job on dropped files by path (the preload hands them over); without, the desktop app's open dialog first. */
  importPaths(dropped?: File[]): Promise<void>;
  cancel(): void;
  dismiss(): void;
}

const fresh = (): FileImportRun => ({
  scanning: false,
  found: 0,
  total: 0,
  done: 0,
  imported: 0,
  duplicates: 0,
  skipped: [],
  finished: false,
  cancelled: false,
});

const resultReason = (result: ImportFileResult) => refusalText({ ...result, message: result.reason ?? result.status });

/** The summary of a finished (or stopped) path import from the job's results, paths from the folder they share. */
function fromResults(progress: ImportProgress, cancelled: boolean): FileImportRun {
  const results = progress.results ?? [];
  const names = shortPaths(results.map((r) => r.path));
  const count = (status: string) => results.filter((r) => r.status === status).length;
  return {
    ...fresh(),
    total: progress.total,
    done: progress.done,
    imported: count('imported'),
    duplicates: count('duplicate'),
    // Files Cancel stopped (status `cancelled`) are not problems to list.
    skipped: results.flatMap((r, index) =>
      r.status === 'skipped' || r.status === 'failed' ? [{ name: names[index]!, reason: resultReason(r) }] : [],
    ),
    finished: true,
    cancelled,
  };
}

/** The import store, built with the bridge (a double of it in the store tests). */
export function createFileImportStore(bridge: HolstApi) {
  return create<FileImportState>()((set, get) => {
    /** Bumped to stop the running import (between two files, or between two folder reads). */
    let ticket = 0;
    /**
     * The desktop import job being started or followed, from the request (with no paths, while the
     * open dialog is up) to its final report: nothing else starts meanwhile.
     */
    let job: FollowedJob<ImportProgress> | null = null;
    /** Cancel was pressed for that job (its summary says it was stopped). */
    let cancelled = false;

    /** True (and a word why) when an import is going or starting, so another cannot start. */
    const refuse = () => {
      const current = get().run;
      if (!job && !(current && !current.finished)) return false;
      set({ notice: i18n.t('library:fileImport.stillRunning') });
      return true;
    };

    /** Shows a new run, with `notice` (what was said about the one before goes). */
    const start = (run: Partial<FileImportRun>, notice: string | null = null) => {
      set({ run: { ...fresh(), ...run }, notice });
      return ++ticket;
    };

    /** Starts a run unless one is going; null (and a word why) when one is. */
    const begin = (run: Partial<FileImportRun>) => (refuse() ? null : start(run));

    /** Sends the pictures among `found` one by one; the others are listed with why. Cancel stops it between files. */
    const send = async (mine: number, found: FoundFile[], alreadySkipped: SkippedFile[] = []) => {
      const skipped = [...alreadySkipped];
      const pictures: FoundFile[] = [];
      for (const item of found) {
        const problem = imageProblem(item.file);
        if (problem) skipped.push({ name: item.path || i18n.t('library:fileImport.pastedImage'), reason: problem.reason });
        else pictures.push(item);
      }
      set({ run: { ...get().run!, scanning: false, total: pictures.length, skipped } });
      for (const { file, path } of pictures) {
        if (mine !== ticket) break;
        let change: (run: FileImportRun) => Partial<FileImportRun>;
        try {
          const base64 = await readBase64(file);
          // Cancelled while it was read: not sent.
          if (mine !== ticket) break;
          const answer = await unwrap(bridge.library.importBytes({ name: fileName(file), base64 }));
          change = (run) => (answer.duplicate ? { duplicates: run.duplicates + 1 } : { imported: run.imported + 1 });
        } catch (error) {
          const item = { name: path || i18n.t('library:fileImport.pastedImage'), reason: reasonOf(error) };
          change = (run) => ({ skipped: [...run.skipped, item] });
        }
        // Counted even when Cancel came while it was on its way: the core has kept it.
        const run = get().run;
        if (!run) return;
        set({ run: { ...run, ...change(run), done: run.done + 1 } });
      }
      const run = get().run;
      if (run) set({ run: { ...run, finished: true } });
    };

    return {
      run: null,
      notice: null,

      importDrop(transfer) {
        const files = Array.from(transfer.files ?? []);
        if (onDisk(files)) return void get().importPaths(files);
        const entries = dropEntries(transfer);
        if (!entries || entries.every((entry) => entry.isFile)) {
          return void get().importFiles(files.map((file) => ({ file, path: file.name })));
        }
        const mine = begin({ scanning: true });
        if (mine === null) return;
        void walkEntries(entries, {
          stopped: () => mine !== ticket,
          onFound: (found) => {
            if (mine === ticket) set({ run: { ...get().run!, found } });
          },
        }).then(({ files: found, unreadable }) => {
          if (mine !== ticket) return;
          const reason = i18n.t('library:fileImport.reason.unreadable');
          return send(
            mine,
            found,
            unreadable.map((name) => ({ name, reason })),
          );
        });
      },

      async importFiles(found) {
        const mine = begin({});
        if (mine !== null) await send(mine, found);
      },

      async importPaths(dropped) {
        const paths = dropped?.map((file) => file.name);
        // Dropped paths show their run at once; the open dialog's run shows once something is chosen.
        if (paths ? begin({ total: 0 }) === null : refuse()) return;
        if (!paths) set({ notice: null });
        cancelled = false;
        const following = followJob(
          bridge,
          'library.importProgress',
          () => unwrap(dropped ? importFromDisk(dropped) : bridge.library.import()),
          {
            started: () => {
              // The dialog's run shows now, keeping what was said meanwhile (another import asked for).
              if (!paths) start({ total: 0 }, get().notice);
            },
            progress: (progress) => set({ run: { ...fresh(), total: progress.total, done: progress.done } }),
          },
        );
        job = following;
        try {
          const final = await following.result;
          if (final) set({ run: fromResults(final, cancelled) });
          // Nothing chosen in the dialog.
          else if (paths) set({ run: null });
        } catch (error) {
          if (!paths) return set({ notice: errorText(error) });
          set({ run: { ...fresh(), finished: true, skipped: [{ name: paths.join(', '), reason: errorText(error) }] } });
        } finally {
          job = null;
        }
      },

      cancel() {
        const run = get().run;
        if (!run || run.finished) return;
        if (job) {
          // The job stops between files (as soon as its id is known) and reports what it did; its last report closes the run.
          cancelled = true;
          job.cancel().catch((error: unknown) => set({ notice: errorText(error) }));
          return;
        }
        ticket++;
        // While pictures are sent, the sending loop closes the run once the one on its way is in.
        set({ run: run.scanning ? { ...run, scanning: false, finished: true, cancelled: true } : { ...run, cancelled: true } });
      },

      dismiss: () => set({ run: null, notice: null }),
    };
  });
}

export const useFileImportStore = createFileImportStore(holst);
