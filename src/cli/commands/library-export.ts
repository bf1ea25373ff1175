import fs from 'node:fs/promises';
import { HolstError } from '../../shared/errors';
import { exportImage } from '../../main/core/library/export/export-image';
import {
  exportMany,
  selectionIds,
  type ExportedFile,
  type ExportOutcome,
  type ExportTarget,
} from '../../main/core/library/export/export-job';
import { parseCommandArgs } from '../args';
import type { CliContext } from '../context';
import type { ImageLibrary } from '../../main/core/library/image-library';
import { cliSelection, SELECTION_FLAGS } from './library-selection';

const EXAMPLE = 'e.g. "holst library export 12 --to out.png" or "holst library export --ids 1,2 --to pictures"';

/** One image in a folder export's report: written, or why not (a taken name gets `_2`, nothing is skipped). */
interface FolderResult {
  id: number;
  status: 'exported' | 'failed';
  path?: string;
  reason?: string;
}

async function isDirectory(target: string): Promise<boolean> {
  return fs.stat(target).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

export async function exportCommand(ctx: CliContext, args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(
    args,
    { ...SELECTION_FLAGS, to: { type: 'string' }, zip: { type: 'string' }, force: { type: 'boolean' }, plain: { type: 'boolean' } },
    true,
  );
  const selection = cliSelection(values, positionals, EXAMPLE);
  if (values.to !== undefined && values.zip !== undefined)
    throw new HolstError('invalid_input', 'Give either --to (a file or folder) or --zip (a ZIP file), not both.', { field: 'zip' });
  if (values.zip !== undefined && values.plain)
    throw new HolstError('invalid_input', '--plain is for --to; a ZIP always carries the prompt.', { field: 'plain' });
  if (!values.to && !values.zip)
    throw new HolstError('invalid_input', '--to is required (a file for one image, or a folder), or --zip FILE.', { field: 'to' });
  const overwrite = Boolean(values.force);
  const plain = Boolean(values.plain);
  const { library } = await ctx.core();
  if (values.zip !== undefined) return exportZip(ctx, library, selectionIds(library, selection), values.zip as string, overwrite);
  const to = values.to as string;

  // One id to a path that is not a folder: the file form, kept as it always was.
  if (positionals.length === 1 && values.ids === undefined && !(await isDirectory(to))) {
    const path = await exportImage(library, Number(positionals[0]), to, { overwrite, plain });
    ctx.out.result({ path }, `Saved ${path}`);
    return;
  }
  await exportFolder(ctx, library, selectionIds(library, selection), { to, format: 'folder', overwrite, plain });
}

/** `--to DIR`: as the app's bulk export writes a folder (a taken name gets `_2`…), with one result per image. */
async function exportFolder(ctx: CliContext, library: ImageLibrary, ids: number[], target: ExportTarget): Promise<void> {
  const results: FolderResult[] = [];
  const outcome = await runExport(ctx, library, ids, target, (file) =>
    results.push(
      'path' in file ? { id: file.id, status: 'exported', path: file.path } : { id: file.id, status: 'failed', reason: file.reason },
    ),
  );
  const failed = outcome.failures.length;
  const exported = results.length - failed;
  const lines = results.map((r) => `${r.status}\t${r.id}\t${r.path ?? ''}${r.reason ? `\t${r.reason}` : ''}`);
  lines.push(`${exported} exported, ${failed} failed`);
  ctx.out.result({ results, exported, failed }, lines.join('\n'));
  if (outcome.cancelled) throw new HolstError('cancelled', 'Export cancelled.');
  if (failed > 0 && exported === 0) throw new HolstError('storage', 'No image could be exported.');
}

/** `--zip FILE`: the chosen images in one ZIP; Ctrl+C leaves no ZIP. */
async function exportZip(ctx: CliContext, library: ImageLibrary, ids: number[], zip: string, overwrite: boolean): Promise<void> {
  if (ids.length === 0) {
    ctx.out.result({ path: null, exported: 0, failed: 0, failures: [] }, 'No images match; no ZIP was written.');
    return;
  }
  const outcome = await runExport(ctx, library, ids, { to: zip, format: 'zip', overwrite });
  if (outcome.cancelled) throw new HolstError('cancelled', 'Export cancelled; no ZIP was written.');
  const exported = outcome.done - outcome.failures.length;
  const lines = outcome.failures.map((f) => `failed\t${f.id}\t${f.reason}`);
  lines.push(`${exported} exported, ${outcome.failures.length} failed: ${outcome.path}`);
  ctx.out.result({ path: outcome.path, exported, failed: outcome.failures.length, failures: outcome.failures }, lines.join('\n'));
  if (exported === 0 && outcome.failures.length > 0) throw new HolstError('storage', 'No image could be exported.');
}

/** `exportMany` with a progress line on stderr (text mode), stopped between files by Ctrl+C. */
async function runExport(
  ctx: CliContext,
  library: ImageLibrary,
  ids: number[],
  target: ExportTarget,
  onFile?: (file: ExportedFile) => void,
): Promise<ExportOutcome> {
  const controller = new AbortController();
  const cancel = () => controller.abort();
  process.once('SIGINT', cancel);
  try {
    return await exportMany(library, ids, target, {
      signal: controller.signal,
      onFile,
      onProgress: (done, total) => {
        if (!ctx.out.json && total > 1) process.stderr.write(`\rExporting ${done}/${total}…`);
      },
    });
  } finally {
    process.off('SIGINT', cancel);
    if (!ctx.out.json) process.stderr.write('\r\x1b[K');
  }
}
