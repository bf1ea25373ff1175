// The window's i18n in plain Node (navigator and document stood in for): it starts in the system's
// language, a Russian entry that is missing shows the English text and is reported once, never the key.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/** What the test uses of the window's i18n module (imported by a path TypeScript does not follow: it is DOM code). */
interface I18nModule {
  i18n: {
    t(key: string, options?: Record<string, unknown>): string;
    addResource(language: string, namespace: string, key: string, value: string): void;
  };
  applyLanguage(setting: string | undefined): string;
}
const MODULE = '../../../../src/renderer/i18n/index';
const page = { documentElement: { lang: '' } };
let i18nModule: I18nModule;
const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

beforeAll(async () => {
  vi.stubGlobal('navigator', { languages: ['ru-RU', 'en-US'] });
  vi.stubGlobal('document', page);
  i18nModule = (await import(/* @vite-ignore */ MODULE)) as I18nModule;
});

afterAll(() => {
  vi.unstubAllGlobals();
  warn.mockRestore();
});

describe('the window in two languages', () => {
  it('starts in the system language and switches at once', () => {
    const { i18n, applyLanguage } = i18nModule;
    expect(i18n.t('app:nav.settings')).toBe('Настройки');
    expect(applyLanguage('en')).toBe('en');
    expect(i18n.t('app:nav.settings')).toBe('Settings');
    expect(page.documentElement.lang).toBe('en');
    expect(applyLanguage('klingon')).toBe('ru');
    expect(i18n.t('app:nav.settings')).toBe('Настройки');
  });

  it('uses Russian plural forms', () => {
    const { i18n, applyLanguage } = i18nModule;
    applyLanguage('ru');
    expect([1, 2, 5, 21, 22, 11].map((count) => i18n.t('common:imageCount', { count }))).toEqual([
      '1 изображение',
      '2 изображения',
      '5 изображений',
      '21 изображение',
      '22 изображения',
      '11 изображений',
    ]);
  });

  it('shows the English text for an entry Russian lacks, and reports it once', () => {
    const { i18n, applyLanguage } = i18nModule;
    applyLanguage('ru');
    // A catalogue entry only English has (as a broken or missing Russian one would leave it).
    i18n.addResource('en', 'app', 'onlyInEnglish', 'Only in English');
    const key = 'app:onlyInEnglish';
    warn.mockClear();
    expect(i18n.t(key)).toBe('Only in English');
    expect(i18n.t(key)).toBe('Only in English');
    const reports = warn.mock.calls.filter(([message]) => String(message).includes('onlyInEnglish'));
    expect(reports).toHaveLength(1);
  });
});
