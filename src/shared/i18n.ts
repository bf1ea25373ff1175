/** The languages Holst speaks, and how the one in use is chosen (shared by the main process and the window). */
import * as z from 'zod';

export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** What Settings offers: follow the system, or one of the languages. */
export const LanguageChoiceSchema = z.enum(['system', ...LANGUAGES]);
export type LanguageChoice = z.infer<typeof LanguageChoiceSchema>;

/**
 * The language to show: the one chosen in Settings, or else the first of the system's preferred
 * languages Holst speaks (`ru-RU` counts as `ru`), or else English. A setting Holst does not know
 * (written by a newer version, or by hand) is treated as "follow the system".
 */
export function resolveLanguage(setting: string | undefined, preferred: readonly string[]): Language {
  const known = (tag: string): Language | undefined => LANGUAGES.find((l) => tag.toLowerCase().split(/[-_]/)[0] === l);
  if (setting && setting !== 'system') {
    const chosen = known(setting);
    if (chosen && chosen === setting) return chosen;
  }
  for (const tag of preferred) {
    const match = known(tag);
    if (match) return match;
  }
  return 'en';
}
