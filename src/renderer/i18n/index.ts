/**
 * The window's languages: i18next with one catalogue per feature (namespace) and language, all
 * bundled (nothing is fetched). English is the fallback: a key missing in Russian shows the
 * English text and is reported once in the console; tests keep both catalogues complete.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resolveLanguage, type Language } from '../../shared/i18n';
import { resources } from './resources';

export const NAMESPACES = Object.keys(resources.en) as Array<keyof (typeof resources)['en']>;

const reported = new Set<string>();
const reportOnce = (id: string, message: string) => {
  if (reported.has(id)) return;
  reported.add(id);
  console.warn(message);
};

export const i18n = i18next.createInstance();

/** Reports (once per key) an entry the language in use lacks, which i18next fills in from English. */
const reportEnglishFallback = {
  type: 'postProcessor' as const,
  name: 'reportEnglishFallback',
  process(value: string, key: string | string[], options: { ns?: string | string[] }) {
    const language = i18n.language;
    const first = Array.isArray(key) ? key[0]! : (key as string);
    const lookup = { lng: language, fallbackLng: false, ...(options.ns ? { ns: options.ns } : {}) } as Parameters<typeof i18n.exists>[1];
    if (language !== 'en' && !i18n.exists(first, lookup)) {
      reportOnce(`${language}:${first}`, `Holst: no "${first}" in the ${language} catalogue; showing English.`);
    }
    return value;
  },
};

void i18n
  .use(initReactI18next)
  .use(reportEnglishFallback)
  .init({
    resources,
    lng: resolveLanguage('system', navigator.languages),
    fallbackLng: 'en',
    supportedLngs: ['en', 'ru'],
    ns: NAMESPACES,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    postProcess: ['reportEnglishFallback'],
    // Not even English has it (the type check and the catalogue tests keep this from happening).
    saveMissing: true,
    missingKeyHandler: (languages, namespace, key) =>
      reportOnce(`*:${namespace}:${key}`, `Holst: no "${namespace}:${key}" in any catalogue (${languages.join('/')}).`),
    initAsync: false,
  });

/** Switches the window to the language the settings choose (or the system's), at once. */
export function applyLanguage(setting: string | undefined): Language {
  const language = resolveLanguage(setting, navigator.languages);
  if (i18n.language !== language) void i18n.changeLanguage(language);
  document.documentElement.lang = language;
  return language;
}

/** The language in use, for Intl formatting outside React. */
export const currentLanguage = (): Language => (i18n.language === 'ru' ? 'ru' : 'en');
