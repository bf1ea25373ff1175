// Pictures get the stage (issue 20, finding 10), measured in the built renderer through the harness
// against the OpenAI-compatible reference server drawing real pictures at the size asked: one
// picture centred at its own shape, as wide as the column allows (a portrait one no taller than the
// limit), several side by side in a grid of two; each box holds its shape before the picture loads.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startOpenAIChatServer } from '../servers/openai-chat-server';
import { openAggregatorChat, type AppSession } from './app-session';
import { answers, expectLoaded, prompt, setting } from './browser';

type Box = { x: number; y: number; width: number; height: number };

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not laid out');
  return found;
}

async function ask(page: Page, text: string, n: number, size: string): Promise<Locator> {
  await (await setting(page, 'Images')).fill(String(n));
  await (await setting(page, 'Size')).fill(size);
  await page.keyboard.press('Escape');
  await prompt(page).fill(text);
  await prompt(page).press('Enter');
  const answer = answers(page).last();
  await expectLoaded(answer.getByRole('img', { name: `Generated image ${n}` }));
  await expect(answer.getByRole('status')).toHaveCount(0);
  return answer;
}

test.describe('pictures on stage', () => {
  let app: AppSession;
  test.use({ viewport: { width: 1280, height: 800 } });
  test.beforeEach(async ({ page }) => {
    app = await openAggregatorChat(page, await startOpenAIChatServer({ drawPrompt: true }));
  });
  test.afterEach(() => app.close());

  test('one landscape picture is centred at the column’s width, at its own shape', async ({ page }) => {
    const answer = await ask(page, 'A lighthouse at dawn', 1, '1536x1024');
    const column = await box(answer.locator('.message-images'));
    const frame = await box(answer.locator('.message-image'));
    // Drawn at 1024 × 683: wider than the column, so it takes the column's width.
    expect(frame.width).toBeGreaterThan(600);
    expect(Math.abs(frame.width - column.width)).toBeLessThanOrEqual(2);
    expect(Math.abs(frame.x + frame.width / 2 - (column.x + column.width / 2))).toBeLessThanOrEqual(2);
    expect(frame.width / frame.height).toBeCloseTo(1536 / 1024, 1);
  });

  test('one portrait picture is centred and no taller than the limit, at its own shape', async ({ page }) => {
    const answer = await ask(page, 'A tall tower', 1, '1024x1536');
    const column = await box(answer.locator('.message-images'));
    const frame = await box(answer.locator('.message-image'));
    expect(frame.height).toBeLessThanOrEqual(800 * 0.72 + 2);
    expect(frame.height).toBeGreaterThan(500);
    expect(frame.width / frame.height).toBeCloseTo(1024 / 1536, 1);
    expect(Math.abs(frame.x + frame.width / 2 - (column.x + column.width / 2))).toBeLessThanOrEqual(2);
  });

  test('two pictures stand side by side, four in two rows of two', async ({ page }) => {
    const two = await ask(page, 'Two foxes', 2, '1536x1024');
    const [a, b] = [await box(two.locator('.message-image').nth(0)), await box(two.locator('.message-image').nth(1))];
    expect(Math.abs(a.y - b.y)).toBeLessThanOrEqual(1);
    expect(b.x).toBeGreaterThan(a.x + a.width);
    const column = await box(two.locator('.message-images'));
    expect(a.width).toBeGreaterThan(column.width / 2 - 20);

    const four = await ask(page, 'Four pears', 4, '1024x1536');
    const frames = await Promise.all([0, 1, 2, 3].map((i) => box(four.locator('.message-image').nth(i))));
    const rows = [...new Set(frames.map((frame) => Math.round(frame.y)))];
    expect(rows).toHaveLength(2);
    for (const frame of frames) expect(frame.width / frame.height).toBeCloseTo(1024 / 1536, 1);
  });

  test('a picture’s box has its shape before the picture loads', async ({ page }) => {
    await ask(page, 'A lighthouse at dawn', 1, '1536x1024');
    // Loaded again with every picture held back: the boxes come from the sizes saved with the message.
    await page.route('**/media/preview/**', () => undefined);
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Chat', exact: true }).click();
    await page
      .getByRole('complementary', { name: 'Conversations' })
      .getByRole('button', { name: /A lighthouse at dawn/ })
      .click();
    const frame = answers(page).first().locator('.message-image');
    await expect(frame).toBeVisible();
    const held = await box(frame);
    expect(held.width).toBeGreaterThan(600);
    expect(held.width / held.height).toBeCloseTo(1536 / 1024, 1);
  });
});
