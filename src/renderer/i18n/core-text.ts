/**
 * What the core said, in the window's language: the catalogue's sentence for its key (core:<key>,
 * see src/shared/core-messages.ts) with its parameters, then any words it passed on as they came
 * (a provider's own error text), quoted. Without a key the catalogue knows, the core's English.
 */
import type { Said } from '../../shared/core-messages';
import { i18n } from './index';

/** `t` for keys that come from the core at run time (checked with `exists` first, and by the catalogue test). */
const translate = (key: string, params?: Record<string, string>): string =>
  (i18n.t as unknown as (key: string, options?: Record<string, string>) => string)(key, params);

export function coreText(said: Said & { message: string }): string {
  const key = said.key;
  if (!key || !i18n.exists(`core:${key}`)) return said.message;
  const params: Record<string, string> = { ...said.params };
  // The request a sentence is about comes as its id (`modelList`): the catalogue names it.
  if (params.what && i18n.exists(`core:subject.${params.what}`)) params.what = translate(`core:subject.${params.what}`);
  const sentence = translate(`core:${key}`, params);
  return said.quote ? `${sentence} ${translate('core:providerSaid', { quote: said.quote })}` : sentence;
}
