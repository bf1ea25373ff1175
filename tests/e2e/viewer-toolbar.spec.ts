// The viewer's actions in one toolbar (issue 20, point 9): Edit as the labelled main action, icons
// with names and tooltips for the frequent ones, and "…" opening a menu with the rest. One row at
// 900×600 and 1280×800 in English and Russian; reached with Tab; the menu worked with the keyboard;
// Move to trash from it offers Undo. The built renderer in Chromium through the harness, over a
// library seeded by the real core; the desktop app's file actions through the preload stand-in.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectLoaded } from './browser';
import { useDesktopStandIn } from './desktop-preload-standin';
import { useSeededHarness } from './seeded-harness';
import { paintImage, withLibrary } from '../support/seed-library';

const PROMPT = {
  en: 'the same fox, autumn leaves around, soft evening light',
  ru: 'та же лиса, осенние листья вокруг, мягкий вечерний свет',
};

/** A fox, an edit of it (so Compare with… is offered), and one picture on its own. */
function seed(dataDir: string) {
  return withLibrary(dataDir, async (library) => {
    const meta = { source: 'generated' as const, provider: 'gigachat', model: 'GigaChat-2-Max' };
    const fox = await library.ingest({ bytes: await paintImage('fox', 1, 640, 480) }, { ...meta, prompt: 'a red fox in the snow' });
    for (const lang of ['en', 'ru'] as const) {
      await library.ingest(
        { bytes: await paintImage('fox', lang === 'en' ? 2 : 3, 640, 480) },
        { ...meta, source: 'edited', prompt: PROMPT[lang], parents: [{ id: fox.image.id, role: 'source' }] },
      );
    }
    await library.ingest({ bytes: await paintImage('lake', 4, 640, 480) }, { ...meta, prompt: 'a mountain lake at noon' });
  });
}

const session = useSeededHarness('viewer-toolbar', seed);

/** A string of the app's catalogue, as the page shows it. */
const catalogue = (lang: 'en' | 'ru', namespace: string, key: string): string => {
  const file = path.resolve('src/renderer/i18n/locales', lang, `${namespace}.json`);
  const value = key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], JSON.parse(fs.readFileSync(file, 'utf8')));
  expect(typeof value, `${lang}/${namespace}:${key}`).toBe('string');
  return value as string;
};

const WORDS = {
  en: { images: 'Images', toolbar: 'Picture actions', edit: 'Edit', more: 'More actions', trash: 'Move to trash' },
  ru: { images: 'Изображения', toolbar: 'Действия с картинкой', edit: 'Изменить', more: 'Ещё', trash: 'В корзину' },
};

/** The icon controls after Edit, in order: role, name and tooltip (from the catalogue, so a reworded hint stays right). */
const icons = (lang: 'en' | 'ru') => [
  {
    role: 'button' as const,
    name: catalogue(lang, 'common', 'useAsReference'),
    title: catalogue(lang, 'library', 'viewer.referenceTitle'),
  },
  { role: 'button' as const, name: catalogue(lang, 'mask', 'viewer.paint'), title: catalogue(lang, 'mask', 'viewer.paintHint') },
  { role: 'button' as const, name: catalogue(lang, 'compare', 'viewer.open'), title: catalogue(lang, 'compare', 'viewer.open') },
  { role: 'button' as const, name: catalogue(lang, 'common', 'favourite'), title: catalogue(lang, 'common', 'favourite') },
  { role: 'link' as const, name: catalogue(lang, 'library', 'file.download'), title: catalogue(lang, 'library', 'file.download') },
  { role: 'button' as const, name: WORDS[lang].more, title: WORDS[lang].more },
];

async function openViewer(page: Page, lang: 'en' | 'ru', prompt = PROMPT[lang]) {
  await page.goto(session.harness.url);
  await page.getByRole('listbox', { name: WORDS[lang].images }).getByRole('option', { name: prompt, exact: true }).click();
  const viewer = page.getByRole('dialog', { name: prompt });
  await expect(viewer).toBeVisible();
  await expectLoaded(viewer.getByRole('img', { name: prompt }));
  return { viewer, toolbar: viewer.getByRole('toolbar', { name: WORDS[lang].toolbar }) };
}

/** Each control's box, and the info column's content box (inside its padding). */
async function layout(toolbar: Locator) {
  const controls = await toolbar.locator('button, a').evaluateAll((elements) =>
    elements.map((element) => {
      const { top, bottom, left, right } = element.getBoundingClientRect();
      return { name: element.getAttribute('aria-label') ?? element.textContent ?? '', top, bottom, left, right };
    }),
  );
  const column = await toolbar.evaluate((element) => {
    const info = element.closest('.viewer-info')!;
    const box = info.getBoundingClientRect();
    const style = getComputedStyle(info);
    return { left: box.left + parseFloat(style.paddingLeft), right: box.right - parseFloat(style.paddingRight) };
  });
  const overflow = await toolbar.evaluate((element) => element.scrollWidth - element.clientWidth);
  return { controls, column, overflow };
}

for (const [locale, lang] of [
  ['en-US', 'en'],
  ['ru-RU', 'ru'],
] as const) {
  test.describe(`in ${lang}`, () => {
    test.use({ locale });

    for (const viewport of [
      { width: 900, height: 600 },
      { width: 1280, height: 800 },
    ]) {
      test(`one row inside the info column at ${viewport.width}×${viewport.height}; Edit labelled, icons named with tooltips`, async ({
        page,
      }) => {
        await page.setViewportSize(viewport);
        const { toolbar } = await openViewer(page, lang);

        // Edit keeps its label, its shortcut and its tooltip; then the icons, each named and with a tooltip.
        const edit = toolbar.getByRole('button', { name: WORDS[lang].edit, exact: true });
        await expect(edit).toHaveText(WORDS[lang].edit);
        await expect(edit).toHaveAttribute('aria-keyshortcuts', 'E');
        await expect(edit).toHaveAttribute('title', catalogue(lang, 'library', 'viewer.editTitle'));
        for (const { role, name, title } of icons(lang)) {
          const control = toolbar.getByRole(role, { name, exact: true });
          await expect(control, name).toBeVisible();
          await expect(control, name).toHaveAttribute('title', title);
          // Icon only: the name is not shown as text.
          await expect(control, name).toHaveText('');
        }
        await expect(toolbar.getByRole('button', { name: WORDS[lang].more })).toHaveAttribute('aria-haspopup', 'menu');
        await expect(toolbar.getByRole('button', { name: WORDS[lang].more })).toHaveAttribute('aria-expanded', 'false');
        // Move to trash is in the menu, not in the row.
        await expect(toolbar.getByRole('button', { name: WORDS[lang].trash })).toHaveCount(0);

        const { controls, column, overflow } = await layout(toolbar);
        expect(controls.map((c) => c.name)).toEqual([WORDS[lang].edit, ...icons(lang).map((i) => i.name)]);
        const top = controls[0]!.top;
        for (const control of controls) {
          expect(Math.abs(control.top - top), `${control.name} on the first row`).toBeLessThanOrEqual(2);
          expect(control.left, `${control.name} inside the column`).toBeGreaterThanOrEqual(column.left - 0.5);
          expect(control.right, `${control.name} inside the column`).toBeLessThanOrEqual(column.right + 0.5);
        }
        // Left to right, none over another.
        for (let i = 1; i < controls.length; i++) expect(controls[i]!.left).toBeGreaterThanOrEqual(controls[i - 1]!.right);
        expect(overflow, 'nothing scrolled out of the row').toBeLessThanOrEqual(0);
        // Edit's label is whole, not cut short.
        expect(await edit.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
      });
    }

    test('the … menu opens from the keyboard and Esc gives the focus back', async ({ page }) => {
      const { viewer, toolbar } = await openViewer(page, lang);
      const more = toolbar.getByRole('button', { name: WORDS[lang].more });
      const menu = viewer.getByRole('menu', { name: WORDS[lang].more });
      await more.focus();
      await page.keyboard.press('ArrowDown');
      await expect(menu).toBeVisible();
      await expect(more).toHaveAttribute('aria-expanded', 'true');
      await expect(menu.getByRole('menuitem')).toHaveText([WORDS[lang].trash]);
      await expect(menu.getByRole('menuitem', { name: WORDS[lang].trash })).toBeFocused();
      // Inside the column too.
      const menuBox = (await menu.boundingBox())!;
      const { column } = await layout(toolbar);
      expect(menuBox.x).toBeGreaterThanOrEqual(column.left - 0.5);
      expect(menuBox.x + menuBox.width).toBeLessThanOrEqual(column.right + 0.5);
      await page.keyboard.press('Escape');
      await expect(menu).toHaveCount(0);
      await expect(more).toBeFocused();
      await expect(more).toHaveAttribute('aria-expanded', 'false');
      // Esc closed the menu only, not the viewer.
      await expect(viewer).toBeVisible();
    });
  });
}

test('the toolbar is reached with Tab, in order, with a visible focus ring', async ({ page }) => {
  const { toolbar } = await openViewer(page, 'en');
  const edit = toolbar.getByRole('button', { name: 'Edit', exact: true });
  await edit.focus();
  for (const { role, name } of icons('en')) {
    await page.keyboard.press('Tab');
    const control = toolbar.getByRole(role, { name, exact: true });
    await expect(control, name).toBeFocused();
    const ring = await control.evaluate((element) => {
      const style = getComputedStyle(element);
      return { visible: element.matches(':focus-visible'), style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(ring, name).toEqual({ visible: true, style: 'solid', width: 2 });
  }
});

test('the … menu: Enter and Space open it, a click elsewhere closes it, Move to trash offers Undo', async ({ page }) => {
  const { viewer, toolbar } = await openViewer(page, 'en');
  const more = toolbar.getByRole('button', { name: 'More actions' });
  const menu = viewer.getByRole('menu', { name: 'More actions' });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(menu.getByRole('menuitem', { name: 'Move to trash' })).toBeFocused();
  // Keys in the menu are not the viewer's shortcuts: ← would step to another picture.
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('dialog', { name: PROMPT.en })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(more).toBeFocused();
  await page.keyboard.press('Space');
  await expect(menu).toBeVisible();
  await viewer.getByRole('heading', { name: PROMPT.en }).click();
  await expect(menu).toHaveCount(0);
  await expect(viewer).toBeVisible();

  // A click opens it too; Move to trash takes the picture there and offers Undo.
  await more.click();
  await menu.getByRole('menuitem', { name: 'Move to trash' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const grid = page.getByRole('listbox', { name: 'Images' });
  await expect(grid.getByRole('option', { name: PROMPT.en, exact: true })).toHaveCount(0);
  const toast = page.getByRole('status').filter({ hasText: /to the trash\./ });
  await expect(toast).toHaveText(/^Moved 1 picture to the trash\./);
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(grid.getByRole('option', { name: PROMPT.en, exact: true })).toHaveCount(1);
  await expect(toast).toHaveCount(0);
});

test('a picture in the trash keeps Restore and Delete for good; its toolbar has no Edit, reference, mask or trash', async ({ page }) => {
  const { viewer, toolbar } = await openViewer(page, 'en', 'a mountain lake at noon');
  // On its own: nothing to compare it with.
  await expect(toolbar.getByRole('button', { name: 'Compare with…' })).toHaveCount(0);
  await toolbar.getByRole('button', { name: 'More actions' }).click();
  await viewer.getByRole('menuitem', { name: 'Move to trash' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page
    .getByRole('group', { name: 'Show' })
    .getByRole('button', { name: /^Trash/ })
    .click();
  await page.getByRole('listbox', { name: 'Images' }).getByRole('option').first().click();
  const trashed = page.getByRole('dialog', { name: 'a mountain lake at noon' });
  await expect(trashed).toContainText('This image is in the trash.');
  await expect(trashed.getByRole('button', { name: 'Restore' })).toBeVisible();
  await expect(trashed.getByRole('button', { name: 'Delete for good…' })).toBeVisible();
  const row = trashed.getByRole('toolbar', { name: 'Picture actions' });
  for (const name of ['Edit', 'Use as reference', 'Paint mask', 'Move to trash', 'More actions']) {
    await expect(row.getByRole('button', { name, exact: true }), name).toHaveCount(0);
  }
  await expect(row.getByRole('button', { name: 'Favourite', exact: true })).toBeVisible();
  await expect(row.getByRole('link', { name: 'Download original' })).toBeVisible();
});

test.describe('in the desktop app', () => {
  test('the … menu holds the file actions: arrows move, Home and End, Esc; what an action says shows under the row', async ({ page }) => {
    await useDesktopStandIn(page, {});
    const { viewer, toolbar } = await openViewer(page, 'en');
    // No download link in the desktop app: the file actions are in the menu.
    await expect(toolbar.getByRole('link')).toHaveCount(0);
    const more = toolbar.getByRole('button', { name: 'More actions' });
    const menu = viewer.getByRole('menu', { name: 'More actions' });
    const item = (name: string) => menu.getByRole('menuitem', { name, exact: true });
    await more.focus();
    await page.keyboard.press('Enter');
    await expect(menu.getByRole('menuitem')).toHaveText(['Save a copy…', 'Copy', 'Show in folder', 'Move to trash']);
    await expect(item('Save a copy…')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(item('Copy')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(item('Show in folder')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(item('Move to trash')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(item('Save a copy…')).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(item('Move to trash')).toBeFocused();
    await page.keyboard.press('Home');
    await expect(item('Save a copy…')).toBeFocused();
    await page.keyboard.press('End');
    await expect(item('Move to trash')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
    await expect(more).toBeFocused();

    // ↑ opens on the last item.
    await page.keyboard.press('ArrowUp');
    await expect(item('Move to trash')).toBeFocused();
    await page.keyboard.press('Escape');

    // Copy from the menu: the harness has no desktop clipboard, and says so under the row.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(item('Copy')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(menu).toHaveCount(0);
    await expect(more).toBeFocused();
    const said = viewer.getByRole('alert');
    await expect(said).toHaveText(/\S/);
    const row = (await toolbar.boundingBox())!;
    expect((await said.boundingBox())!.y).toBeGreaterThanOrEqual(row.y + row.height);
  });
});
