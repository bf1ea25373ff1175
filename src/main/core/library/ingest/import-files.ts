import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { toErrorPayload } from '../../../../shared/errors';
import { ImportWhySchema, type ImportFileResult, type ImportProgress } from '../../../../shared/library';
import { PROGRESS_INTERVAL_MS } from '../../jobs/background-jobs';
import { forEachConcurrently } from '../for-each-concurrently';
import type { ImageLibrary } from '../image-library';

const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.jfif', '.webp', '.gif']);

/** Files to import: the given files as they are, and image files found in the given folders. */
export async function collectImportFiles(
  paths: string[],
  options: { signal?: AbortSignal; exclude?: string } = {},
): Promise<{ files: string[]; skipped: ImportFileResult[] }> {
  const { signal, exclude } = options;
  const files: string[] = [];
  const skipped: ImportFileResult[] = [];
  // Folders already walked, by their real path: a link back up the tree is not followed twice.
  const visited = new Set<string>();
  const walk = async (target: string, explicit: boolean): Promise<void> => {
    if (signal?.aborted) return;
    const stat = await fs.stat(target).catch(() => null);
    if (!stat) {
      skipped.push({
        path: target,
        status: explicit ? 'failed' : 'skipped',
        reason: explicit ? 'no such file or folder' : 'a broken link',
        why: explicit ? 'notFound' : 'brokenLink',
      });
    } else if (stat.isDirectory()) {
      // Never walk into Holst's own data folder (nor through a link to it): its files are already the library.
      const real = await fs.realpath(target).catch(() => target);
      const inside = (dir: string) => exclude !== undefined && (dir === exclude || dir.startsWith(exclude + path.sep));
      if (inside(target) || inside(real) || visited.has(real)) return;
      visited.add(real);
      let entries: string[];
      try {
        entries = await fs.readdir(target);
      } catch (error) {
        skipped.push({
          path: target,
          status: 'skipped',
          reason: `the folder could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
          why: 'folderUnreadable',
        });
        return;
      }
      for (const entry of entries.sort()) {
        if (!entry.startsWith('.')) await walk(path.join(target, entry), false);
      }
    } else if (stat.isFile()) {
      if (explicit || IMAGE_EXTENSIONS.has(path.extname(target).toLowerCase())) files.push(target);
      else {
        const reason = 'not an image file name (.png, .jpg, .webp, .gif)';
        skipped.push({ path: target, status: 'skipped', reason, why: 'notImageName' });
      }
    } else {
      skipped.push({ path: target, status: 'skipped', reason: 'not a file or folder', why: 'notFileOrFolder' });
    }
  };
  for (const p of paths) await walk(path.resolve(p), true);
  return { files, skipped };
}

/**
 * Files ingested at once by an import: two more than the cores, so while files wait on the disk
 * (reading, flushing) the others keep every core decoding (on 2 cores, 4 beat 3 by about 5 %);
 * at most 8, as each holds its file in memory.
 */
export const IMPORT_CONCURRENCY = Math.min(8, os.availableParallelism() + 2);

/**
 * Imports files and folders into the library, IMPORT_CONCURRENCY at a time: duplicates are recognised, files
 * that are not images are skipped with the reason, progress is reported, and `signal` stops it.
 */
export async function importFiles(
  library: ImageLibrary,
  paths: string[],
  options: { signal?: AbortSignal; onProgress?: (progress: ImportProgress) => void; jobId?: string } = {},
): Promise<ImportFileResult[]> {
  const jobId = options.jobId ?? randomUUID();
  const { files, skipped } = await collectImportFiles(paths, {
    exclude: library.layout.dataDir,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const results: ImportFileResult[] = [...skipped];
  let done = 0;
  let lastReport = 0;
  const report = (current: string | null, finished = false) => {
    const now = Date.now();
    if (!finished && now - lastReport < PROGRESS_INTERVAL_MS) return;
    lastReport = now;
    options.onProgress?.({ jobId, done, total: files.length, current, finished, ...(finished ? { results } : {}) });
  };
  report(null);
  await forEachConcurrently(files, IMPORT_CONCURRENCY, async (file) => {
    if (options.signal?.aborted) {
      results.push({ path: file, status: 'cancelled' });
      return;
    }
    try {
      const { image, duplicate } = await library.ingest(
        { path: file },
        { source: 'imported', originalName: path.basename(file) },
        options.signal,
      );
      results.push({ path: file, status: duplicate ? 'duplicate' : 'imported', id: image.id });
    } catch (error) {
      const { code, message, why, maxBytes } = toErrorPayload(error);
      const status = code === 'cancelled' ? 'cancelled' : code === 'no_image' || code === 'invalid_input' ? 'skipped' : 'failed';
      // Stopped mid-file by Cancel: `cancelled` like the files Cancel kept from starting (no fault of the file).
      const reason = code === 'cancelled' ? undefined : code === 'internal' && error instanceof Error ? error.message : message;
      // The kind of a refusal, for the UI to say in its language; otherwise the code, for its headline.
      const kind = ImportWhySchema.safeParse(why);
      const said = kind.success
        ? { why: kind.data, ...(maxBytes === undefined ? {} : { maxBytes }) }
        : code === 'cancelled'
          ? {}
          : { code };
      results.push({ path: file, status, reason, ...said });
    }
    done++;
    report(file);
  });
  report(null, true);
  return results;
}
