// The Library in Russian: a ru-RU browser gets the Russian catalogue, Russian plural forms for the
// count and the import result, and dates written the Russian way. Seeded by the real core.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { blockOtherOrigins, drop } from './browser';
import { startHarness } from '../support/harness';
import { testKeychainService } from '../support/keychain';
import { paintImage, withLibrary } from '../support/seed-library';

test.use({ locale: 'ru-RU' });

const grid = (page: Page) => page.getByRole('listbox', { name: 'Изображения' });
const tiles = (page: Page) => grid(page).getByRole('option');

/** Short month names as Russian dates write them (genitive: "5 мая", "1 дек."), January first. */
const RU_MONTHS = ['янв', 'февр', 'мар', 'апр', 'мая', 'июн', 'июл', 'авг', 'сент', 'окт', 'нояб', 'дек'];

/** Three foxes, a lighthouse and an edit of the first fox: 5 images, 4 of them about a fox. */
function seedRussianLibrary(dataDir: string) {
  return withLibrary(dataDir, async (library) => {
    const meta = { source: 'generated' as const, provider: 'gigachat', model: 'GigaChat-2-Max' };
    const ids: number[] = [];
    for (let n = 1; n <= 3; n++) {
      ids.push((await library.ingest({ bytes: await paintImage('fox', n) }, { ...meta, prompt: `рыжая лиса в снегу ${n}` })).image.id);
    }
    await library.ingest({ bytes: await paintImage('lighthouse', 1) }, { ...meta, prompt: 'маяк на рассвете' });
    const edit = await library.ingest(
      { bytes: await paintImage('fox', 99, 640, 512) },
      { ...meta, source: 'edited', prompt: 'та же лиса, осенние листья', parents: [{ id: ids[0]!, role: 'source' }] },
    );
    return { editId: edit.image.id };
  });
}

test('the library reads in Russian: heading, search, plural counts, the viewer and its date', async ({ page }) => {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'holst-e2e-library-ru-'));
  const { editId } = await seedRussianLibrary(dataDir);
  const harness = await startHarness(dataDir, { HOLST_KEYCHAIN_SERVICE: testKeychainService() });
  const foreign = await blockOtherOrigins(page, harness.origin);
  try {
    await page.goto(harness.url);
    await expect(page.getByRole('heading', { name: 'Библиотека', level: 1 })).toBeVisible();
    const search = page.getByRole('searchbox', { name: 'Поиск по запросам' });
    await expect(search).toHaveAttribute('placeholder', 'Поиск по запросам');
    await expect(page.getByRole('button', { name: 'Избранное', exact: true })).toBeVisible();

    // 5 → изображений, 4 → изображения, 1 → изображение.
    const status = page.getByRole('status').filter({ hasText: /^[\d\s]+\+? изображени/ });
    await expect(status).toHaveText('5 изображений');
    await search.fill('лиса');
    await expect(tiles(page)).toHaveCount(4);
    await expect(status).toHaveText('4 изображения');
    await search.fill('маяк');
    await expect(tiles(page)).toHaveCount(1);
    await expect(status).toHaveText('1 изображение');
    await search.fill('зебра');
    await expect(page.getByRole('heading', { name: 'Ничего не найдено' })).toBeVisible();
    await page.getByRole('button', { name: 'Очистить поиск' }).click();
    await expect(status).toHaveText('5 изображений');

    // The viewer: its labels, the lineage badge, the actions, and the date in Russian.
    await grid(page).getByRole('option', { name: 'та же лиса, осенние листья', exact: true }).click();
    const viewer = page.getByRole('dialog', { name: 'та же лиса, осенние листья' });
    await expect(viewer).toBeVisible();
    await expect(viewer).toContainText(`Изображение ${editId} · Изменено`);
    const terms = viewer.locator('dt');
    await expect(terms).toHaveText(['Сервис', 'Модель', 'Источник', 'Размер', 'Создано', 'Теги']);
    await expect(viewer.locator('dd').filter({ hasText: '640 × 512' })).toContainText(/PNG · [\d,]+ (КБ|МБ)/);
    for (const name of ['Изменить', 'Использовать как референс', 'Избранное', 'Ещё', 'Закрыть']) {
      await expect(viewer.getByRole('button', { name, exact: true })).toBeVisible();
    }
    // В корзину is in the "…" (Ещё) menu.
    await viewer.getByRole('button', { name: 'Ещё', exact: true }).click();
    await expect(viewer.getByRole('menu', { name: 'Ещё' }).getByRole('menuitem')).toHaveText(['В корзину']);
    await page.keyboard.press('Escape');
    await expect(viewer.getByRole('link', { name: 'Скачать оригинал' })).toBeVisible();
    const madeFrom = viewer.getByRole('region', { name: 'Создано из' });
    await expect(madeFrom.getByRole('button', { name: 'Исходное: рыжая лиса в снегу 1' })).toBeVisible();

    const created = viewer.locator('time');
    const when = new Date((await created.getAttribute('datetime'))!);
    const text = (await created.textContent())!;
    expect(text).toMatch(new RegExp(`^${when.getDate()} ${RU_MONTHS[when.getMonth()]}\\.? ${when.getFullYear()} г\\.`));
    expect(text, 'no English in the date').not.toMatch(/[A-Za-z]/);
    expect(text, '24-hour time').toMatch(/\d{1,2}:\d{2}$/);

    // The import result in one sentence, each count with its own plural form.
    await page.keyboard.press('Escape');
    const png = async (seed: number) => ({ name: `drop-${seed}.png`, bytes: await paintImage('lemons', seed, 64, 48) });
    await drop(page.getByRole('region', { name: 'Библиотека' }), { files: [await png(41)] });
    await expect(page.getByRole('status').filter({ hasText: 'Импортировано: 1 новое изображение.' })).toBeVisible();
    await expect(status).toHaveText('6 изображений');
    await drop(page.getByRole('region', { name: 'Библиотека' }), { files: [await png(42), await png(43)] });
    await expect(page.getByRole('status').filter({ hasText: 'Импортировано: 2 новых изображения.' })).toBeVisible();
    await expect(status).toHaveText('8 изображений');
    await expect(tiles(page).first()).toHaveAccessibleName(/^Изображение \d+$/);

    // Files the core turns down: the kind of refusal crosses the bridge and is said in Russian.
    await page.locator('.file-import').getByRole('button', { name: 'Скрыть' }).click();
    const whole = await paintImage('lemons', 44, 200, 150);
    await drop(page.getByRole('region', { name: 'Библиотека' }), {
      files: [
        { name: 'страница.png', bytes: Buffer.from('<!doctype html><html><body>404</body></html>') },
        { name: 'обрезан.png', bytes: whole.subarray(0, Math.floor(whole.length / 2)) },
      ],
    });
    await expect(page.getByRole('status').filter({ hasText: 'Ничего не добавлено: 2 файла пропущены.' })).toBeVisible();
    await page.getByText('Показать пропущенные файлы').click();
    const skipped = page.getByRole('list', { name: 'Пропущенные файлы' }).getByRole('listitem');
    await expect(skipped).toHaveText(['страница.png: это не изображение', 'обрезан.png: данные изображения повреждены или неполные']);
    await expect(status).toHaveText('8 изображений');
  } finally {
    await harness.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
  expect(foreign, 'requests to anywhere but the harness').toEqual([]);
});
