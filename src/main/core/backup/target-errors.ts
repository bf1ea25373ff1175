import { say } from '../../../shared/core-messages';
import { HolstError } from '../../../shared/errors';
import type { BackupTarget } from './backup-target';

/** A target's own failure as a sentence: full, gone (an unplugged disk, a server down), or refused. */
export function targetFailed(target: BackupTarget, error: unknown): HolstError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = (error as Error).message;
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return HolstError.said('storage', say('backupTargetFull', { target: target.label }), { cause: error });
  if (code === 'EFBIG') return HolstError.said('storage', say('backupTargetTooLarge', { target: target.label, reason }), { cause: error });
  if (code === 'ENOENT' || code === 'ENODEV' || code === 'EIO' || code === 'ENOTCONN')
    return HolstError.said('storage', say('backupTargetGone', { target: target.label, reason }), { cause: error });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return HolstError.said('storage', say('backupTargetRefused', { target: target.label, reason }), { cause: error });
  return HolstError.said('storage', say('backupTargetFailed', { target: target.label, reason }), { cause: error });
}
