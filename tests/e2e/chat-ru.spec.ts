// The chat in a Russian window (browser locale ru-RU, so the window follows navigator.languages): the
// composer, a streamed answer and what it cost read in Russian, with Russian plural forms and
// numbers; the follow-up's chip says it goes on from the last picture. The built renderer in
// Chromium, through the harness, to the real core and the OpenAI-compatible reference server.
import { expect, test, type Page } from '@playwright/test';
import { startOpenAIChatServer, type OpenAIChatServer } from '../servers/openai-chat-server';
import { openApp, type AppSession } from './app-session';
import { expectLoaded } from './browser';

test.use({ locale: 'ru-RU' });

const composer = (page: Page) => page.getByRole('form', { name: 'Новое сообщение' });
const prompt = (page: Page) => page.getByLabel('Запрос', { exact: true });
const answers = (page: Page) => page.getByRole('article', { name: 'Ответ' });
const chips = (page: Page) => composer(page).getByRole('list', { name: 'Прикрепленные изображения' }).getByRole('listitem');

test.describe('the chat in Russian', () => {
  let server: OpenAIChatServer;
  let app: AppSession;

  test.beforeEach(async ({ page }) => {
    server = await startOpenAIChatServer();
    const provider = { id: 'agg', kind: 'openai-chat', name: 'Aggregator', baseUrl: server.baseUrl, models: ['gpt-4o-image'] };
    app = await openApp(page, { providers: [provider], keys: { agg: server.apiKey }, servers: [server] });
  });

  test.afterEach(() => app.close());

  test('a prompt and its answer read in Russian: placeholder, Send, status, cost with plural forms, the follow-up chip', async ({
    page,
  }) => {
    await page.getByRole('navigation').getByRole('button', { name: 'Чат', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Новый чат', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Новое изображение', level: 2 })).toBeVisible();
    await expect(prompt(page)).toHaveAttribute('placeholder', 'Опишите изображение…');
    const send = composer(page).getByRole('button', { name: 'Отправить', exact: true });
    await expect(send).toBeDisabled();

    // The reference server counts 175 tokens plus the prompt's length: 18 letters and spaces here.
    const first = 'Рыжая лиса в снегу';
    await prompt(page).fill(first);
    server.answers.push({ text: 'Вот ваша лиса.', sse: { delayMs: 80 } });
    await send.click();

    const answer = answers(page).first();
    await expect(answer.getByRole('status')).toContainText('Генерация…');
    await expect(composer(page).getByRole('button', { name: 'Остановить' })).toBeVisible();
    await expectLoaded(answer.getByRole('img', { name: 'Созданное изображение 1' }));
    await expect(answer.getByRole('status')).toHaveCount(0);
    await expect(answer).toContainText('Вот ваша лиса.');
    const cost = answer.locator('.message-cost');
    // 193 токена, the time it took with a decimal comma, 1 изображение.
    await expect(cost).toHaveText(/^193 токена · готово за \d+,\d с · 1 изображение$/);
    await expect(answer.getByRole('button', { name: 'Ответить заново' })).toBeVisible();

    // The follow-up goes on from the last picture, and the chip says so.
    await expect(chips(page)).toHaveCount(1);
    await expect(chips(page).first()).toContainText('Изменяем');
    await expect(chips(page).first()).toContainText('Последняя картинка');
    await expect(prompt(page)).toHaveAttribute('placeholder', 'Опишите, что изменить…');

    // Four pictures and 192 tokens; the chat's header sums them: 385 токенов, 5 изображений.
    server.answers.push({ images: 4 });
    await prompt(page).fill('Четыре лисы ночью');
    await prompt(page).press('Enter');
    const second = answers(page).nth(1);
    await expectLoaded(second.getByRole('img', { name: 'Созданное изображение 4' }));
    await expect(second.getByRole('status')).toHaveCount(0);
    await expect(second.locator('.message-cost')).toHaveText(/^192 токена · готово за \d+,\d с · 4 изображения$/);
    await expect(page.getByTitle('Все ответы этого чата вместе')).toHaveText(/^Всего в этом чате: 385 токенов · \d+,\d с · 5 изображений$/);
  });

  test('a refused key is explained in Russian, the provider’s own words quoted, and still after a reload', async ({ page }) => {
    server.quirks.push({
      path: '/chat/completions',
      status: 401,
      body: { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' } },
    });
    await page.getByRole('navigation').getByRole('button', { name: 'Чат', exact: true }).click();
    await prompt(page).fill('Рыжая лиса');
    await composer(page).getByRole('button', { name: 'Отправить', exact: true }).click();
    const explained =
      'Сервис не принял ключ. Aggregator ответил 401 (запрос к чату). Проверьте ключ API в разделе «Настройки → Сервисы». ' +
      'Ответ: «Incorrect API key provided.»';
    await expect(answers(page).first().getByRole('alert')).toContainText(explained);

    // The answer kept its explanation as the core's sentence, not only as English text.
    await page.reload();
    await page.getByRole('navigation').getByRole('button', { name: 'Чат', exact: true }).click();
    await page
      .getByRole('button', { name: /Рыжая лиса/ })
      .first()
      .click();
    await expect(answers(page).first().getByRole('alert')).toContainText(explained);
  });
});
