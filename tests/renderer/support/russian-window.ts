// The window's i18n and error text as a window on a Russian system has them: its i18n reads the
// system's languages when it loads, so the globals it reads are set first. Undo with vi.unstubAllGlobals().
import { vi } from 'vitest';

export async function openRussianWindow() {
  vi.stubGlobal('navigator', { languages: ['ru-RU', 'en-US'] });
  vi.stubGlobal('document', { documentElement: { lang: '' } });
  const { i18n, applyLanguage } = await import('../../../src/renderer/i18n/index');
  const { errorText, reasonOf } = await import('../../../src/renderer/i18n/errors');
  return { i18n, applyLanguage, errorText, reasonOf };
}
