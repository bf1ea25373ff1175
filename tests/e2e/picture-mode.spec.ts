// GigaChat's picture mode, in the built renderer through the harness against the GigaChat reference
// server (issue 22, point 2): "a lighthouse at dawn" typed into a new chat makes a picture, the
// answer's details show the request as sent, and picture mode switched off (keyboard reachable, one
// press) sends the prompt plain and gets text back; the chat keeps the switch across a reload.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startGigaChatServer, type GigaChatServer } from '../servers/gigachat-server';
import { openGigaChatApp, type AppSession } from './app-session';
import { answers, composer, conversations, expectLoaded, nav, prompt } from './browser';

const toggle = (page: Page) => composer(page).getByRole('button', { name: 'Picture mode' });
const EN_SYSTEM = 'You are an illustrator. Answer every request to draw with a picture.';

test.describe('GigaChat picture mode', () => {
  let server: GigaChatServer;
  let app: AppSession;
  test.beforeEach(async ({ page }) => {
    server = await startGigaChatServer({ drawPrompt: true });
    app = await openGigaChatApp(page, server);
    await nav(page, 'Chat').click();
    await expect(page.getByRole('heading', { name: 'New chat', level: 1 })).toBeVisible();
  });
  test.afterEach(() => app.close());

  test('a described picture is drawn, the request sent is shown, and off means plain talk', async ({ page }) => {
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
    await prompt(page).fill('a lighthouse at dawn');
    await prompt(page).press('Enter');
    const first = answers(page).first();
    await expectLoaded(first.getByRole('img', { name: 'Generated image 1' }));
    await expect(first.getByRole('status')).toHaveCount(0);
    await expect(first).toContainText('Starting image generation');
    expect(server.chats[0]!.body).toMatchObject({
      function_call: 'auto',
      messages: [
        { role: 'system', content: EN_SYSTEM },
        { role: 'user', content: 'Draw: a lighthouse at dawn' },
      ],
    });
    // The prompt shows as typed; its summary says how it went, and the answer's details what was sent.
    await expect(page.getByRole('article', { name: 'Your message' })).toContainText('picture mode');
    const details = first.locator('details.request-sent');
    await expect(details.getByText('Draw: a lighthouse at dawn')).toBeHidden();
    await first.getByText('Request sent').click();
    await expect(details.getByRole('definition').filter({ hasText: /^Draw: a lighthouse at dawn$/ })).toBeVisible();
    await expect(details.getByRole('definition').filter({ hasText: EN_SYSTEM })).toBeVisible();
    // The switch and the details pass axe-core (no serious or critical finding).
    const { violations } = await new AxeBuilder({ page }).include('.chat-main, .composer').withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    // Off with one key press on the focused switch; the next prompt goes as written and gets text.
    await toggle(page).focus();
    await page.keyboard.press('Space');
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
    await prompt(page).fill('what is a lighthouse for?');
    await prompt(page).press('Enter');
    const second = answers(page).nth(1);
    await expect(second).toContainText('This is the reference server\'s answer to the message "what is a lighthouse for?".');
    await expect(second.getByRole('status')).toHaveCount(0);
    await expect(second.getByRole('img')).toHaveCount(0);
    const messages = server.chats[1]!.body.messages as Array<{ role: string; content: string }>;
    expect(messages[0]).toEqual({ role: 'user', content: 'a lighthouse at dawn' });
    expect(messages.at(-1)).toMatchObject({ role: 'user', content: 'what is a lighthouse for?' });

    // The chat keeps it: after a reload, the conversation opens with picture mode off, and the details are still there.
    await page.reload();
    await nav(page, 'Chat').click();
    await conversations(page)
      .getByRole('button', { name: /a lighthouse at dawn/ })
      .click();
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
    await answers(page).first().getByText('Request sent').click();
    await expect(answers(page).first().getByText('Draw: a lighthouse at dawn', { exact: true })).toBeVisible();
    // A new chat starts with it on again.
    await page.keyboard.press('Control+n');
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  });
});
