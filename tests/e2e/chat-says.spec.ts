// The chat says what is happening and names things as a person reads them (issue 20, findings 8, 9
// and 10), in the built renderer through the harness against the OpenAI-compatible reference
// server: a 429 shows until when the prompt waits in the queue, the aggregator's status lines show while it works and leave
// one "made in" line, Reference on the source says why nothing was added, a refused file says so in
// one dismissable sentence that stays in its chat, chips name pictures by their prompt, an import
// that keeps nothing says so in one sentence, and a renamed chat keeps its place in the list.
import { expect, test, type Page } from '@playwright/test';
import { solidImage } from '../support/images';
import { useAggregatorChat } from './app-session';
import { answers, chips, composer, conversations, drop, expectLoaded, nav, prompt } from './browser';

async function send(page: Page, text: string): Promise<void> {
  await prompt(page).fill(text);
  await prompt(page).press('Enter');
}

async function ask(page: Page, text: string, nth: number): Promise<void> {
  await send(page, text);
  await expectLoaded(answers(page).nth(nth).getByRole('img', { name: 'Generated image 1' }));
  await expect(answers(page).nth(nth).getByRole('status')).toHaveCount(0);
}

test.describe('the chat says what is happening', () => {
  const chat = useAggregatorChat();

  test('a 429 shows who refused, until when the prompt waits and which try comes, then the picture', async ({ page }) => {
    chat.server.quirks.push({
      path: '/chat/completions',
      status: 429,
      headers: { 'retry-after': '3' },
      body: { error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } },
    });
    await send(page, 'A red fox');
    const status = answers(page).first().getByRole('status');
    // The queue waits it out (issue 23): the answer says until what time, in the window's clock.
    await expect(status).toContainText(/Aggregator is rate limiting — this prompt waits its turn until \d\d:\d\d:\d\d \(try 1 of 3\)/);
    await expectLoaded(answers(page).first().getByRole('img', { name: 'Generated image 1' }));
    await expect(status).toHaveCount(0);
    expect(chat.server.chats).toHaveLength(1);
  });

  test('a refused key is said in sentences that end once', async ({ page }) => {
    chat.server.quirks.push({
      path: '/chat/completions',
      status: 401,
      body: { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' } },
    });
    await send(page, 'A red fox');
    const answer = answers(page).first();
    await expect(answer.getByRole('alert')).toContainText(
      'answered 401 to the chat request. Check the API key in Settings → Providers. It said: “Incorrect API key provided.”',
    );
    await expect(answer).not.toContainText('..');
  });

  test('the aggregator’s status lines show while it works, and leave one “made in” line', async ({ page }) => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    chat.server.answers.push({ text: 'Here is your fox.', sse: { holdLastPiece: held } });
    await send(page, 'A red fox');
    const answer = answers(page).first();
    await expect(answer.getByRole('status')).toContainText('Aggregator: Генерация завершена');
    release();
    await expectLoaded(answer.getByRole('img', { name: 'Generated image 1' }));
    await expect(answer.getByRole('status')).toHaveCount(0);
    await expect(answer).toContainText('Here is your fox.');
    await expect(answer).not.toContainText(/Генерация|Прогресс/);
    await expect(answer.locator('.message-cost')).toContainText(/made in \d+(\.\d)? s/);
  });

  test('Reference on the picture that is already the source says so, and can be dismissed', async ({ page }) => {
    await ask(page, 'A red fox', 0);
    await expect(chips(page).first()).toContainText('Last picture');
    const picture = answers(page).first().getByRole('img', { name: 'Generated image 1' });
    await picture.hover();
    await answers(page).first().getByRole('button', { name: 'Use image 1 as reference' }).click();
    const notice = composer(page).getByRole('alert');
    await expect(notice).toHaveText(/^This picture is already the source; it is sent once\.\s*Dismiss$/);
    await expect(chips(page)).toHaveCount(1);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);
  });

  test('chips name a picture by its prompt, a file by its name', async ({ page }) => {
    await ask(page, 'A red fox in the snow', 0);
    await composer(page)
      .getByRole('button', { name: /^Remove / })
      .click();
    await expect(chips(page)).toHaveCount(0);
    await answers(page).first().getByRole('img', { name: 'Generated image 1' }).hover();
    await answers(page).first().getByRole('button', { name: 'Use image 1 as reference' }).click();
    await drop(composer(page), { files: [{ name: 'pattern.png', bytes: await solidImage(41, 'png', 40, 30) }] });
    await expect(chips(page)).toHaveCount(2);
    await expect(chips(page).first()).toContainText('A red fox in the snow');
    await expect(chips(page).first().locator('img')).toHaveAttribute('src', /\/media\/thumb\/\d+$/);
    await expect(chips(page).nth(1)).toContainText('pattern.png');
  });

  test('a file that is no picture is refused in one sentence, which stays in its chat until dismissed', async ({ page }) => {
    await ask(page, 'A red fox', 0);
    await drop(composer(page), { files: [{ name: 'fake.png', bytes: Buffer.from('just some text, not a picture') }] });
    const notice = composer(page).getByRole('alert');
    await expect(notice).toHaveText(/^fake\.png was not added: not a picture\s*Dismiss$/);

    // Another chat has its own composer: the notice does not follow.
    await page.keyboard.press('Control+n');
    await expect(page.getByRole('heading', { name: 'New chat', level: 1 })).toBeVisible();
    await expect(composer(page).getByRole('alert')).toHaveCount(0);
    await conversations(page)
      .getByRole('button', { name: /A red fox/ })
      .click();
    await expect(notice).toContainText('fake.png was not added');
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);
  });

  test('an import that keeps nothing says why in one sentence', async ({ page }) => {
    await nav(page, 'Library').click();
    await drop(page.getByRole('region', { name: 'Library' }), { files: [{ name: 'fake.png', bytes: Buffer.from('not a picture') }] });
    await expect(page.locator('.file-import').getByRole('status')).toHaveText('Nothing added: fake.png — not a picture.');
  });

  test('a renamed chat keeps its place in the list', async ({ page }) => {
    await ask(page, 'An old lighthouse', 0);
    await page.keyboard.press('Control+n');
    await ask(page, 'A new harbour', 0);
    const titles = conversations(page).locator('.conversation-title');
    await expect(titles).toHaveText(['A new harbour', 'An old lighthouse']);
    await conversations(page)
      .getByRole('button', { name: /An old lighthouse/ })
      .click();
    await page.getByRole('button', { name: 'Rename chat' }).click();
    await page.getByLabel('Chat title').fill('Lighthouse, first tries');
    await page.getByLabel('Chat title').press('Enter');
    await expect(page.getByRole('heading', { name: 'Lighthouse, first tries', level: 1 })).toBeVisible();
    await expect(titles).toHaveText(['A new harbour', 'Lighthouse, first tries']);
    // As the core lists them too, after a reload.
    await page.reload();
    await nav(page, 'Chat').click();
    await expect(titles).toHaveText(['A new harbour', 'Lighthouse, first tries']);
  });
});
