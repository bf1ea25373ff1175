// A composer per conversation (issue 20, findings 1 and 2), in the built renderer through the
// harness against the reference servers: pictures and picture settings belong to the chat they were
// set in, a new chat starts clean with the provider and model last used, Edit and Use as reference
// from the library go to the picture's own chat, and settings chosen for one provider never go to
// another. What reaches the providers is read from the reference servers' records.
import { expect, test, type Page } from '@playwright/test';
import { startGivonServer } from '../servers/givon-server';
import { startOpenAIChatServer } from '../servers/openai-chat-server';
import { startOpenAIImagesServer } from '../servers/openai-images-server';
import { solidImage } from '../support/images';
import { openApp, useAggregatorChat } from './app-session';
import { answers, chips, composer, conversations, drop, expectLoaded, nav, prompt, setting, tiles } from './browser';

const heading = (page: Page, name: string) => page.getByRole('heading', { name, level: 1 });

async function ask(page: Page, text: string, nth: number): Promise<void> {
  await prompt(page).fill(text);
  await prompt(page).press('Enter');
  await expectLoaded(answers(page).nth(nth).getByRole('img', { name: 'Generated image 1' }));
  await expect(answers(page).nth(nth).getByRole('status')).toHaveCount(0);
}

test.describe('a composer per conversation', () => {
  const chat = useAggregatorChat();

  test('pictures and settings attached in one chat stay there: a new chat sends no picture and no size', async ({ page }) => {
    await ask(page, 'A cat on a sofa', 0);
    // In the cat's chat: a dropped file in place of the last picture, and a size.
    await expect(chips(page)).toHaveCount(1);
    await drop(composer(page), { files: [{ name: 'pattern.png', bytes: await solidImage(41, 'png', 40, 30) }] });
    await expect(chips(page)).toHaveCount(1);
    await expect(chips(page).first()).toContainText('pattern.png');
    await (await setting(page, 'Size')).fill('1536x1024');

    // E on the cat picture in the library: back to the cat's chat (its own), as the source.
    await page.keyboard.press('Control+n');
    await nav(page, 'Library').click();
    await tiles(page)
      .and(page.getByRole('option', { name: 'A cat on a sofa' }))
      .focus();
    await page.keyboard.press('e');
    await expect(heading(page, 'A cat on a sofa')).toBeVisible();
    await expect(chips(page)).toHaveCount(2);
    await expect(chips(page).first()).toContainText('Editing');
    await expect(chips(page).first()).not.toContainText('Last picture');

    // A new chat shows none of it, and sends none of it.
    await page.keyboard.press('Control+n');
    await expect(heading(page, 'New chat')).toBeVisible();
    await expect(chips(page)).toHaveCount(0);
    await expect(await setting(page, 'Size')).toHaveValue('');
    await prompt(page).fill('A blue circle');
    await prompt(page).press('Enter');
    await expectLoaded(answers(page).first().getByRole('img', { name: 'Generated image 1' }));
    const sent = chat.server.chats.at(-1)!;
    expect(sent.texts).toEqual(['A blue circle']);
    expect(sent.images).toHaveLength(0);
    expect(sent.body).not.toHaveProperty('size');
    expect((sent.body.messages as unknown[]).length).toBe(1);

    // The cat's chat kept what was set in it.
    await conversations(page)
      .getByRole('button', { name: /A cat on a sofa/ })
      .click();
    await expect(answers(page)).toHaveCount(1);
    await expect(chips(page)).toHaveCount(2);
    await expect(chips(page).nth(1)).toContainText('pattern.png');
    await expect(await setting(page, 'Size')).toHaveValue('1536x1024');
    // And the blue circle's chat goes on from its own picture only.
    await conversations(page)
      .getByRole('button', { name: /A blue circle/ })
      .click();
    await expect(chips(page)).toHaveCount(1);
    await expect(chips(page).first()).toContainText('Last picture');
  });

  test('Use as reference from the library goes to the picture’s own chat, a picture made elsewhere to a new one', async ({ page }) => {
    await ask(page, 'A yellow kite', 0);
    await page.keyboard.press('Control+n');
    await ask(page, 'A green frog', 0);
    await nav(page, 'Library').click();
    await drop(page.getByRole('region', { name: 'Library' }), {
      files: [{ name: 'imported.png', bytes: await solidImage(42, 'png', 30, 20) }],
    });
    await expect(tiles(page)).toHaveCount(3);

    // The kite (made in the kite's chat), with R: the kite's chat opens, not the frog's that was open.
    await tiles(page)
      .and(page.getByRole('option', { name: 'A yellow kite' }))
      .focus();
    await page.keyboard.press('r');
    await expect(heading(page, 'A yellow kite')).toBeVisible();
    await expect(chips(page)).toHaveCount(1);
    await expect(chips(page).first()).toContainText('Last picture');

    // The imported picture, with R: a new chat, holding only it.
    await nav(page, 'Library').click();
    await tiles(page)
      .and(page.getByRole('option', { name: /^Image \d+$/ }))
      .focus();
    await page.keyboard.press('r');
    await expect(heading(page, 'New chat')).toBeVisible();
    await expect(chips(page)).toHaveCount(1);
    await expect(chips(page).first()).toContainText('imported.png');

    // The frog's chat was never touched.
    await conversations(page)
      .getByRole('button', { name: /A green frog/ })
      .click();
    await expect(chips(page)).toHaveCount(1);
    await expect(chips(page).first()).toContainText('Last picture');
  });
});

test('picture settings belong to their provider and their chat; a message says what it was sent with in words', async ({ page }) => {
  const images = await startOpenAIImagesServer();
  const givon = await startGivonServer();
  givon.mode = 'immediate';
  const aggregator = await startOpenAIChatServer();
  const providers = [
    { id: 'img', kind: 'openai-images', name: 'Images API', baseUrl: images.baseUrl, models: ['gpt-image-1'] },
    { id: 'givon', kind: 'givon', name: 'Givon', baseUrl: givon.baseUrl, models: ['gpt-image-2'] },
    { id: 'agg', kind: 'openai-chat', name: 'Aggregator', baseUrl: aggregator.baseUrl, models: ['gpt-4o-image'] },
  ];
  const keys = { img: images.apiKey, givon: givon.apiKey, agg: aggregator.apiKey };
  const app = await openApp(page, { providers, keys, servers: [images, givon, aggregator] });
  try {
    await nav(page, 'Chat').click();
    const provider = composer(page).getByLabel('Provider', { exact: true });
    await expect(provider).toHaveValue('img');

    // The Images API with two pictures, a size and high quality.
    await (await setting(page, 'Images')).fill('2');
    await (await setting(page, 'Size')).fill('1536x1024');
    await (await setting(page, 'Quality')).selectOption('high');
    await ask(page, 'A red barn', 0);
    expect(images.generations.at(-1)!.body).toMatchObject({ n: 2, size: '1536x1024', quality: 'high' });
    await expect(page.getByRole('article', { name: 'Your message' }).first()).toContainText('2 images · 1536×1024 · high quality');

    // Givon in the same chat: its own settings (none), and the composer says where the others stay.
    await provider.selectOption('givon');
    await expect(composer(page).getByRole('status')).toHaveText('Picture settings stay with Images API; Givon has its own.');
    await expect(await setting(page, 'Quality')).toHaveValue('');
    await ask(page, 'Make it winter', 1);
    const job = [...givon.jobs.values()].at(-1)!;
    expect(job.body.input.prompt).toBe('Make it winter');
    expect(job.body.input.quality).toBeUndefined();
    expect(job.body.input.aspectRatio).toBeUndefined();

    // A new chat: the provider and model last used, nothing else.
    await page.keyboard.press('Control+n');
    await expect(provider).toHaveValue('givon');
    await expect(await setting(page, 'Quality')).toHaveValue('');
    await provider.selectOption('img');
    await expect(await setting(page, 'Images')).toHaveValue('');
    await expect(await setting(page, 'Quality')).toHaveValue('');
    await expect(composer(page).getByRole('status')).toHaveCount(0);

    // Back in the barn's chat: Givon as it was left, and the Images API's settings still there.
    await conversations(page)
      .getByRole('button', { name: /A red barn/ })
      .click();
    await expect(answers(page)).toHaveCount(2);
    await expect(provider).toHaveValue('givon');
    await provider.selectOption('img');
    await expect(await setting(page, 'Quality')).toHaveValue('high');
    await expect(await setting(page, 'Images')).toHaveValue('2');

    // After a restart, a chat goes on as its newest prompt was sent.
    await page.reload();
    await nav(page, 'Chat').click();
    await conversations(page)
      .getByRole('button', { name: /A red barn/ })
      .click();
    await expect(answers(page)).toHaveCount(2);
    await expect(provider).toHaveValue('givon');
  } finally {
    await app.close();
  }
});
