// Answers in the chat: Markdown, links, what an answer cost, image actions, versions side by side
// and the slider. The built renderer in Chromium, through the harness, to the real core and the
// OpenAI-compatible reference server; the page may reach nothing but the harness.
// Desktop differences (desktop-vs-browser.md): links here end in window.open, as the harness's core
// has no desktop; in Electron the same call hands them to shell.openExternal, covered by
// tests/unit/main/core/open-external.test.ts. The slider reads no pixels (two <img> and CSS), so the
// cross-origin holst-media: images of the desktop app behave as the same-origin ones here.
import { expect, test, type Page } from '@playwright/test';
import { useAggregatorChat } from './app-session';
import { answers, attachments, conversations, expectLoaded, nav, prompt } from './browser';

const LINK = 'https://example.com/guide?topic=palettes';

const MARKDOWN = [
  '## Palette',
  '',
  '| Colour | Hex |',
  '| --- | ---: |',
  '| Sky | `#87CEEB` |',
  '| Snow | `#FFFAFA` |',
  '',
  '- first step',
  '- second step with **bold** and ~~old~~ words',
  '- [x] a finished task',
  '',
  '```python',
  'print("hello <b>world</b>")',
  'print(2 * 21)',
  '```',
  '',
  `Read [the guide](${LINK}) for more. Raw HTML: <b>not bold</b> <img src=x onerror="window.__pwned = 1">`,
  '',
  '<img src=y onerror="window.__pwned = 2">',
  '',
  'A drawing: ![a diagram](diagram.png)',
].join('\n');

/** Sends a prompt and waits until its answer is finished. */
async function ask(page: Page, text: string) {
  await prompt(page).fill(text);
  await prompt(page).press('Enter');
  await expect(answers(page).last().getByRole('status')).toHaveCount(0, { timeout: 30_000 });
}

/** The library id of an answer image, from its address. */
async function imageId(page: Page, name: string): Promise<number> {
  const src = await answers(page).last().getByRole('img', { name }).getAttribute('src');
  return Number(/\/(\d+)$/.exec(src ?? '')?.[1]);
}

test.describe('answers', () => {
  const chat = useAggregatorChat();

  test('an answer reads as Markdown; HTML stays text, links open outside, code copies', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: chat.app.harness.origin });
    chat.server.answers.push({ text: MARKDOWN });
    await ask(page, 'A palette for a winter picture');
    const answer = answers(page).last();

    // GFM: a heading, a real table, a list with emphasis, a task list item, a fenced code block.
    await expect(answer.getByRole('heading', { name: 'Palette' })).toBeVisible();
    const table = answer.getByRole('table');
    await expect(table.getByRole('columnheader')).toHaveText(['Colour', 'Hex']);
    await expect(table.getByRole('row')).toHaveCount(3);
    await expect(table.getByRole('cell', { name: '#87CEEB' }).locator('code')).toHaveText('#87CEEB');
    const items = answer.getByRole('listitem');
    await expect(items.filter({ hasText: 'second step' }).locator('strong')).toHaveText('bold');
    await expect(items.filter({ hasText: 'second step' }).locator('del')).toHaveText('old');
    await expect(items.filter({ hasText: 'a finished task' }).getByRole('checkbox')).toBeChecked();
    await expect(answer.locator('pre code')).toHaveText('print("hello <b>world</b>")\nprint(2 * 21)\n');
    // The image service's status lines ("> Генерация началась…") were shown while it worked, not kept in the answer.
    await expect(answer).not.toContainText('Генерация началась');

    // HTML in the text is shown as written, and makes no element.
    await expect(answer).toContainText('Raw HTML: <b>not bold</b> <img src=x onerror="window.__pwned = 1">');
    await expect(answer).toContainText('<img src=y onerror="window.__pwned = 2">');
    await expect(answer.locator('.md b, .md img, .md script')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // A Markdown image is never fetched: it becomes a link with its alt text.
    await expect(answer.getByRole('link', { name: 'Image: a diagram' })).toHaveAttribute('href', 'diagram.png');

    // Copy puts the code, as written, on the clipboard.
    await answer.getByRole('button', { name: 'Copy code' }).click();
    await expect(answer.getByRole('button', { name: 'Copy code' })).toContainText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('print("hello <b>world</b>")\nprint(2 * 21)');

    // A link shows where it goes, and opens outside: the window stays where it is.
    const link = answer.getByRole('link', { name: 'the guide' });
    await expect(link).toHaveAttribute('title', LINK);
    const before = page.url();
    chat.app.allowForeign(LINK);
    const popup = page.waitForEvent('popup');
    await link.click();
    await popup;
    await expect.poll(() => chat.app.foreign).toContain(LINK);
    expect(page.url()).toBe(before);
    await expect(answer.getByRole('heading', { name: 'Palette' })).toBeVisible();

    // A link the core will not open says why, and opens nothing.
    await answer.getByRole('link', { name: 'Image: a diagram' }).click();
    await expect(answer.getByRole('alert')).toContainText('Could not open the link');
    expect(page.url()).toBe(before);
  });

  test('each answer shows what it cost; the header sums the chat; both survive a reload', async ({ page }) => {
    const first = 'A red kite over the hills';
    await ask(page, first);
    const cost = answers(page).last().locator('.message-cost');
    // The reference server counts 175 tokens plus the prompt's length.
    await expect(cost).toContainText(`${175 + first.length} tokens`);
    await expect(cost).toContainText(/made in \d+\.\d s/);
    await expect(cost).toContainText('1 image');

    chat.server.answers.push({ images: 2 });
    const second = 'Two more kites';
    await ask(page, second);
    await expect(answers(page).last().locator('.message-cost')).toContainText('2 images');
    const totals = page.getByTitle('All answers in this chat together');
    await expect(totals).toContainText(`${175 + first.length + 175 + second.length} tokens`);
    await expect(totals).toContainText('3 images');
    await expect(totals).toContainText(/\d+\.\d s/);

    await page.reload();
    await nav(page, 'Chat').click();
    await conversations(page)
      .getByRole('button', { name: /A red kite/ })
      .click();
    await expect(answers(page).first().locator('.message-cost')).toContainText(`${175 + first.length} tokens`);
    await expect(answers(page).first().locator('.message-cost')).toContainText(/\d+\.\d s · 1 image/);
    await expect(page.getByTitle('All answers in this chat together')).toContainText(
      `${175 + first.length + 175 + second.length} tokens · `,
    );
  });

  test('answer images offer Edit and Use as reference, by mouse and keyboard, and can be dragged', async ({ page }) => {
    chat.server.answers.push({ images: 2 });
    await ask(page, 'Two lighthouses');
    const answer = answers(page).last();
    await expectLoaded(answer.getByRole('img', { name: 'Generated image 2' }));
    const second = await imageId(page, 'Generated image 2');

    // Hidden (not even laid out) until the image is hovered or a button in it has focus.
    const reference = answer.getByRole('button', { name: 'Use image 2 as reference' });
    const actions = answer.locator('.image-actions').nth(1);
    await expect(actions).toBeHidden();
    await expect(reference).toHaveCount(0);
    await answer.getByRole('button', { name: 'Generated image 2' }).focus();
    await page.keyboard.press('Tab');
    await expect(answer.getByRole('button', { name: 'Edit image 2' })).toBeFocused();
    await expect(actions).toBeVisible();
    await expect(actions).toHaveCSS('opacity', '1');
    await page.keyboard.press('Tab');
    await expect(reference).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(attachments(page).locator(`:scope > li > img[src$="/media/thumb/${second}"]`)).toHaveCount(1);

    await answer.getByRole('img', { name: 'Generated image 1' }).hover({ position: { x: 12, y: 12 } });
    await expect(answer.getByRole('button', { name: 'Edit image 1' }).locator('xpath=..')).toHaveCSS('opacity', '1');
    await answer.getByRole('button', { name: 'Edit image 1' }).click();
    const first = await imageId(page, 'Generated image 1');
    await expect(attachments(page).locator(`:scope > li:first-child > img[src$="/media/thumb/${first}"]`)).toHaveCount(1);
    await expect(prompt(page)).toBeFocused();

    // Dragging an answer image (a real drag, by the mouse) carries its library id, for the composer to take.
    await page.evaluate(() =>
      window.addEventListener('dragstart', ({ dataTransfer }) => {
        const seen = { holst: dataTransfer?.getData('application/x-holst-image'), text: dataTransfer?.getData('text/plain') };
        (window as unknown as { dragged: object }).dragged = { ...seen, effect: dataTransfer?.effectAllowed };
      }),
    );
    const box = (await answer.getByRole('img', { name: 'Generated image 2' }).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 30, { steps: 6 });
    await page.mouse.up();
    expect(await page.evaluate(() => (window as unknown as { dragged?: object }).dragged)).toEqual({
      holst: String(second),
      text: String(second),
      effect: 'copy',
    });
  });

  test('a follow-up the provider refuses can be sent without history; a first prompt cannot', async ({ page }) => {
    const refuse = {
      method: 'POST',
      path: '/chat/completions',
      status: 400,
      body: { error: { message: 'Invalid value for messages.', type: 'invalid_request_error', param: 'messages', code: null } },
    };
    chat.server.quirks.push(refuse);
    await ask(page, 'A harbour at dawn');
    const failed = answers(page).last().getByRole('alert');
    await expect(failed).toContainText('The answer failed');
    await expect(failed.getByRole('button', { name: 'Send without history' })).toHaveCount(0);
    await failed.getByRole('button', { name: 'Retry' }).click();
    await expect(answers(page).last().getByRole('img', { name: 'Generated image 1' })).toBeVisible({ timeout: 30_000 });

    chat.server.quirks.push(refuse);
    await ask(page, 'Now at night');
    const refused = answers(page).last().getByRole('alert');
    await expect(refused).toContainText('The provider refused the earlier turns of this chat. You can ask with this prompt alone.');
    await expect(refused.getByRole('button', { name: 'Retry' })).toBeVisible();
    await refused.getByRole('button', { name: 'Send without history' }).click();
    await expect(answers(page).last().getByText('Version 2 of 2')).toBeVisible();
    await expect(answers(page).last().getByRole('img', { name: 'Generated image 1' })).toBeVisible({ timeout: 30_000 });
    // The prompt went alone: no earlier turn in the request.
    const alone = chat.server.chats.at(-1)!.body.messages as { role: string }[];
    expect(alone.filter((m) => m.role !== 'system').map((m) => m.role)).toEqual(['user']);
    expect(chat.server.chats.at(-1)!.texts).toEqual(['Now at night']);
  });

  test('Answer again, then Compare: the versions side by side, and two images on the slider', async ({ page }) => {
    await ask(page, 'A fox in the snow');
    await answers(page).last().getByRole('button', { name: 'Answer again' }).click();
    await expect(answers(page).last().getByText('Version 2 of 2')).toBeVisible();
    await expect(answers(page).last().getByRole('status')).toHaveCount(0, { timeout: 30_000 });

    await answers(page).last().getByRole('button', { name: 'Compare' }).click();
    const side = page.getByRole('region', { name: 'Versions' });
    const cards = side.getByRole('list', { name: 'Versions side by side' }).locator(':scope > li');
    await expect(cards).toHaveCount(2);
    await expect(side.getByRole('button', { name: 'Compare', exact: true })).toHaveAttribute('aria-pressed', 'true');
    for (const name of ['Version 1, image 1', 'Version 2, image 1']) await expectLoaded(side.getByRole('img', { name }));
    // Side by side: the two cards share a row.
    const [one, two] = [await cards.nth(0).boundingBox(), await cards.nth(1).boundingBox()];
    expect(one!.y).toBe(two!.y);
    expect(two!.x).toBeGreaterThan(one!.x + one!.width - 1);

    // The newest is the one shown; clicking the other card shows it instead.
    await expect(side.getByRole('button', { name: 'Version 2' })).toHaveAttribute('aria-pressed', 'true');
    await cards.nth(0).click({ position: { x: 12, y: 12 } });
    await expect(side.getByRole('button', { name: 'Version 1' })).toHaveAttribute('aria-pressed', 'true');
    await expect(side.getByText('Version 1 of 2')).toBeVisible();

    // Two ticked images open the slider.
    const slide = side.getByRole('button', { name: 'Compare with slider' });
    await expect(slide).toBeDisabled();
    await side.getByRole('checkbox', { name: 'Version 1, image 1' }).check();
    await side.getByRole('checkbox', { name: 'Version 2, image 1' }).check();
    await slide.click();
    const dialog = page.getByRole('dialog', { name: 'Compare Version 1, image 1 and Version 2, image 1' });
    await expect(dialog).toBeVisible();
    await expectLoaded(dialog.getByRole('img', { name: 'Version 1, image 1' }));
    await expectLoaded(dialog.getByRole('img', { name: 'Version 2, image 1' }));

    // The divider has focus; the arrow keys move it by 5 %, Home and End to the edges.
    const divider = dialog.getByRole('slider');
    await expect(divider).toBeFocused();
    await expect(divider).toHaveAttribute('aria-valuenow', '50');
    await page.keyboard.press('ArrowRight');
    await expect(divider).toHaveAttribute('aria-valuenow', '55');
    await page.keyboard.press('Home');
    await expect(divider).toHaveAttribute('aria-valuenow', '0');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await expect(divider).toHaveAttribute('aria-valuenow', '95');
    const stage = (await dialog.locator('.compare-slider').boundingBox())!;
    const line = (await divider.boundingBox())!;
    expect((line.x + line.width / 2 - stage.x) / stage.width).toBeCloseTo(0.95, 2);

    // The pointer drags it too.
    await page.mouse.move(stage.x + stage.width * 0.6, stage.y + stage.height / 2);
    await page.mouse.down();
    await page.mouse.move(stage.x + stage.width * 0.25, stage.y + stage.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect(divider).toHaveAttribute('aria-valuenow', '25');

    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(slide).toBeFocused();
  });
});
