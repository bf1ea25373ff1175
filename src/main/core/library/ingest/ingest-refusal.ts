import { HolstError, type ErrorCode } from '../../../../shared/errors';
import type { ImportWhy } from '../../../../shared/library';

/**
 * An image the library turned down for a fault of the file itself, with its kind (`why`) beside
 * the English message, so an import summary can say it in the window's language.
 */
export class IngestRefusal extends HolstError {
  declare readonly why: ImportWhy;

  constructor(code: ErrorCode, why: ImportWhy, message: string, options: { cause?: unknown; field?: string; maxBytes?: number } = {}) {
    super(code, message, { ...options, why });
  }
}
