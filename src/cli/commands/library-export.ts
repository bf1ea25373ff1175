import fs from 'node:fs/promises';
import { HolstError } from '../../shared/errors';
import { exportImage, exportToFolder } from '../../main/core/library/export-image';
import { exportMany, selectionIds } from '../../main/core/library/export-job';
import { parseCommandArgs, parseId } from '../args';
import type { CliContext } from '../context';
import type { ImageLibrary } from '../../main/core/library/image-library';
import { hasLibraryFilters, LIBRARY_FILTER_FLAGS, libraryFilters } from './library-filters';

export const libraryExportHelp = `holst library export ID --to FILE [--force] [--plain]     save a copy (prompt embedded unless --plain)
holst library export (ID... | --ids 1,2,3 | --query Q and list filters) --to DIR [--force] [--plain]
                   into a folder as YYYY-MM-DD_<prompt>_<id>.<ext>; existing files are skipped unless --force
holst library export (ID... | --ids 1,2,3 | --query Q and list filters) --zip FILE [--force]
                   into one ZIP with the same names (written beside FILE, then renamed: a cancelled export
                   leaves nothing); an existing FILE is kept and the ZIP named FILE_2.zip unless --force`;

const EXAMPLE = 'e.g. "holst library export 12 --to out.png" or "holst library export --ids 1,2 --to pictures"';

async function isDirectory(target: string): Promise<boolean> {
  return fs.stat(target).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

export async function exportCommand(ctx: CliContext, args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      ...LIBRARY_FILTER_FLAGS,
      ids: { type: 'string' },
      to: { type: 'string' },
      zip: { type: 'string' },
      force: { type: 'boolean' },
      plain: { type: 'boolean' },
    },
    true,
  );
  for (const p of positionals)
    if (!/^[1-9][0-9]{0,15}$/.test(p)) throw new HolstError('invalid_input', `"${p}" is not an image id; ${EXAMPLE}.`, { field: 'id' });
  const listed = values.ids === undefined ? [] : (values.ids as string).split(',').map((s) => parseId(s.trim(), '--ids'));
  const ids = [...new Set([...positionals.map(Number), ...listed])];
  const filtered = hasLibraryFilters(values);
  if (filtered && ids.length > 0)
    throw new HolstError('invalid_input', 'Choose images either by id (ID or --ids) or by --query and filters, not both.', {
      field: 'ids',
    });
  if (!filtered && ids.length === 0) throw new HolstError('invalid_input', `Say which images to export; ${EXAMPLE}.`, { field: 'id' });
  if (values.to !== undefined && values.zip !== undefined)
    throw new HolstError('invalid_input', 'Give either --to (a file or folder) or --zip (a ZIP file), not both.', { field: 'zip' });
  if (values.zip !== undefined && values.plain)
    throw new HolstError('invalid_input', '--plain is for --to; a ZIP always carries the prompt.', { field: 'plain' });
  if (!values.to && !values.zip)
    throw new HolstError('invalid_input', '--to is required (a file for one image, or a folder), or --zip FILE.', { field: 'to' });
  const options = { overwrite: Boolean(values.force), plain: Boolean(values.plain) };
  const core = await ctx.core();
  const chosen = () => (filtered ? selectionIds(core.library, { view: libraryFilters(values), except: [] }) : ids);
  if (values.zip !== undefined) return exportZip(ctx, core.library, await chosen(), values.zip as string, options.overwrite);
  const to = values.to as string;

  // One id to a path that is not a folder: the file form, kept as it always was.
  if (!filtered && positionals.length === 1 && values.ids === undefined && !(await isDirectory(to))) {
    const path = await exportImage(core.library, ids[0]!, to, options);
    ctx.out.result({ path }, `Saved ${path}`);
    return;
  }

  const controller = new AbortController();
  const cancel = () => controller.abort();
  process.once('SIGINT', cancel);
  try {
    const results = await exportToFolder(core.library, await chosen(), to, {
      ...options,
      signal: controller.signal,
      onProgress: (done, total) => {
        if (!ctx.out.json && total > 1) process.stderr.write(`\rExporting ${done}/${total}…`);
      },
    });
    if (!ctx.out.json) process.stderr.write('\r\x1b[K');
    const counts = { exported: 0, skipped: 0, failed: 0 };
    for (const r of results) counts[r.status]++;
    const lines = results.map((r) => `${r.status}\t${r.id}\t${r.path ?? ''}${r.reason ? `\t${r.reason}` : ''}`);
    lines.push(`${counts.exported} exported, ${counts.skipped} skipped, ${counts.failed} failed`);
    ctx.out.result({ results, ...counts }, lines.join('\n'));
    if (controller.signal.aborted) throw new HolstError('cancelled', 'Export cancelled.');
    if (counts.failed > 0 && counts.exported + counts.skipped === 0) throw new HolstError('storage', 'No image could be exported.');
  } finally {
    process.off('SIGINT', cancel);
  }
}

/** `--zip FILE`: the chosen images in one ZIP, with a progress line on stderr; Ctrl+C leaves no ZIP. */
async function exportZip(ctx: CliContext, library: ImageLibrary, ids: number[], zip: string, overwrite: boolean): Promise<void> {
  if (ids.length === 0) {
    ctx.out.result({ path: null, exported: 0, failed: 0, failures: [] }, 'No images match; no ZIP was written.');
    return;
  }
  const controller = new AbortController();
  const cancel = () => controller.abort();
  process.once('SIGINT', cancel);
  try {
    const outcome = await exportMany(
      library,
      ids,
      { to: zip, format: 'zip', overwrite },
      {
        signal: controller.signal,
        onProgress: (done, total) => {
          if (!ctx.out.json && total > 1) process.stderr.write(`\rExporting ${done}/${total}…`);
        },
      },
    );
    if (!ctx.out.json) process.stderr.write('\r\x1b[K');
    if (outcome.cancelled) throw new HolstError('cancelled', 'Export cancelled; no ZIP was written.');
    const exported = outcome.done - outcome.failures.length;
    const lines = outcome.failures.map((f) => `failed\t${f.id}\t${f.reason}`);
    lines.push(`${exported} exported, ${outcome.failures.length} failed: ${outcome.path}`);
    ctx.out.result({ path: outcome.path, exported, failed: outcome.failures.length, failures: outcome.failures }, lines.join('\n'));
    if (exported === 0 && outcome.failures.length > 0) throw new HolstError('storage', 'No image could be exported.');
  } finally {
    process.off('SIGINT', cancel);
  }
}
