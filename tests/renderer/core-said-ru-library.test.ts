// A Russian window says in Russian what the library and the chats refused (issue 22, point 5): a
// date range that ends before it starts, a tag that is gone, an image or chat that is not there, a
// pasted file that is not base64, a library from a newer Holst, and the frame of a library view's
// schema refusal (its detail stays the schema's own words). The CLI and the log keep the English.
// The window's i18n runs in Node, its system in Russian; the core is the real one on a fresh data folder.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppCore } from '../../src/main/core/app-core';
import { openDatabase } from '../../src/main/core/database/database';
import type { ErrorPayload, Result } from '../../src/shared/errors';
import { call, openTestCore } from '../support/core';
import { removeTempDirs, tempDir } from '../support/temp-dir';
import { thrown } from './support/thrown';
import { openRussianWindow } from './support/russian-window';

type WindowI18n = typeof import('../../src/renderer/i18n/index');
type WindowErrors = typeof import('../../src/renderer/i18n/errors');
type WindowBridge = typeof import('../../src/renderer/bridge/index');
let i18n: WindowI18n['i18n'];
let applyLanguage: WindowI18n['applyLanguage'];
let errorText: WindowErrors['errorText'];
let reasonOf: WindowErrors['reasonOf'];
let unwrap: WindowBridge['unwrap'];
let core: AppCore;

beforeAll(async () => {
  ({ i18n, applyLanguage, errorText, reasonOf } = await openRussianWindow());
  ({ unwrap } = await import('../../src/renderer/bridge/index'));
  core = await openTestCore();
});

afterAll(async () => {
  core.close();
  vi.unstubAllGlobals();
  await removeTempDirs();
});

/** The error a refused request answers with, as it crosses IPC. */
function refusal(result: Result<unknown>): ErrorPayload {
  expect(result.ok).toBe(false);
  return (result as { ok: false; error: ErrorPayload }).error;
}

describe('library and chat refusals in a Russian window', () => {
  it('says a backwards date range and a missing tag in Russian, and in English to the CLI', async () => {
    applyLanguage('ru');
    const backwards = refusal(await call(core, 'library.list', { from: 2_000_000, to: 1_000_000 }));
    expect(backwards.message).toBe('The date range ends before it starts: choose an end date after the start date.');
    expect(errorText(backwards)).toBe(
      `${i18n.t('errors:invalid_input')} Период заканчивается раньше, чем начинается: выберите дату окончания позже даты начала.`,
    );
    const noTag = refusal(await call(core, 'library.count', { tag: 'горы' }));
    expect(noTag).toMatchObject({ field: 'tag', key: 'viewTagMissing', params: { tag: 'горы' } });
    expect(errorText(noTag)).toBe(
      `${i18n.t('errors:invalid_input')} В библиотеке нет тега «горы» (возможно, его переименовали или удалили): ` +
        'выберите существующий тег или снимите фильтр по тегу.',
    );
    const renamed = refusal(await call(core, 'library.renameTag', { from: 'горы', to: 'лес' }));
    expect(errorText(renamed)).toBe(`${i18n.t('errors:invalid_input')} В библиотеке нет тега «горы»: выберите тег из списка.`);
    applyLanguage('en');
    expect(errorText(noTag)).toBe(`${i18n.t('errors:invalid_input')} ${noTag.message}`);
  });

  it('says an image, a chat and a message that are not there in Russian', async () => {
    applyLanguage('ru');
    const image = refusal(await call(core, 'library.get', { id: 42 }));
    expect(image.message).toBe('There is no image 42 in the library.');
    expect(errorText(image)).toBe(`${i18n.t('errors:not_found')} Изображения 42 нет в библиотеке.`);
    const chat = refusal(await call(core, 'conversations.rename', { id: 7, title: 'Коты' }));
    expect(chat.message).toBe('There is no conversation 7.');
    expect(errorText(chat)).toBe(`${i18n.t('errors:not_found')} Чата 7 нет.`);
    const message = refusal(await call(core, 'chat.retry', { messageId: 777 }));
    expect(message.message).toBe('There is no message 777.');
    expect(errorText(message)).toBe(`${i18n.t('errors:not_found')} Сообщения 777 нет.`);
  });

  it('says a paste that is not base64 in Russian where the window names what it could not add', async () => {
    applyLanguage('ru');
    const error = await thrown(() => unwrap(call(core, 'library.importBytes', { name: 'кот.png', base64: 'not base64 at all!' })));
    expect(error.message).toBe('кот.png did not arrive as valid base64.');
    expect(reasonOf(error)).toBe('Файл кот.png пришёл не в виде корректного base64.');
  });

  it("frames a library view's schema refusal in Russian, naming the field and passing the schema's detail as it came", async () => {
    applyLanguage('ru');
    // The CLI hands the library its flags unchecked; the window's requests meet the contract's check first.
    const error = await thrown(() => core.library.list({ limit: -5 } as never));
    const reason = error.said!.params!.reason!;
    expect(error).toMatchObject({ field: 'limit', said: { key: 'invalidInputAt', params: { input: 'library query', field: 'limit' } } });
    expect(error.message).toBe(`Invalid library query at "limit": ${reason}`);
    expect(errorText(error)).toBe(`${i18n.t('errors:invalid_input')} Неверные данные (library query) в поле «limit»: ${reason}`);
    // A view that is wrong as a whole names no field.
    const whole = await thrown(() => core.library.count('everything' as never));
    expect(whole.field).toBeUndefined();
    expect(whole.message).toBe(`Invalid library view: ${whole.said!.params!.reason}`);
    expect(errorText(whole)).toBe(`${i18n.t('errors:invalid_input')} Неверные данные (library view): ${whole.said!.params!.reason}`);
  });

  it('says a library written by a newer Holst in Russian, with both schema versions', async () => {
    applyLanguage('ru');
    const file = path.join(await tempDir(), 'library.sqlite');
    const future = new Database(file);
    future.pragma('user_version = 99');
    future.close();
    const error = await thrown(() =>
      openDatabase(file, { migrations: [{ version: 1, description: 'one table', sql: 'CREATE TABLE t (x)' }] }),
    );
    expect(error.message).toBe(
      `The library at ${file} was written by a newer version of Holst (schema 99; this version knows 1). Update Holst to open it. Nothing was changed.`,
    );
    expect(errorText(error.toPayload())).toBe(
      `${i18n.t('errors:storage')} Библиотека ${file} записана более новой версией Holst (схема 99; эта версия поддерживает схемы до 1). ` +
        'Обновите Holst, чтобы открыть её. Ничего не изменено.',
    );
  });
});
