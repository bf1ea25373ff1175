/**
 * What the user reads for an error: the catalogue's sentence for its shared code (in the window's
 * language), then the detail the core or the provider gave (often English, kept as it came).
 */
import type { ErrorCode, ErrorPayload } from '../../shared/errors';
import { HolstError } from '../../shared/errors';
import { i18n } from './index';

export const errorHeadline = (code: ErrorCode): string => i18n.t(`errors:${code}`);

/** "The provider turned the key down. — Incorrect API key provided." */
export function errorText(error: Pick<ErrorPayload, 'code' | 'message'> | unknown): string {
  if (error instanceof HolstError) return join(errorHeadline(error.code), error.message);
  if (error && typeof error === 'object' && 'code' in error && 'message' in error) {
    const { code, message } = error as ErrorPayload;
    return join(errorHeadline(code), message);
  }
  return error instanceof Error ? error.message : String(error);
}

const join = (headline: string, detail: string) =>
  detail.trim() && detail.trim() !== headline ? `${headline} ${detail.trim()}` : headline;
