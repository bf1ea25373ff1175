import type { CoreSentence } from '../../../../shared/core-messages';
import { HolstError, type ErrorCode } from '../../../../shared/errors';
import type { ImportWhy } from '../../../../shared/library';

/**
 * An image the library turned down for a fault of the file itself, with its kind (`why`) beside
 * its catalogued sentence, so an import summary and the window can say it in their language.
 */
export class IngestRefusal extends HolstError {
  declare readonly why: ImportWhy;

  constructor(
    code: ErrorCode,
    why: ImportWhy,
    sentence: CoreSentence,
    options: { cause?: unknown; field?: string; maxBytes?: number } = {},
  ) {
    const { message, ...said } = sentence;
    super(code, message, { ...options, why, said });
  }
}
