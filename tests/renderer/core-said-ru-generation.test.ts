// A Russian window says in Russian why a prompt's inputs or a picture were refused (issue 22,
// point 5): a mask of the wrong size, a picture over the library's size limit, an import stopped
// part-way. The CLI and the log keep the English. The window's i18n runs in Node, its system in Russian.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkMaskSize } from '../../src/main/core/generation/mask-size';
import { receiveBytes } from '../../src/main/core/library/ingest/receive-bytes';
import { thrown } from './support/thrown';
import { openRussianWindow } from './support/russian-window';

type WindowI18n = typeof import('../../src/renderer/i18n/index');
type WindowErrors = typeof import('../../src/renderer/i18n/errors');
let i18n: WindowI18n['i18n'];
let applyLanguage: WindowI18n['applyLanguage'];
let errorText: WindowErrors['errorText'];
let tmp: string;

beforeAll(async () => {
  ({ i18n, applyLanguage, errorText } = await openRussianWindow());
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'holst-said-ru-'));
});

afterAll(async () => {
  vi.unstubAllGlobals();
  await fs.rm(tmp, { recursive: true, force: true });
});

async function* bytes(count: number) {
  yield new Uint8Array(count);
}

describe('generation and import refusals in a Russian window', () => {
  it('says a mask of the wrong size in Russian, with both sizes, and in English to the CLI', async () => {
    applyLanguage('ru');
    const error = await thrown(() => checkMaskSize({ width: 32, height: 32 }, { width: 64, height: 48 }));
    expect(error.message).toBe(
      'The mask is 32×32 but the source image is 64×48. Paint the mask on the source image (it must have the same pixel size) and send again.',
    );
    const russian =
      `${i18n.t('errors:invalid_input')} Маска размером 32×32, а исходное изображение — 64×48. ` +
      'Нарисуйте маску на исходном изображении (размер в пикселях должен совпадать) и отправьте снова.';
    // As it crosses IPC (a payload) and as the window's bridge throws it again (a HolstError).
    expect(errorText(error.toPayload())).toBe(russian);
    expect(errorText(error)).toBe(russian);
    applyLanguage('en');
    expect(errorText(error.toPayload())).toBe(`${i18n.t('errors:invalid_input')} ${error.message}`);
  });

  it("says a picture over the library's size limit in Russian units", async () => {
    applyLanguage('ru');
    const error = await thrown(() => receiveBytes({ stream: bytes(20 * 1024) }, tmp, 10 * 1024));
    expect(error.message).toBe('The image is larger than the 10 KB limit (Settings → Library).');
    expect(errorText(error.toPayload())).toBe(
      `${i18n.t('errors:invalid_input')} Изображение больше предела в 10 КБ («Настройки → Библиотека»).`,
    );
    // Nothing is left behind in the temp folder.
    expect(await fs.readdir(tmp)).toEqual([]);
  });

  it('says an import stopped part-way in Russian', async () => {
    applyLanguage('ru');
    const stop = new AbortController();
    stop.abort();
    const error = await thrown(() => receiveBytes({ stream: bytes(16) }, tmp, 1024, stop.signal));
    expect(error.code).toBe('cancelled');
    expect(errorText(error.toPayload())).toBe(`${i18n.t('errors:cancelled')} Изображение не сохранено: действие отменено.`);
  });
});
