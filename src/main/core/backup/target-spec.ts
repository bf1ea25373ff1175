import path from 'node:path';
import { say } from '../../../shared/core-messages';
import { HolstError } from '../../../shared/errors';
import type { BackupTarget } from './backup-target';
import { FolderTarget } from './folder-target';

/**
 * The target a person names: a folder path. WebDAV (`webdav+https://…`) and S3 (`s3://bucket/prefix`)
 * addresses are recognised and refused with a sentence until those targets exist.
 */
export function targetFor(spec: string, cwd: string = process.cwd()): BackupTarget {
  const trimmed = spec.trim();
  if (trimmed === '') throw HolstError.said('invalid_input', say('backupTargetEmpty', {}), { field: 'to' });
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed))
    throw HolstError.said('invalid_input', say('backupTargetUnsupported', { target: trimmed }), { field: 'to' });
  return new FolderTarget(path.resolve(cwd, trimmed));
}
