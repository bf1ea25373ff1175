import { useTranslation } from 'react-i18next';
import { LANGUAGES, LanguageChoiceSchema, resolveLanguage, type LanguageChoice } from '../../../shared/i18n';
import type { Settings } from '../../../shared/settings';
import { useAppStore } from '../../store/app-store';

/** Theme and language; each choice is saved at once and changes every screen without a restart. */
export function AppearanceSection() {
  const { t } = useTranslation('settings');
  const { settings, setTheme, setLanguage } = useAppStore();
  // A language this version does not know (written by a newer Holst) reads as "follow the system", and is kept until changed.
  const parsed = LanguageChoiceSchema.safeParse(settings?.appearance.language);
  const language: LanguageChoice = parsed.success ? parsed.data : 'system';
  const systemLanguage = resolveLanguage('system', navigator.languages);

  return (
    <>
      <label className="field inline">
        <span>{t('appearance.theme')}</span>
        <select
          value={settings?.appearance.theme ?? 'system'}
          onChange={(event) => void setTheme(event.target.value as Settings['appearance']['theme'])}
        >
          <option value="system">{t('appearance.themes.system')}</option>
          <option value="light">{t('appearance.themes.light')}</option>
          <option value="dark">{t('appearance.themes.dark')}</option>
        </select>
      </label>
      <label className="field inline">
        <span>{t('appearance.language')}</span>
        <select value={language} onChange={(event) => void setLanguage(event.target.value as LanguageChoice)}>
          <option value="system">{t('appearance.followSystem', { language: t(`appearance.languageNames.${systemLanguage}`) })}</option>
          {/* Each language's name in that language, so it can be found from any window. */}
          {LANGUAGES.map((code) => (
            <option key={code} value={code} lang={code}>
              {t(`appearance.languageNames.${code}`)}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
