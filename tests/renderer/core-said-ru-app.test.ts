// A Russian window says in Russian what the app itself refused or reported (issue 22, point 5): an
// action only the desktop app has, a link Holst will not open, a request it does not know, the
// settings file it set aside, and Givon's progress lines while a job waits. The CLI and the log
// keep the English. The window's i18n runs in Node, its system in Russian; the core is the real one.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppCore } from '../../src/main/core/app-core';
import { GIVON_POLL } from '../../src/main/core/providers/givon';
import type { Notice } from '../../src/shared/contract';
import type { GenerationEvent } from '../../src/shared/generation';
import { applyGenerationEvents, type AppliedEvents } from '../../src/renderer/store/thread/live-generations';
import { startGivonServer, type GivonServer } from '../servers/givon-server';
import { call, openTestCore } from '../support/core';
import { removeTempDirs, tempDir } from '../support/temp-dir';
import { openRussianWindow } from './support/russian-window';

type WindowI18n = typeof import('../../src/renderer/i18n/index');
let i18n: WindowI18n['i18n'];
let applyLanguage: WindowI18n['applyLanguage'];
let errorText: typeof import('../../src/renderer/i18n/errors').errorText;
let coreText: typeof import('../../src/renderer/i18n/core-text').coreText;
let core: AppCore;

beforeAll(async () => {
  ({ i18n, applyLanguage, errorText } = await openRussianWindow());
  ({ coreText } = await import('../../src/renderer/i18n/core-text'));
  core = await openTestCore();
});

afterAll(async () => {
  core.close();
  vi.unstubAllGlobals();
  await removeTempDirs();
});

/** The error a request was answered with, as it crossed IPC. */
async function refusal(channel: Parameters<AppCore['dispatch']>[0], input: unknown) {
  const result = await core.dispatch(channel, input);
  if (result.ok) throw new Error(`${String(channel)} was not refused`);
  return result.error;
}

describe('the app in a Russian window', () => {
  it('says an action only the desktop app has in one Russian sentence, and in English to the CLI', async () => {
    applyLanguage('ru');
    const error = await refusal('settings.setSaveFolder', {});
    expect(error.message).toBe(
      'Choosing a folder needs the Holst desktop app; type a folder inside the data folder’s exports folder instead.',
    );
    expect(errorText(error)).toBe(
      `${i18n.t('errors:config')} Выбрать папку можно только в настольном приложении Holst; ` +
        'вместо этого введите путь к папке внутри папки экспорта (exports) в папке данных.',
    );
    expect(errorText(await refusal('library.import', undefined))).toBe(
      `${i18n.t('errors:config')} Выбрать файлы для импорта можно только в настольном приложении Holst, в браузере этого сделать нельзя.`,
    );
  });

  it('says why a link is not opened in Russian, naming the scheme and the link as they came', async () => {
    applyLanguage('ru');
    const scheme = await refusal('app.openExternal', { url: 'file:///etc/passwd' });
    expect(scheme.message).toBe('Holst opens only http, https and mailto links, not file: links.');
    expect(errorText(scheme)).toBe(`${i18n.t('errors:invalid_input')} Holst открывает только ссылки http, https и mailto, а не file:.`);
    expect(errorText(await refusal('app.openExternal', { url: 'not a link' }))).toBe(
      `${i18n.t('errors:invalid_input')} «not a link» — не веб-адрес, поэтому Holst не может его открыть.`,
    );
    expect(errorText(await refusal('app.openExternal', { url: 'https://user:pw@example.com/' }))).toBe(
      `${i18n.t('errors:invalid_input')} В этой ссылке есть имя пользователя или пароль; такие ссылки Holst не открывает.`,
    );
  });

  it('says a request it does not know, or an input the contract refuses, in Russian', async () => {
    applyLanguage('ru');
    expect(errorText(await refusal('library.noSuchThing', {}))).toBe(
      `${i18n.t('errors:invalid_input')} Неизвестный запрос «library.noSuchThing».`,
    );
    const input = await refusal('library.get', { id: 'seven' });
    expect(input).toMatchObject({ field: 'id', key: 'inputInvalidAt', params: { channel: 'library.get', field: 'id' } });
    expect(errorText(input)).toMatch(/ Неверные данные для запроса library\.get в поле «id»: .+$/);
  });

  it('says in Russian that the settings file was set aside, keeping the parser’s words', async () => {
    applyLanguage('ru');
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, 'settings.json'), '{"providers": [oops');
    const recovered = await openTestCore(dir);
    try {
      const notices = await call(recovered, 'app.notices', undefined);
      const notice = (notices.ok ? notices.value : []).find((n: Notice) => n.id === 'settings-recovered')!;
      const backupFile = notice.params!.backupFile!;
      expect(path.dirname(backupFile)).toBe(dir);
      expect(notice.message).toMatch(/^Your settings file could not be read \(it is not valid JSON \(.+\)\)\. It was kept as /);
      expect(coreText(notice)).toBe(
        `Не удалось прочитать файл настроек: это некорректный JSON (${notice.params!.reason}). ` +
          `Он сохранён как ${backupFile}, восстановлены настройки по умолчанию.`,
      );
    } finally {
      recovered.close();
    }
  });
});

describe("Givon's progress in a Russian window", () => {
  let server: GivonServer;
  const defaultPoll = { ...GIVON_POLL };
  beforeAll(async () => {
    server = await startGivonServer();
    server.mode = 'job';
    server.pollsNeeded = 3;
    Object.assign(GIVON_POLL, { firstMs: 10, factor: 1.5, maxMs: 40, maxWaitMs: 10_000 });
  });
  afterAll(async () => {
    Object.assign(GIVON_POLL, defaultPoll);
    await server.close();
  });

  it('shows each status line of a waiting job in Russian, as the chat does, and keeps it English for the CLI', async () => {
    applyLanguage('ru');
    const givon = await openTestCore(undefined, { HOLST_API_KEY_GIVON: server.apiKey });
    const events: GenerationEvent[] = [];
    givon.events.subscribe((name, payload) => {
      if (name === 'generation.event') events.push(payload as GenerationEvent);
    });
    try {
      await givon.settings.update((s) => ({
        ...s,
        providers: [{ id: 'givon', kind: 'givon', name: 'Givon', baseUrl: server.baseUrl, models: ['gpt-image-2'] }],
      }));
      const started = await call(givon, 'chat.send', { providerId: 'givon', prompt: 'a fox' });
      if (!started.ok) throw new Error(started.error.message);
      for (let i = 0; i < 400 && !events.some((e) => e.type === 'finished'); i++) await new Promise((r) => setTimeout(r, 25));
      const progress = events.filter((e) => e.type === 'progress');
      expect(progress.map((e) => e.message)).toEqual(['Givon: queued…', 'Givon: queued…', 'Givon: processing…', 'Givon: processing…']);

      // The chat keeps the last line of each running answer and shows it through the core's catalogue.
      const shown: string[] = [];
      let state: Pick<AppliedEvents, 'live' | 'messages'> = { live: {}, messages: [started.value.assistantMessage] };
      for (const event of progress) {
        state = applyGenerationEvents(state, [event], () => false);
        shown.push(coreText(state.live[started.value.generationId]!.progress!));
      }
      expect(shown).toEqual(['Givon: в очереди…', 'Givon: в очереди…', 'Givon: обработка…', 'Givon: обработка…']);
      applyLanguage('en');
      expect(coreText(state.live[started.value.generationId]!.progress!)).toBe('Givon: processing…');
    } finally {
      givon.close();
    }
  });

  it('words a status Holst does not know in Russian around Givon’s own word', () => {
    applyLanguage('ru');
    expect(coreText({ message: 'Givon: upscaling…', key: 'givonStatus', params: { name: 'Givon', status: 'upscaling' } })).toBe(
      'Givon: статус «upscaling»…',
    );
  });
});
