// The mask painter in a Russian browser: its words come from the Russian catalogue, percentages are
// written as Russian Intl writes them ("5 %", with a non-breaking space), Russian plural forms name the
// brush size, and a chat model's disabled button says in Russian why it takes no mask.
// Parts outside the painter are found by role and class, so other screens' wording does not matter here.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openPainterApp, type AppSession } from './app-session';
import { drop } from './browser';
import { solidImage } from '../support/images';

const WIDTH = 64;
const HEIGHT = 48;

test.use({ locale: 'ru-RU' });

/** A mouse stroke across the overlay canvas between two source pixels. */
async function stroke(page: Page, canvas: Locator, from: [number, number], to: [number, number]) {
  const box = (await canvas.boundingBox())!;
  const at = ([x, y]: [number, number]) => ({ x: box.x + ((x + 0.5) * box.width) / WIDTH, y: box.y + ((y + 0.5) * box.height) / HEIGHT });
  await page.mouse.move(at(from).x, at(from).y);
  await page.mouse.down();
  await page.mouse.move(at(to).x, at(to).y, { steps: 10 });
  await page.mouse.up();
}

test.describe('the mask painter in Russian', () => {
  let app: AppSession;

  test.beforeEach(async ({ page }) => {
    ({ app } = await openPainterApp(page));
    await page.getByRole('navigation').getByRole('button', { name: 'Чат', exact: true }).click();
    await page.locator('.provider-select').selectOption('img');
    await drop(page.locator('.chat-main'), { files: [{ name: 'street.png', bytes: await solidImage(11, 'png', WIDTH, HEIGHT) }] });
  });

  test.afterEach(() => app.close());

  test('reads in Russian, percentages and plurals included; the chat model says in Russian why it takes no mask', async ({ page }) => {
    const open = page.getByRole('button', { name: 'Нарисовать маску', exact: true });
    await expect(open).toHaveAttribute('title', 'Нарисовать маску: отметьте область, которую нужно изменить');
    await open.click();

    const painter = page.getByRole('dialog', { name: 'Нарисовать маску' });
    await expect(painter).toBeVisible();
    await expect(painter).toContainText(`street.png · ${WIDTH} × ${HEIGHT}`);
    const status = painter.locator('.mask-status');
    await expect(status).toHaveText('Закрасьте то, что нужно изменить.');

    const tools = painter.getByRole('toolbar', { name: 'Инструменты маски' });
    for (const name of [
      'Кисть',
      'Ластик',
      'Отменить',
      'Вернуть',
      'Инвертировать',
      'Очистить',
      'Уменьшить',
      'Увеличить',
      'Вписать',
      'Реальный размер 1:1',
    ])
      await expect(tools.getByRole('button', { name, exact: true }), name).toBeVisible();
    await expect(tools.getByRole('button', { name: 'Кисть' })).toHaveAttribute('aria-pressed', 'true');
    await expect(tools.getByRole('button', { name: 'Отменить' })).toHaveAttribute('title', 'Отменить (Ctrl+Z)');
    await expect(tools.getByRole('slider', { name: 'Заливка' })).toHaveAttribute('aria-valuetext', '55\u00a0%');
    // The zoom as Russian Intl writes a percentage: digits, a non-breaking space, the sign.
    await expect(tools.locator('.mask-zoom')).toHaveText(/^\d+\u00a0%$/);

    // The brush size is read out with the Russian plural forms.
    const size = tools.getByRole('slider', { name: 'Размер' });
    for (const [value, words] of [
      ['1', '1 пиксель'],
      ['3', '3 пикселя'],
      ['6', '6 пикселей'],
    ] as const) {
      await size.fill(value);
      await expect(size).toHaveAttribute('aria-valuetext', words);
    }

    const use = painter.getByRole('button', { name: 'Использовать маску' });
    await expect(use).toBeDisabled();
    await expect(use).toHaveAttribute('title', 'Сначала закрасьте область, которую нужно изменить');
    await stroke(page, painter.locator('canvas'), [8, 10], [40, 10]);
    await expect(status).toHaveText(/^Изменится \d+\u00a0% изображения\.$/);
    await expect(use).toBeEnabled();

    // Invert: what is left unpainted now changes, still written the Russian way.
    const before = await status.textContent();
    await tools.getByRole('button', { name: 'Инвертировать' }).click();
    await expect(status).not.toHaveText(before!);
    await expect(status).toHaveText(/^Изменится \d+\u00a0% изображения\.$/);

    await painter.getByRole('button', { name: 'Отмена', exact: true }).click();
    await expect(painter).toHaveCount(0);
    await expect(open).toBeFocused();

    // A chat model takes no mask: the button stays, disabled, with the reason in Russian.
    await page.locator('.provider-select').selectOption('chat');
    await expect(open).toBeDisabled();
    const reason = 'Чат-модели для изображений не принимают маску. Опишите изменение словами или выберите сервис с Images API.';
    await expect(open).toHaveAttribute('title', reason);
    await expect(open).toHaveAttribute('aria-description', reason);
  });
});
