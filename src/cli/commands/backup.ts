import os from 'node:os';
import { HolstError } from '../../shared/errors';
import { parseCommandArgs } from '../args';
import type { CliContext } from '../context';

const usage = 'Try "holst --help".';

/** `holst backup run|list|verify|restore`: backups of the data folder to a folder, verified. */
export async function backupCommand(ctx: CliContext): Promise<number | void> {
  const [sub, ...rest] = ctx.args;
  const [{ targetFor }, { APP_VERSION }, { LATEST_SCHEMA_VERSION }] = await Promise.all([
    import('../../main/core/backup/target-spec'),
    import('../../main/core/app-core'),
    import('../../main/core/database/database'),
  ]);
  const progress = (line: string) => {
    if (!ctx.out.json && process.stderr.isTTY) process.stderr.write(`\r${line}\u001b[K`);
  };
  const endProgress = () => {
    if (!ctx.out.json && process.stderr.isTTY) process.stderr.write('\r\u001b[K');
  };

  if (sub === 'run') {
    const { values } = parseCommandArgs(rest, { to: { type: 'string' }, keep: { type: 'string' } });
    if (!values.to) throw new HolstError('invalid_input', `backup run needs --to TARGET. ${usage}`, { field: 'to' });
    const keep = values.keep === undefined ? 10 : Number(values.keep);
    if (!Number.isInteger(keep) || keep < 1 || keep > 1000)
      throw new HolstError('invalid_input', `--keep takes a whole number from 1 to 1000, not "${values.keep}".`, { field: 'keep' });
    const target = targetFor(values.to);
    const core = await ctx.core();
    const { runBackup } = await import('../../main/core/backup/run-backup');
    const abort = new AbortController();
    const onSignal = () => abort.abort();
    process.once('SIGINT', onSignal);
    try {
      const result = await runBackup(
        {
          db: core.library.db,
          layout: core.library.layout,
          settingsFile: core.settings.file,
          holstVersion: APP_VERSION,
          schemaVersion: LATEST_SCHEMA_VERSION,
        },
        target,
        {
          keep,
          signal: abort.signal,
          onProgress: (p) =>
            progress(
              p.phase === 'sending'
                ? `sending ${p.files}/${p.totalFiles} files, ${megabytes(p.bytes)} of ${megabytes(p.totalBytes)}`
                : `${p.phase}…`,
            ),
        },
      );
      endProgress();
      const text = [
        `Snapshot ${result.snapshotId} at ${target.label}:`,
        `  sent ${result.sent.files} files (${megabytes(result.sent.bytes)}), already there ${result.skipped.files} (${megabytes(result.skipped.bytes)})`,
        ...(result.missingLocally.length > 0
          ? [`  ${result.missingLocally.length} originals are missing from the data folder and were not backed up`]
          : []),
        ...(result.pruned.snapshots > 0 ? [`  removed ${result.pruned.snapshots} older snapshots (${result.pruned.files} files)`] : []),
      ].join('\n');
      ctx.out.result(
        {
          snapshotId: result.snapshotId,
          sent: result.sent,
          skipped: result.skipped,
          missingLocally: result.missingLocally.length,
          pruned: result.pruned,
        },
        text,
      );
    } finally {
      process.off('SIGINT', onSignal);
      endProgress();
    }
    return;
  }

  if (sub === 'list') {
    const { positionals } = parseCommandArgs(rest, {}, true);
    const target = targetFor(requireTarget(positionals, 'list'));
    const { readSnapshots } = await import('../../main/core/backup/prune');
    const { complete } = await readSnapshots(target);
    const snapshots = complete.map((m) => ({
      id: m.id,
      createdAt: new Date(m.createdAt).toISOString(),
      holstVersion: m.holstVersion,
      counts: m.counts,
      bytes: m.objects.reduce((sum, o) => sum + o.size, 0) + m.database.size + (m.settings?.size ?? 0),
    }));
    const text =
      snapshots.length === 0
        ? `No Holst backup at ${target.label} yet.`
        : snapshots.map((s) => `${s.id}  ${s.counts.images} pictures, ${s.counts.conversations} chats, ${megabytes(s.bytes)}`).join('\n');
    ctx.out.result({ target: target.label, snapshots }, text);
    return;
  }

  if (sub === 'verify') {
    const { values, positionals } = parseCommandArgs(rest, { snapshot: { type: 'string' } }, true);
    const target = targetFor(requireTarget(positionals, 'verify'));
    const { verifyBackup } = await import('../../main/core/backup/verify-backup');
    const result = await verifyBackup(target, {
      ...(values.snapshot ? { snapshotId: values.snapshot } : {}),
      workDir: os.tmpdir(),
      onProgress: (done, total) => progress(`verifying ${done}/${total}`),
    });
    endProgress();
    const problems = [
      ...result.missing.map((p) => ({ ...p, problem: 'missing' })),
      ...result.damaged.map((p) => ({ ...p, problem: 'damaged' })),
    ];
    const text = [
      `Snapshot ${result.snapshotId}: ${result.verified} files verified, ${result.missing.length} missing, ${result.damaged.length} damaged.`,
      ...problems.map((p) =>
        `  ${p.problem}: ${p.kind} ${p.sha256.slice(0, 12)}… ${p.createdAt ? new Date(p.createdAt).toISOString().slice(0, 10) : ''} ${p.prompt ?? ''}`.trimEnd(),
      ),
      ...[...result.snapshotFiles.missing, ...result.snapshotFiles.damaged].map((name) => `  snapshot file missing or damaged: ${name}`),
    ].join('\n');
    ctx.out.result(
      {
        snapshotId: result.snapshotId,
        verified: result.verified,
        missing: result.missing.length,
        damaged: result.damaged.length,
        problems,
        snapshotFiles: result.snapshotFiles,
      },
      text,
    );
    const bad = problems.length + result.snapshotFiles.missing.length + result.snapshotFiles.damaged.length;
    return bad > 0 ? 7 : undefined;
  }

  if (sub === 'restore') {
    const { values, positionals } = parseCommandArgs(rest, { snapshot: { type: 'string' }, merge: { type: 'boolean' } }, true);
    if (values.merge)
      throw new HolstError(
        'invalid_input',
        'Merging a backup into a library that has pictures is not in this version: restore into an empty --data-dir.',
        { field: 'merge' },
      );
    const target = targetFor(requireTarget(positionals, 'restore'));
    // Not ctx.core(): opening the core would make a library in the folder the backup is restored into.
    const { restoreBackup } = await import('../../main/core/backup/restore-backup');
    const result = await restoreBackup(target, ctx.dataDir, {
      ...(values.snapshot ? { snapshotId: values.snapshot } : {}),
      holstVersion: APP_VERSION,
      schemaVersion: LATEST_SCHEMA_VERSION,
      onProgress: (done, total) => progress(`restoring ${done}/${total}`),
    });
    endProgress();
    const text = [
      `Restored snapshot ${result.snapshotId} into ${ctx.dataDir}: ${result.counts.images} pictures, ${result.counts.conversations} chats (${result.restored.files} files, ${megabytes(result.restored.bytes)}).`,
      ...[...result.missing, ...result.damaged].map((p) =>
        `  not restored (missing or damaged in the backup): ${p.sha256.slice(0, 12)}… ${p.prompt ?? ''}`.trimEnd(),
      ),
      ...(result.providersNeedingKeys.length > 0
        ? [
            `Keys are never in a backup: set them again with "holst key set ID" for ${result.providersNeedingKeys.map((p) => p.id).join(', ')}.`,
          ]
        : []),
    ].join('\n');
    ctx.out.result(
      {
        snapshotId: result.snapshotId,
        restored: result.restored,
        missing: result.missing.length,
        damaged: result.damaged.length,
        counts: result.counts,
        providersNeedingKeys: result.providersNeedingKeys,
      },
      text,
    );
    return result.missing.length + result.damaged.length > 0 ? 7 : undefined;
  }
  throw new HolstError('invalid_input', `Unknown command "backup ${sub ?? ''}". ${usage}`);
}

function requireTarget(positionals: string[], sub: string): string {
  if (positionals.length !== 1)
    throw new HolstError('invalid_input', `backup ${sub} takes one TARGET (a folder or a webdav+https:// address). ${usage}`, {
      field: 'target',
    });
  return positionals[0]!;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
