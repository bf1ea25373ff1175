// Order within a conversation (issue 20, finding 3), in the built renderer through the harness
// against the OpenAI-compatible reference server: a follow-up sent the moment the picture above
// shows, while that answer is still being written, waits for it (and says so) and then reaches the
// provider with the history and that picture, as if sent after it. A waiting prompt can be called off.
import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { useAggregatorChat } from './app-session';
import { answers, expectLoaded, prompt } from './browser';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** An answer whose end is held back until `release()`, after its picture has come. */
function heldAnswer() {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  return { answer: { text: 'The picture is ready. '.repeat(40), sse: { holdLastPiece: held } }, release };
}

/** The answer to one prompt (found by its words: the list renders only the turns near the view). */
const answerTo = (page: Page, text: string) =>
  page
    .getByRole('list', { name: 'Messages' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('article', { name: 'Your message' }).getByText(text, { exact: true }) })
    .getByRole('article', { name: 'Answer' });
const promptOf = (page: Page, text: string) => page.getByRole('article', { name: 'Your message' }).filter({ hasText: text });

async function send(page: Page, text: string): Promise<void> {
  await prompt(page).fill(text);
  await prompt(page).press('Enter');
}

test.describe('order within a conversation', () => {
  const chat = useAggregatorChat();

  test('a follow-up sent the moment the picture shows waits for the answer, then carries it and its picture', async ({ page }) => {
    await send(page, 'A red fox');
    await expectLoaded(answers(page).nth(0).getByRole('img', { name: 'Generated image 1' }));
    await expect(answers(page).nth(0).getByRole('status')).toHaveCount(0);

    const slow = heldAnswer();
    chat.server.answers.push(slow.answer);
    await send(page, 'at night');
    const second = answerTo(page, 'at night');
    await expect(second.getByRole('img', { name: 'Generated image 1' })).toBeVisible();
    // At once (0 ms), while the second answer is still being written.
    await send(page, 'now in winter');
    await expect(second.getByRole('status')).toBeVisible();
    const third = answerTo(page, 'now in winter');
    await expect(third.getByRole('status')).toContainText('Waiting for the answer above…');
    expect(chat.server.chats).toHaveLength(2);
    slow.release();

    await expectLoaded(third.getByRole('img', { name: 'Generated image 1' }));
    const sent = chat.server.chats[2]!;
    expect(sent.texts).toEqual(['now in winter']);
    const messages = sent.body.messages as Array<{ role: string; content: unknown }>;
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user']);
    expect(JSON.stringify(messages[2]!.content)).toContain('at night');
    // The picture it went on from is the second answer's, byte for byte.
    const secondSrc = await second.getByRole('img', { name: 'Generated image 1' }).getAttribute('src');
    const secondId = Number(/\/(\d+)$/.exec(secondSrc ?? '')![1]);
    const original = Buffer.from(await (await page.request.get(`${chat.app.harness.origin}/media/original/${secondId}`)).body());
    expect(sent.images).toHaveLength(1);
    expect(sha256(sent.images[0]!)).toBe(sha256(original));
    // The prompt shows that picture as its source.
    const thirdPrompt = promptOf(page, 'now in winter');
    await expect(thirdPrompt.getByRole('img', { name: 'Source image' })).toHaveAttribute('src', `/media/thumb/${secondId}`);
  });

  test('a waiting prompt can be called off: it never reaches the provider, the answer above goes on', async ({ page }) => {
    const slow = heldAnswer();
    chat.server.answers.push(slow.answer);
    await send(page, 'A slow lighthouse');
    await expect(answers(page).nth(0).getByRole('status')).toBeVisible();
    await send(page, 'with a ship');
    const waiting = answerTo(page, 'with a ship');
    await expect(waiting.getByRole('status')).toContainText('Waiting for the answer above…');
    await waiting.getByRole('button', { name: 'Cancel' }).click();
    await expect(waiting.getByText('Stopped', { exact: true })).toBeVisible();
    slow.release();
    await expectLoaded(answers(page).nth(0).getByRole('img', { name: 'Generated image 1' }));
    await expect(answers(page).nth(0).getByRole('status')).toHaveCount(0);
    expect(chat.server.chats.map((c) => c.texts)).toEqual([['A slow lighthouse']]);
  });
});
