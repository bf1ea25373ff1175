// A Russian window says in Russian what the core refused (issue 22, point 5): the core's own
// errors (the save folder, an image address, the keychain) and the provider form's field checks,
// while the CLI and the log keep the English. The window's i18n runs in Node, its system in Russian.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { prepareSaveFolder } from '../../src/main/core/library/export/save-folder';
import { refFromUrl } from '../../src/main/core/providers/image-refs';
import { fieldProblem } from '../../src/renderer/features/settings/provider-draft';
import { toErrorPayload } from '../../src/shared/errors';
import { ProviderConfigSchema } from '../../src/shared/settings';
import { thrown } from './support/thrown';
import { openRussianWindow } from './support/russian-window';

type WindowI18n = typeof import('../../src/renderer/i18n/index');
type WindowErrors = typeof import('../../src/renderer/i18n/errors');
let i18n: WindowI18n['i18n'];
let applyLanguage: WindowI18n['applyLanguage'];
let errorText: WindowErrors['errorText'];

beforeAll(async () => {
  ({ i18n, applyLanguage, errorText } = await openRussianWindow());
});

afterAll(() => {
  vi.unstubAllGlobals();
});

describe('the core in a Russian window', () => {
  it('says why a save folder is refused in Russian, and in English to the CLI', async () => {
    applyLanguage('ru');
    const error = await thrown(() => prepareSaveFolder('pictures/holst'));
    const example = path.resolve('/', 'Pictures', 'Holst');
    expect(error.message).toBe(`The save folder must be a full path (like ${example}).`);
    // As it crosses IPC (a payload) and as the window's bridge throws it again (a HolstError).
    const russian = `${i18n.t('errors:invalid_input')} Папку для сохранения нужно указать полным путём (например, ${example}).`;
    expect(errorText(error.toPayload())).toBe(russian);
    expect(errorText(error)).toBe(russian);
    applyLanguage('en');
    expect(errorText(error.toPayload())).toBe(`${i18n.t('errors:invalid_input')} ${error.message}`);
  });

  it('says an unexpected failure once, in Russian, and never its own words (they may hold a path or a key)', () => {
    const payload = toErrorPayload(new Error('EACCES: /home/user/secret.key'));
    expect(payload.message).toBe('Something went wrong inside Holst. The log has details.');
    applyLanguage('ru');
    expect(errorText(payload)).toBe('Внутри Holst что-то пошло не так. Подробности — в журнале.');
    applyLanguage('en');
    expect(errorText(payload)).toBe('Something went wrong inside Holst. The log has details.');
    expect(JSON.stringify(payload)).not.toContain('secret');
  });

  it('says an image address it will not fetch in Russian, the address as it came', async () => {
    applyLanguage('ru');
    const error = await thrown(() => refFromUrl('ftp://example.com/cat.png'));
    expect(errorText(error.toPayload())).toBe(
      `${i18n.t('errors:invalid_response')} Сервис вернул адрес изображения, который Holst не станет открывать: ftp://example.com/cat.png…`,
    );
  });

  it("words the provider form's own checks in Russian, with Russian plural forms", () => {
    applyLanguage('ru');
    const problem = (config: Record<string, unknown>) => {
      const parsed = ProviderConfigSchema.safeParse({ id: 'giga', kind: 'gigachat', baseUrl: 'https://g.example/api', ...config });
      expect(parsed.success).toBe(false);
      return fieldProblem(parsed.error!.issues[0]!);
    };
    expect(problem({ id: 'My Giga' })).toEqual({ key: 'id' });
    expect(problem({ baseUrl: 'ftp://g.example' })).toEqual({ key: 'url' });
    expect(problem({ authUrl: 'https://user:pw@g.example/oauth' })).toEqual({ key: 'url' });
    expect(problem({ name: 'x'.repeat(101) })).toEqual({ key: 'tooLong', count: 100 });
    expect(problem({ models: Array.from({ length: 201 }, (_, n) => `m${n}`) })).toEqual({ key: 'tooManyModels', count: 200 });
    expect(i18n.t('settings:form.problems.url')).toBe('нужен адрес http(s) без имени пользователя и пароля');
    expect(i18n.t('settings:form.problems.tooLong', { count: 100 })).toBe('не длиннее 100 символов');
    expect(i18n.t('settings:form.problems.tooLong', { count: 21 })).toBe('не длиннее 21 символа');
    expect(i18n.t('settings:form.problems.tooManyModels', { count: 200 })).toBe('не больше 200 моделей');
  });
});
