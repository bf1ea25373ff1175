// Which language Holst shows: the setting, else the system's preferred languages, else English.
import { describe, expect, it } from 'vitest';
import { resolveLanguage } from '../../../src/shared/i18n';
import { call, openTestCore } from '../../support/core';

describe('the language in use', () => {
  it('follows the system when the setting says so, taking the first language Holst speaks', () => {
    expect(resolveLanguage('system', ['ru-RU', 'en-US'])).toBe('ru');
    expect(resolveLanguage('system', ['de-DE', 'ru', 'en'])).toBe('ru');
    expect(resolveLanguage('system', ['en-GB', 'ru-RU'])).toBe('en');
    expect(resolveLanguage('system', ['de-DE', 'fr'])).toBe('en');
    expect(resolveLanguage(undefined, [])).toBe('en');
  });

  it('takes a chosen language over the system', () => {
    expect(resolveLanguage('ru', ['en-US'])).toBe('ru');
    expect(resolveLanguage('en', ['ru-RU'])).toBe('en');
  });

  it('reads a language it does not know as "follow the system"', () => {
    expect(resolveLanguage('de', ['ru-RU'])).toBe('ru');
    expect(resolveLanguage('RU', ['en-US'])).toBe('en');
    expect(resolveLanguage('', ['ru'])).toBe('ru');
  });

  it('is saved in settings.json; an unknown value there is kept as written', async () => {
    const core = await openTestCore();
    try {
      const saved = await call(core, 'settings.setLanguage', { language: 'ru' });
      expect(saved.ok && saved.value.appearance.language).toBe('ru');
      const refused = await call(core, 'settings.setLanguage', { language: 'klingon' as 'ru' });
      expect(refused.ok ? null : refused.error.code).toBe('invalid_input');
      await core.settings.update((s) => ({ ...s, appearance: { ...s.appearance, language: 'de' } }));
      expect(core.settings.get().appearance.language).toBe('de');
    } finally {
      core.close();
    }
  });
});
