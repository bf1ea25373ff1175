// Stop leaves no debris, and the view follows the conversation (issue 20, findings 5 and 7), in the
// built renderer through the harness against the OpenAI-compatible reference server.
import { expect, test, type Page } from '@playwright/test';
import { useAggregatorChat } from './app-session';
import { answers, chips, conversations, expectLoaded, prompt } from './browser';

async function ask(page: Page, text: string): Promise<void> {
  await prompt(page).fill(text);
  await prompt(page).press('Enter');
  const answer = answers(page).last();
  await expectLoaded(answer.getByRole('img', { name: 'Generated image 1' }));
  await expect(answer.getByRole('status')).toHaveCount(0);
}

test.describe('the chat after Stop, and where it looks', () => {
  const chat = useAggregatorChat();

  test('Stop before anything arrived: the source chip comes back, and Retry leaves no empty version', async ({ page }) => {
    await ask(page, 'A red fox');
    await expect(chips(page).first()).toContainText('Last picture');

    // The provider takes its time; Stop before a word arrives.
    chat.server.quirks.push({ path: '/chat/completions', delayMs: 4000 });
    await prompt(page).fill('at night');
    await prompt(page).press('Enter');
    await expect(chips(page)).toHaveCount(0);
    await page.keyboard.press('Escape');
    const stopped = answers(page).last();
    await expect(stopped.getByText('Stopped', { exact: true })).toBeVisible();
    // The next prompt still goes on from the last complete picture.
    await expect(chips(page)).toHaveCount(1);
    await expect(chips(page).first()).toContainText('Last picture');

    // Retry: one answer, not "Version 2 of 2" beside an empty stopped card.
    await stopped.getByRole('button', { name: 'Retry' }).click();
    await expectLoaded(answers(page).last().getByRole('img', { name: 'Generated image 1' }));
    await expect(answers(page).last().getByRole('status')).toHaveCount(0);
    await expect(answers(page)).toHaveCount(2);
    await expect(page.getByText(/Version \d of \d/)).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Compare' })).toHaveCount(0);
    // The stopped one is gone for good: a reload shows the same.
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Chat', exact: true }).click();
    await conversations(page)
      .getByRole('button', { name: /A red fox/ })
      .click();
    await expect(answers(page)).toHaveCount(2);
    await expect(page.getByText('Stopped', { exact: true })).toHaveCount(0);
  });

  test('a chat opens on its newest answer, a sent follow-up comes into view, and Newest ↓ brings the reader back', async ({ page }) => {
    const long = 'A long paragraph about the picture, its light and its colours. '.repeat(40);
    chat.server.answers.push({ text: long }, { text: long });
    await ask(page, 'A harbour at dawn');
    await ask(page, 'with fishing boats');
    await page.keyboard.press('Control+n');
    await ask(page, 'Another chat');

    // Reopened, the harbour chat shows its newest answer, its picture in view.
    await conversations(page)
      .getByRole('button', { name: /A harbour at dawn/ })
      .click();
    await expect(answers(page).last().getByRole('img', { name: 'Generated image 1' })).toBeInViewport();
    // A follow-up sent there comes into view as it arrives.
    await ask(page, 'now at night');
    await expect(answers(page).last().getByRole('img', { name: 'Generated image 1' })).toBeInViewport();

    // Scrolled up, the way back shows; it brings the newest answer into view and goes.
    const newest = page.getByRole('button', { name: 'Newest', exact: true });
    await expect(newest).toHaveCount(0);
    await page.locator('.chat-scroller').hover();
    await page.mouse.wheel(0, -1500);
    await expect(newest).toBeVisible();
    await newest.click();
    await expect(answers(page).last().getByRole('img', { name: 'Generated image 1' })).toBeInViewport();
    await expect(newest).toHaveCount(0);
  });
});
