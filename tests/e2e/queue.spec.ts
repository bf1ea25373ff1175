// The generation queue in the window (issue 23, point 1), in the built renderer through the harness
// against the OpenAI-compatible reference server, with the provider limited to one answer at a
// time: prompts of three chats queue; the menu's badge counts them; the queue panel lists them with
// their states; Pause holds the next job, Move puts another before it, Cancel ends one that is then
// never sent (the server's request log says so), Resume runs the rest; a job opens its conversation.
import { expect, test, type Page } from '@playwright/test';
import { startOpenAIChatServer, type OpenAIChatServer } from '../servers/openai-chat-server';
import { openApp, type AppSession } from './app-session';
import { answers, nav, prompt } from './browser';

/** An answer whose end is held back until `release()`. */
function heldAnswer() {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  return { answer: { images: 0, text: 'A slow answer. '.repeat(10), sse: { holdLastPiece: held } }, release };
}

const queueButton = (page: Page) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Queue/ });
const panel = (page: Page) => page.getByRole('dialog', { name: 'Queue' });
const rows = (page: Page) => panel(page).getByRole('list', { name: 'Jobs' }).getByRole('listitem');
const row = (page: Page, text: string) => rows(page).filter({ hasText: text });

/** Sends a prompt in a new chat of its own. */
async function sendInNewChat(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'New chat' }).first().click();
  await expect(page.getByRole('heading', { name: 'New chat', level: 1 })).toBeVisible();
  await prompt(page).fill(text);
  await prompt(page).press('Enter');
  await expect(page.getByRole('heading', { name: text, level: 1 })).toBeVisible();
}

test.describe('the queue panel', () => {
  let server: OpenAIChatServer;
  let app: AppSession;
  test.beforeEach(async ({ page }) => {
    server = await startOpenAIChatServer();
    const provider = {
      id: 'agg',
      kind: 'openai-chat',
      name: 'Aggregator',
      baseUrl: server.baseUrl,
      models: ['gpt-4o-image'],
      maxConcurrent: 1,
    };
    app = await openApp(page, { providers: [provider], keys: { agg: server.apiKey }, servers: [server] });
    await nav(page, 'Chat').click();
  });
  test.afterEach(() => app.close());

  test('counts, lists, pauses, moves, cancels and resumes jobs; a cancelled one is never sent', async ({ page }) => {
    // Nothing waits: the badge is quiet.
    await expect(queueButton(page)).toHaveAccessibleName('Queue');
    await expect(page.locator('.queue-count')).toHaveCount(0);

    const slow = heldAnswer();
    server.answers.push(slow.answer);
    await sendInNewChat(page, 'A red fox');
    await expect(answers(page).first().getByRole('status')).toContainText('Generating');
    await sendInNewChat(page, 'A blue lake');
    // Held by the provider's limit: the answer says it is queued, not generating.
    await expect(answers(page).first().getByRole('status')).toContainText('Queued, waiting for its turn…');
    await sendInNewChat(page, 'A green hill');
    await expect(queueButton(page)).toHaveAccessibleName('Queue: 3 waiting or running');
    await expect(page.locator('.queue-count')).toHaveText('3');

    await queueButton(page).click();
    await expect(panel(page)).toBeVisible();
    await expect(rows(page)).toHaveCount(3);
    await expect(rows(page).nth(0)).toContainText('A red fox');
    await expect(rows(page).nth(0)).toContainText('Running');
    await expect(rows(page).nth(0)).toContainText('Aggregator · gpt-4o-image');
    await expect(row(page, 'A blue lake')).toContainText('Queued');
    await expect(row(page, 'A green hill')).toContainText('Queued');
    await expect(panel(page)).toContainText('Running: 1 · waiting: 2');

    // Paused, the next job stays queued when the running one ends.
    await panel(page).getByRole('button', { name: 'Pause' }).click();
    await expect(panel(page).getByRole('button', { name: 'Resume' })).toBeVisible();
    await expect(panel(page)).toContainText('Paused: no new job starts');
    slow.release();
    await expect(row(page, 'A red fox')).toContainText('Done');
    await page.waitForTimeout(500);
    await expect(row(page, 'A blue lake')).toContainText('Queued');
    expect(server.chats.map((chat) => chat.texts)).toEqual([['A red fox']]);
    await expect(queueButton(page)).toHaveAccessibleName('Queue: 2 waiting or running, paused');

    // Move the last one up: it goes first among the waiting jobs.
    await panel(page).getByRole('button', { name: 'Move up: A green hill' }).click();
    await expect(rows(page).nth(0)).toContainText('A green hill');
    await expect(rows(page).nth(1)).toContainText('A blue lake');
    await expect(panel(page).getByRole('button', { name: 'Move up: A green hill' })).toBeDisabled();

    // Cancel one: it ends cancelled and can be run again.
    await panel(page).getByRole('button', { name: 'Cancel: A blue lake' }).click();
    await expect(row(page, 'A blue lake')).toContainText('Cancelled');
    await expect(panel(page).getByRole('button', { name: 'Run again: A blue lake' })).toBeVisible();
    await expect(page.locator('.queue-count')).toHaveText('1');

    await panel(page).getByRole('button', { name: 'Resume' }).click();
    await expect(row(page, 'A green hill')).toContainText('Done');
    await expect(page.locator('.queue-count')).toHaveCount(0);
    // The cancelled prompt never reached the provider.
    expect(server.chats.map((chat) => chat.texts)).toEqual([['A red fox'], ['A green hill']]);

    // A job opens its conversation; there the cancelled answer reads as stopped.
    await row(page, 'A blue lake')
      .getByRole('button', { name: /A blue lake/ })
      .first()
      .click();
    await expect(panel(page)).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'A blue lake', level: 1 })).toBeVisible();
    await expect(answers(page).first().getByText('Stopped', { exact: true })).toBeVisible();
  });

  test('opens from the keyboard: arrows go from row to row, Escape closes it and gives the focus back', async ({ page }) => {
    await sendInNewChat(page, 'A lighthouse');
    await expect(answers(page).first().getByRole('status')).toHaveCount(0);
    await sendInNewChat(page, 'A harbour');
    await expect(answers(page).first().getByRole('status')).toHaveCount(0);

    await queueButton(page).focus();
    await page.keyboard.press('Enter');
    await expect(panel(page)).toBeVisible();
    await expect(rows(page)).toHaveCount(2);
    // The newest ended first.
    await expect(rows(page).nth(0)).toContainText('A harbour');
    await rows(page).nth(0).locator('.queue-row-open').focus();
    await page.keyboard.press('ArrowDown');
    await expect(rows(page).nth(1).locator('.queue-row-open')).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(rows(page).nth(0).locator('.queue-row-open')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(panel(page)).toHaveCount(0);
    await expect(queueButton(page)).toBeFocused();
  });
});
