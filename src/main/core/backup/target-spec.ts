import path from 'node:path';
import { say } from '../../../shared/core-messages';
import { HolstError } from '../../../shared/errors';
import type { BackupTarget } from './backup-target';
import { FolderTarget } from './folder-target';
import { WebDavTarget } from './webdav-target';

/**
 * The target a person names: a folder path, or a WebDAV folder (`webdav+https://user@host/path`,
 * its password from the address or HOLST_BACKUP_PASSWORD). S3 (`s3://bucket/prefix`) and other
 * addresses are refused with a sentence until those targets exist.
 */
export function targetFor(spec: string, cwd: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): BackupTarget {
  const trimmed = spec.trim();
  if (trimmed === '') throw HolstError.said('invalid_input', say('backupTargetEmpty', {}), { field: 'to' });
  const dav = /^webdav\+(https?:\/\/.*)$/i.exec(trimmed);
  if (dav) {
    let url: URL;
    try {
      url = new URL(dav[1]!);
    } catch {
      throw HolstError.said('invalid_input', say('backupTargetUnsupported', { target: trimmed }), { field: 'to' });
    }
    const username = decodeURIComponent(url.username);
    const password = url.password ? decodeURIComponent(url.password) : (env.HOLST_BACKUP_PASSWORD ?? '');
    url.username = '';
    url.password = '';
    if (!url.pathname.endsWith('/')) url.pathname += '/';
    return new WebDavTarget(url, username ? { username, password } : null);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed))
    throw HolstError.said('invalid_input', say('backupTargetUnsupported', { target: trimmed }), { field: 'to' });
  return new FolderTarget(path.resolve(cwd, trimmed));
}
