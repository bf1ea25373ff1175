// The Chat screen: the built renderer in Chromium, through the harness, to the real core, which talks
// to the OpenAI-compatible reference server. The page may reach nothing but the harness; the core
// (Node) reaches the reference server.
import { expect, test } from '@playwright/test';
import { openApp, useAggregatorChat } from './app-session';
import { answers, attachments, composer, conversations, drop, expectLoaded, nav, prompt, setting, tiles } from './browser';
import { solidImage } from '../support/images';

test.describe('with an OpenAI-compatible provider', () => {
  const chat = useAggregatorChat();

  test('sends a prompt with a dropped image; the answer streams in and its picture lands in the library', async ({ page }) => {
    await page.getByLabel('Provider').selectOption('agg');
    await expect(page.getByLabel('Model')).toHaveValue('gpt-4o-image');

    // A picture dropped on the chat is added to the library and attached as the edit's source.
    await drop(page.locator('.chat-main'), { files: [{ name: 'fox.png', bytes: await solidImage(7, 'png', 80, 60) }] });
    const chips = attachments(page);
    await expect(chips.getByRole('listitem')).toHaveCount(1);
    await expect(chips).toContainText('Editing');
    await expect(chips).toContainText('fox.png');
    await expect(page.getByRole('button', { name: 'Remove fox.png' })).toBeVisible();

    // The Attach button adds a reference through the file picker; a chip's button takes it off again.
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Attach images' }).click();
    await (await chooser).setFiles({ name: 'snow.png', mimeType: 'image/png', buffer: await solidImage(8, 'png', 40, 40) });
    await expect(chips.getByRole('listitem')).toHaveCount(2);
    await expect(chips.getByRole('listitem').nth(1)).toContainText('Reference');
    await page.getByRole('button', { name: 'Remove snow.png' }).click();
    await expect(chips.getByRole('listitem')).toHaveCount(1);

    // What is not an image is turned down, with its name.
    await page.locator('.chat-main').evaluate((element) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['just words'], 'notes.txt', { type: 'text/plain' }));
      element.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    });
    await expect(composer(page).getByRole('alert')).toHaveText(/^notes\.txt is not an image\.\s*Dismiss$/);
    await expect(chips.getByRole('listitem')).toHaveCount(1);

    // A slow stream, so the answer is seen arriving piece by piece.
    chat.server.answers.push({ text: 'Here is your fox in the snow. Enjoy the picture!', sse: { delayMs: 80 } });
    await prompt(page).fill('A fox in the snow');
    await prompt(page).press('Enter');

    const you = page.getByRole('article', { name: 'Your message' });
    await expect(you).toContainText('A fox in the snow');
    await expectLoaded(you.getByRole('img', { name: 'Source image' }));
    await expect(chips).toHaveCount(0);
    await expect(prompt(page)).toHaveValue('');

    const answer = answers(page).first();
    await expect(answer.getByRole('status')).toContainText('Generating…');
    // The service's status lines show (one at a time, in the answer's status) while the rest is on its way.
    await expect(answer.getByRole('status')).toContainText(/Aggregator: (Генерация|Прогресс)/);
    await expect(answer).not.toContainText('Enjoy the picture!');
    await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();

    await expect(answer).toContainText('Here is your fox in the snow. Enjoy the picture!', { timeout: 30_000 });
    await expect(answer.getByRole('status')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0);
    const picture = answer.getByRole('img', { name: 'Generated image 1' });
    await expectLoaded(picture);
    await expect(answer).toContainText('Aggregator · gpt-4o-image');

    // The provider got the prompt and the dropped picture.
    expect(chat.server.chats).toHaveLength(1);
    expect(chat.server.chats[0]!.texts).toEqual(['A fox in the snow']);
    expect(chat.server.chats[0]!.images).toHaveLength(1);

    // The conversation is named after its prompt and listed.
    await expect(page.getByRole('heading', { name: 'A fox in the snow', level: 1 })).toBeVisible();
    await expect(conversations(page).getByRole('button', { name: /A fox in the snow/ })).toHaveAttribute('aria-current', 'true');

    // The picture opens in the viewer.
    await answer.getByRole('button', { name: 'Generated image 1' }).click();
    const viewer = page.getByRole('dialog', { name: 'A fox in the snow' });
    await expect(viewer).toBeVisible();
    await expect(viewer).toContainText('gpt-4o-image');
    await page.keyboard.press('Escape');
    await expect(viewer).toHaveCount(0);

    // The pictures are in the library: the answer's, and the two added to the chat (imported on arrival).
    await nav(page, 'Library').click();
    await expect(tiles(page)).toHaveCount(3);
    await expect(tiles(page).first()).toHaveAccessibleName('A fox in the snow');

    // Back in the chat, the conversation is still there.
    await nav(page, 'Chat').click();
    await expect(answers(page).first()).toContainText('Enjoy the picture!');
  });

  test('Stop ends a slow answer; nothing it would have made lands in the library', async ({ page }) => {
    chat.server.answers.push({ sse: { delayMs: 250 } });
    await prompt(page).fill('A very slow lighthouse');
    await page.getByRole('button', { name: 'Send' }).click();

    const answer = answers(page).first();
    await expect(answer.getByRole('status')).toContainText(/Aggregator: (Генерация|Прогресс)/);
    await page.getByRole('button', { name: 'Stop' }).click();

    await expect(answer.getByText('Stopped', { exact: true })).toBeVisible();
    await expect(answer.getByRole('status')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0);
    await expect(answer.getByRole('button', { name: 'Retry' })).toBeVisible();

    // Give a late image every chance to arrive: none does.
    await page.waitForTimeout(1500);
    expect(chat.server.requests.filter((r) => r.path.startsWith('/files/'))).toEqual([]);
    await nav(page, 'Library').click();
    await expect(page.getByRole('heading', { name: 'No images yet' })).toBeVisible();

    // After a reload the answer is still shown as stopped.
    await page.reload();
    await nav(page, 'Chat').click();
    await conversations(page)
      .getByRole('button', { name: /A very slow lighthouse/ })
      .click();
    await expect(answers(page).first().getByText('Stopped', { exact: true })).toBeVisible();
  });

  test('a failed answer shows why, and Retry answers again as a new version', async ({ page }) => {
    chat.server.quirks.push({
      method: 'POST',
      path: '/chat/completions',
      status: 401,
      body: {
        error: { message: 'Incorrect API key provided: sk-hol****.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' },
      },
    });
    await prompt(page).fill('A lighthouse at night');
    await prompt(page).press('Enter');

    const answer = answers(page).first();
    const failure = answer.getByRole('alert');
    await expect(failure).toContainText('The answer failed');
    await expect(failure).toContainText(/key/i);
    await expect(answer.getByRole('status')).toHaveCount(0);

    await failure.getByRole('button', { name: 'Retry' }).click();
    await expect(answer.getByText('Version 2 of 2')).toBeVisible();
    await expectLoaded(answer.getByRole('img', { name: 'Generated image 1' }));
    await expect(answer).toContainText('Here is the generated image.');
    await expect(answer.getByRole('alert')).toHaveCount(0);
    expect(chat.server.chats).toHaveLength(1);

    // The failed answer is kept as the first version.
    await answer.getByRole('button', { name: 'Previous version' }).click();
    await expect(answer.getByText('Version 1 of 2')).toBeVisible();
    await expect(answer.getByRole('alert')).toContainText('The answer failed');
    await answer.getByRole('button', { name: 'Next version' }).click();
    await expect(answer.getByRole('img', { name: 'Generated image 1' })).toBeVisible();

    // Ctrl+N starts a new chat, ready to type in.
    await page.keyboard.press('Control+n');
    await expect(page.getByRole('heading', { name: 'New chat', level: 1 })).toBeVisible();
    await expect(prompt(page)).toBeFocused();
    await expect(answers(page)).toHaveCount(0);
  });

  test('a request the core turns down is explained next to the prompt, which is kept', async ({ page }) => {
    await page.getByLabel('Model').fill('no-such-model');
    await prompt(page).fill('A cat');
    await prompt(page).press('Enter');
    const answer = answers(page).first();
    await expect(answer.getByRole('alert')).toContainText('The answer failed');
    await expect(answer.getByRole('alert')).toContainText('no-such-model');

    // An invalid parameter is refused before anything is sent.
    await (await setting(page, 'Size')).fill('huge');
    await prompt(page).fill('A dog');
    await prompt(page).press('Enter');
    await expect(composer(page).getByRole('alert')).toContainText('size');
    await expect(prompt(page)).toHaveValue('A dog');
    expect(chat.server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});

test('without a provider the chat says how to add one', async ({ page }) => {
  const app = await openApp(page);
  try {
    await nav(page, 'Chat').click();
    await expect(page.getByText('Add a provider to start.')).toBeVisible();
    await page.getByRole('button', { name: 'Open Settings' }).click();
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  } finally {
    await app.close();
  }
});
