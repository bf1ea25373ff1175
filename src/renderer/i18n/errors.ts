/**
 * What the user reads for an error: the catalogue's sentence for its shared code (in the window's
 * language), then the core's explanation (in the window's language when the core sent its key),
 * with the provider's own words quoted as they came.
 */
import type { Said } from '../../shared/core-messages';
import type { ErrorCode, ErrorPayload } from '../../shared/errors';
import { HolstError, isHolstError } from '../../shared/errors';
import { ImportWhySchema } from '../../shared/library';
import { coreText } from './core-text';
import { formatBytes } from './format';
import { i18n } from './index';

export const errorHeadline = (code: ErrorCode): string => i18n.t(`errors:${code}`);

/** "The provider did not accept the key. GigaChat answered 401 to the model list. … It said: “Invalid key”" */
export function errorText(error: Pick<ErrorPayload, 'code' | 'message'> | unknown): string {
  if (error instanceof HolstError) return join(errorHeadline(error.code), coreText({ message: error.message, ...error.said }));
  if (error && typeof error === 'object' && 'code' in error && 'message' in error) {
    const payload = error as ErrorPayload;
    return join(errorHeadline(payload.code), coreText(payload));
  }
  return error instanceof Error ? error.message : String(error);
}

/** The headline, then the detail; a detail that begins with the headline says it once. */
const join = (headline: string, detail: string) => {
  const said = detail.trim();
  if (!said) return headline;
  return said.startsWith(headline) ? said : `${headline} ${said}`;
};

/**
 * Why the core did not keep a file, in the window's language: the kind of refusal when it gave
 * one, else its own sentence for bad input, else its error code's headline and the detail. Serves
 * both what `library.importBytes` threw and the import job's results.
 */
export function refusalText(
  refusal: Said & {
    why?: string | undefined;
    maxBytes?: number | undefined;
    code?: ErrorCode | undefined;
    message: string;
  },
): string {
  const kind = ImportWhySchema.safeParse(refusal.why);
  if (kind.success) return i18n.t(`library:fileImport.reason.${kind.data}`, { size: formatBytes(refusal.maxBytes ?? 0) });
  if (!refusal.code || refusal.code === 'invalid_input') return coreText(refusal);
  return errorText({ ...refusal, code: refusal.code });
}

export const reasonOf = (error: unknown) =>
  isHolstError(error)
    ? refusalText({ ...error.said, why: error.why, maxBytes: error.maxBytes, code: error.code, message: error.message })
    : errorText(error);
