import { HolstError } from '../../shared/errors';
import type { ImageRecord } from '../../shared/library';
import type { ImageLibrary } from '../../main/core/library/image-library';
import { parseCommandArgs } from '../args';
import type { CliContext } from '../context';
import { BULK_COMMANDS, bulkCommand } from './library-bulk';
import { LIBRARY_FILTER_FLAGS, libraryFilters } from './library-filters';

function listItem(library: ImageLibrary, image: ImageRecord, parents: Array<{ id: number; role: string }>) {
  return {
    id: image.id,
    sha256: image.sha256,
    mime: image.mime,
    width: image.width,
    height: image.height,
    prompt: image.prompt,
    provider: image.provider,
    model: image.model,
    source: image.source,
    parents,
    /** The mask an edit was made with (`generate --mask-id`). */
    maskId: library.maskOf(image.id)?.id ?? null,
    path: library.originalPath(image),
    createdAt: new Date(image.createdAt).toISOString(),
  };
}

async function list(ctx: CliContext, args: string[]): Promise<void> {
  const { values } = parseCommandArgs(args, { ...LIBRARY_FILTER_FLAGS, limit: { type: 'string', default: '50' } }, false);
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    throw new HolstError('invalid_input', '--limit must be a whole number from 1 to 500.', { field: 'limit' });
  const filters = libraryFilters(values);
  const core = await ctx.core();
  const page = core.library.list({ limit, ...filters });
  const parents = core.library.parentsOf(page.items.map((i) => i.id));
  const items = page.items.map((image) => listItem(core.library, image, parents.get(image.id) ?? []));
  const text = items.length
    ? items
        .map((i) => `${i.id}\t${i.createdAt.slice(0, 19).replace('T', ' ')}\t${i.width}x${i.height}\t${i.source}\t${i.prompt ?? ''}`)
        .join('\n')
    : 'No images.';
  ctx.out.result({ items }, text);
}

async function importCommand(ctx: CliContext, args: string[]): Promise<void> {
  const { positionals } = parseCommandArgs(args, {}, true);
  if (positionals.length === 0) throw new HolstError('invalid_input', 'Name at least one file or folder to import.');
  const core = await ctx.core();
  const { importFiles } = await import('../../main/core/library/ingest/import-files');
  const controller = new AbortController();
  const cancel = () => controller.abort();
  process.once('SIGINT', cancel);
  try {
    const results = await importFiles(core.library, positionals, {
      signal: controller.signal,
      onProgress: (p) => {
        if (!ctx.out.json && !p.finished && p.total > 1) process.stderr.write(`\rImporting ${p.done}/${p.total}…`);
      },
    });
    if (!ctx.out.json) process.stderr.write('\r\x1b[K');
    const counts = { imported: 0, duplicate: 0, skipped: 0, failed: 0, cancelled: 0 };
    for (const r of results) counts[r.status]++;
    const lines = results.map((r) => `${r.status}\t${r.id ?? ''}\t${r.path}${r.reason ? `\t${r.reason}` : ''}`);
    lines.push(
      `${counts.imported} imported, ${counts.duplicate} already in the library, ${counts.skipped} skipped, ${counts.failed} failed` +
        (counts.cancelled > 0 ? `, ${counts.cancelled} not imported (cancelled)` : ''),
    );
    ctx.out.result({ results, ...counts }, lines.join('\n'));
    if (controller.signal.aborted) throw new HolstError('cancelled', 'Import cancelled.');
    if (counts.failed > 0 && counts.imported + counts.duplicate === 0) throw new HolstError('storage', 'No file could be imported.');
  } finally {
    process.off('SIGINT', cancel);
  }
}

export async function libraryCommand(ctx: CliContext): Promise<void> {
  const [sub, ...rest] = ctx.args;
  if (sub === 'list') return list(ctx, rest);
  if (sub === 'import') return importCommand(ctx, rest);
  // Export (yazl, the export jobs) and import load only when they run: `library list` needs neither.
  if (sub === 'export') return (await import('./library-export')).exportCommand(ctx, rest);
  const bulk = BULK_COMMANDS.find((name) => name === sub);
  if (bulk) return bulkCommand(ctx, bulk, rest);
  throw new HolstError('invalid_input', `Unknown command "library ${sub ?? ''}". Try "holst --help".`);
}
