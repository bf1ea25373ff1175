// Test connection in a Russian window reads Russian: each step's finding is the core's sentence in
// the window's language (the core sends its key and parameters), and a key the provider turns down
// is explained in Russian with the provider's own words quoted as they came. Real reference server.
import { expect, test, type Locator } from '@playwright/test';
import { OPENAI_CHAT_TEST_KEY, startOpenAIChatServer } from '../servers/openai-chat-server';
import { openApp, type AppSession } from './app-session';

test.use({ locale: 'ru-RU' });

let app: AppSession | undefined;
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** English prose left in a sentence: words the catalogue should have said in Russian. */
const ENGLISH_WORDS = /\b(the|is|was|Check|answered|Connected|Certificate|key|models?|available|Not tried|cannot)\b/;

async function stepTexts(card: Locator): Promise<string[]> {
  return card.getByRole('list', { name: 'Шаги проверки' }).getByRole('listitem').locator('.step-message').allInnerTexts();
}

test('Test connection says every step in Russian, a refused key included', async ({ page }) => {
  const server = await startOpenAIChatServer();
  const models = ['gpt-4o-image'];
  const provider = (id: string, name: string) => ({ id, kind: 'openai-chat', name, baseUrl: server.baseUrl, models });
  app = await openApp(page, {
    providers: [provider('agg', 'Агрегатор'), provider('wrong', 'Чужой ключ')],
    keys: { agg: OPENAI_CHAT_TEST_KEY, wrong: 'sk-not-the-right-key-0000' },
    servers: [server],
  });
  await page.getByRole('navigation', { name: 'Главное меню' }).getByRole('button', { name: 'Настройки', exact: true }).click();

  // A key the provider accepts: every step found something, said in Russian.
  const good = page.getByRole('article').filter({ hasText: 'Агрегатор' });
  await good.getByRole('button', { name: 'Проверить подключение' }).click();
  await expect(good.getByRole('status').filter({ hasText: 'Подключение работает' })).toBeVisible();
  await expect(good.getByTestId('step-dns')).toContainText('127.0.0.1 — это IP-адрес.');
  await expect(good.getByTestId('step-connect')).toContainText('Соединение с 127.0.0.1');
  await expect(good.getByTestId('step-tls')).toContainText('Обычный HTTP: это соединение не шифруется.');
  await expect(good.getByTestId('step-auth')).toContainText('Ключ принят.');
  await expect(good.getByTestId('step-models')).toContainText(/Доступно моделей: \d+\./);
  for (const text of await stepTexts(good)) expect(text).not.toMatch(ENGLISH_WORDS);

  // A key the provider turns down: the failing step explains in Russian and quotes the provider.
  const bad = page.getByRole('article').filter({ hasText: 'Чужой ключ' });
  await bad.getByRole('button', { name: 'Проверить подключение' }).click();
  const auth = bad.getByTestId('step-auth');
  await expect(auth).toHaveAttribute('data-status', 'failed');
  await expect(auth).toContainText('Чужой ключ ответил 401 (список моделей). Проверьте ключ API в разделе «Настройки → Сервисы».');
  await expect(auth).toContainText('Ответ: «Incorrect API key provided');
  await expect(bad.getByTestId('step-models')).toContainText('Не проверялось: предыдущий шаг не пройден.');
  await expect(bad.getByRole('alert')).toContainText('Шаг «Ключ API» не пройден: Чужой ключ ответил 401');
  // Only the provider's own words, inside the quotation marks, stay English.
  for (const text of await stepTexts(bad)) expect(text.replace(/«[^»]*»/g, '')).not.toMatch(ENGLISH_WORDS);
});
