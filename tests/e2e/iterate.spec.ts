// Going on from a picture, in the built renderer through the harness, against the OpenAI-compatible
// reference server: a follow-up carries the last picture and the history; Edit and Use as reference
// from the library (viewer, context menu, keys), into the picture's own chat; library pictures dragged onto the composer; files
// dropped or pasted where the user means. Desktop differences (desktop-vs-browser.md): dropped files
// travel as bytes in both shells (no paths needed); pictures are never read back from a canvas.
import { createHash } from 'node:crypto';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startGigaChatServer } from '../servers/gigachat-server';
import { solidImage } from '../support/images';
import { openGigaChatApp, useAggregatorChat } from './app-session';
import { answers, chips, composer, drop, expectLoaded, nav, prompt, setting, tiles } from './browser';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Sends a prompt and waits for its answer's picture. */
async function ask(page: Page, text: string, nth: number): Promise<Locator> {
  await prompt(page).fill(text);
  await prompt(page).press('Enter');
  const answer = answers(page).nth(nth);
  await expectLoaded(answer.getByRole('img', { name: 'Generated image 1' }));
  await expect(answer.getByRole('status')).toHaveCount(0);
  return answer;
}

test.describe('iterating on a picture', () => {
  const chat = useAggregatorChat();

  test('a follow-up goes on from the last picture with the history, and the lineage shows the chain', async ({ page }) => {
    const first = await ask(page, 'A red fox in a meadow', 0);
    expect(chat.server.chats[0]!.images).toHaveLength(0);

    // The last picture becomes the source of the next prompt, shown as a chip that says so.
    await expect(chips(page)).toHaveCount(1);
    await expect(chips(page).first()).toContainText('Editing');
    await expect(chips(page).first()).toContainText('Last picture');
    const firstImage = first.getByRole('img', { name: 'Generated image 1' });
    const firstSrc = await firstImage.getAttribute('src');
    const firstId = Number(/\/(\d+)$/.exec(firstSrc ?? '')![1]);

    await ask(page, 'make it night', 1);
    const followUp = chat.server.chats[1]!;
    // The new message carries the first picture (the bytes the library holds) and the new prompt…
    expect(followUp.texts).toEqual(['make it night']);
    expect(followUp.images).toHaveLength(1);
    const original = Buffer.from(await (await page.request.get(`${chat.app.harness.origin}/media/original/${firstId}`)).body());
    expect(sha256(followUp.images[0]!)).toBe(sha256(original));
    // …after the earlier turns: the first prompt and its answer.
    const messages = followUp.body.messages as Array<{ role: string; content: unknown }>;
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(JSON.stringify(messages[0]!.content)).toContain('A red fox in a meadow');

    // The second picture records the first as its source: the viewer's lineage shows the chain.
    await answers(page).nth(1).getByRole('button', { name: 'Generated image 1' }).click();
    const viewer = page.getByRole('dialog', { name: 'make it night' });
    await expect(viewer.getByRole('button', { name: 'Source: A red fox in a meadow' })).toBeVisible();
    await viewer.getByRole('button', { name: 'Source: A red fox in a meadow' }).click();
    const before = page.getByRole('dialog', { name: 'A red fox in a meadow' });
    await expect(before.getByRole('button', { name: /make it night/ })).toBeVisible();

    // Any two pictures of the chat compare on the slider: here the picture and the one made from it.
    await before.getByRole('button', { name: 'Compare with…' }).click();
    await page
      .getByRole('group', { name: 'Pictures to compare with' })
      .getByRole('button', { name: /\(Made from it\)$/ })
      .click();
    const compare = page.getByRole('dialog', { name: /^Compare Image \d+ and Image \d+$/ });
    await expect(compare.getByRole('slider')).toBeFocused();
    // Tab and Shift+Tab go round the dialog's controls and never leave it.
    for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      expect(await compare.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(compare).toHaveCount(0);
    await expect(before).toBeVisible();
    await page.keyboard.press('Escape');

    // Taking the chip off starts fresh: the next prompt goes alone, with no picture.
    await page.getByRole('button', { name: /^Remove / }).click();
    await expect(chips(page)).toHaveCount(0);
    await prompt(page).fill('a lighthouse instead');
    await prompt(page).press('Enter');
    await expectLoaded(answers(page).nth(2).getByRole('img', { name: 'Generated image 1' }));
    expect(chat.server.chats[2]!.images).toHaveLength(0);
  });

  test('Swap picks another picture of the chat as the source in one click', async ({ page }) => {
    await ask(page, 'A blue bird', 0);
    await ask(page, 'now in the rain', 1);
    const firstSrc = await answers(page).nth(0).getByRole('img', { name: 'Generated image 1' }).getAttribute('src');
    const firstId = Number(/\/(\d+)$/.exec(firstSrc ?? '')![1]);

    await page.getByRole('button', { name: 'Swap' }).click();
    await page
      .getByRole('group', { name: 'Pictures of this chat' })
      .getByRole('button', { name: `Go on from image ${firstId}` })
      .click();
    await expect(chips(page)).toHaveCount(1);
    await expect(chips(page).first()).not.toContainText('Last picture');
    await expect(chips(page).first().locator('img')).toHaveAttribute('src', `/media/thumb/${firstId}`);
    await expect(prompt(page)).toBeFocused();
  });

  test('Edit from the library viewer opens the chat with the picture as the source; sending edits it', async ({ page }) => {
    await ask(page, 'An old tram', 0);
    await page.keyboard.press('Control+n');
    await nav(page, 'Library').click();
    await expect(tiles(page)).toHaveCount(1);
    await tiles(page).first().click();
    const viewer = page.getByRole('dialog', { name: 'An old tram' });
    // The provider by the name it has in Settings, not its id.
    await expect(viewer.getByRole('definition').filter({ hasText: /^Aggregator$/ })).toBeVisible();
    await viewer.getByRole('button', { name: 'Edit', exact: true }).click();

    // The chat opens on the conversation the picture came from, with it as the source.
    await expect(page.getByRole('heading', { name: 'An old tram', level: 1 })).toBeVisible();
    await expect(chips(page)).toHaveCount(1);
    await expect(chips(page).first()).toContainText('Editing');
    await expect(chips(page).first()).not.toContainText('Last picture');
    await expect(prompt(page)).toBeFocused();
    await prompt(page).fill('paint it green');
    await prompt(page).press('Enter');
    await expectLoaded(answers(page).nth(1).getByRole('img', { name: 'Generated image 1' }));
    expect(chat.server.chats[1]!.images).toHaveLength(1);
  });

  test('the grid offers Edit and Use as reference by keys and by its context menu, into the picture’s own chat; library pictures drag onto the composer', async ({
    page,
  }) => {
    await ask(page, 'A yellow kite', 0);
    await ask(page, 'with a long tail', 1);
    await page.keyboard.press('Control+n');
    await nav(page, 'Library').click();
    await expect(tiles(page)).toHaveCount(2);

    // R on a focused tile (the first kite): a reference in the kite's chat, after its last picture.
    await tiles(page).nth(1).focus();
    await page.keyboard.press('r');
    await expect(page.getByRole('heading', { name: 'A yellow kite', level: 1 })).toBeVisible();
    await expect(chips(page)).toHaveCount(2);
    await expect(chips(page).first()).toContainText('Last picture');
    await expect(chips(page).nth(1)).toContainText('Reference');

    // The context menu from the keyboard (Shift+F10): Edit makes the newest kite the chosen source.
    await nav(page, 'Library').click();
    await tiles(page).first().focus();
    await page.keyboard.press('Shift+F10');
    const menu = page.getByRole('menu', { name: /Image \d+/ });
    await expect(menu).toBeVisible();
    await expect(menu.getByRole('menuitem')).toHaveText([/Open/, /Edit\s*E/, /Use as reference\s*R/, /Move to trash/]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(chips(page)).toHaveCount(2);
    await expect(chips(page).first()).toContainText('Editing');
    await expect(chips(page).first()).not.toContainText('Last picture');

    // A picture from an answer dragged onto the composer joins as the source once there is none.
    await page
      .getByRole('button', { name: /^Remove / })
      .first()
      .click();
    await page
      .getByRole('button', { name: /^Remove / })
      .first()
      .click();
    await expect(chips(page)).toHaveCount(0);
    const src = await answers(page).nth(0).getByRole('img', { name: 'Generated image 1' }).getAttribute('src');
    await drop(composer(page), { imageId: Number(/\/(\d+)$/.exec(src ?? '')![1]) });
    await expect(chips(page)).toHaveCount(1);
    await expect(chips(page).first()).toContainText('Editing');

    // A tile dragged (with the mouse) from the grid onto the main menu's Chat item joins the next
    // prompt of its own chat, even from a new chat.
    await page.keyboard.press('Control+n');
    await nav(page, 'Library').click();
    await tiles(page).first().dragTo(nav(page, 'Chat'));
    await expect(page.getByRole('heading', { name: 'A yellow kite', level: 1 })).toBeVisible();
    await expect(answers(page)).toHaveCount(2);
    await expect(chips(page)).toHaveCount(2);
    await expect(chips(page).nth(1)).toContainText('Reference');
    await page.keyboard.press('Control+n');
    await expect(chips(page)).toHaveCount(0);
  });

  test('a source that went to the trash says so and nothing is sent until it is replaced or removed', async ({ page }) => {
    await ask(page, 'A paper boat', 0);
    await expect(chips(page)).toHaveCount(1);
    await answers(page).nth(0).getByRole('button', { name: 'Generated image 1' }).click();
    await page.getByRole('dialog', { name: 'A paper boat' }).getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('dialog', { name: 'A paper boat' }).getByRole('menuitem', { name: 'Move to trash' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await expect(chips(page).first()).toContainText('is in the trash');
    await prompt(page).fill('make it sail');
    await expect(page.getByRole('button', { name: 'Send' })).toBeDisabled();
    await prompt(page).press('Enter');
    await expect(composer(page).getByRole('alert')).toContainText('gone from the library');
    expect(chat.server.chats).toHaveLength(1);

    await page.getByRole('button', { name: /^Remove / }).click();
    await expect(page.getByRole('button', { name: 'Send' })).toBeEnabled();
    await prompt(page).press('Enter');
    await expectLoaded(answers(page).nth(1).getByRole('img', { name: 'Generated image 1' }));
    expect(chat.server.chats[1]!.images).toHaveLength(0);
  });

  test('Ctrl+K goes to the search box of the screen in view; Esc stops a running answer', async ({ page }) => {
    await page.locator('main').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+k');
    await expect(page.getByRole('searchbox', { name: 'Search chats' })).toBeFocused();
    await nav(page, 'Library').click();
    await page.keyboard.press('Control+k');
    await expect(page.getByRole('searchbox', { name: 'Search prompts' })).toBeFocused();

    // A slow answer, and the focus away from the prompt box: Esc anywhere stops it.
    await nav(page, 'Chat').click();
    chat.server.answers.push({ sse: { delayMs: 250 } });
    await prompt(page).fill('A very slow lighthouse');
    await prompt(page).press('Enter');
    await expect(answers(page).first().getByRole('status')).toContainText(/Aggregator: (Генерация|Прогресс)/);
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('Escape');
    await expect(answers(page).first().getByText('Stopped', { exact: true })).toBeVisible();
  });

  test('files land where they are dropped: the library imports them, Settings hands them to the chat; paste imports too', async ({
    page,
  }) => {
    const png = async (seed: number) => ({ name: `drop-${seed}.png`, bytes: await solidImage(seed, 'png', 30, 20) });

    await nav(page, 'Library').click();
    await expect(page.getByRole('heading', { name: 'No images yet' })).toBeVisible();
    await drop(page.getByRole('region', { name: 'Library' }), { files: [await png(31), await png(32)] });
    await expect(page.getByRole('status').filter({ hasText: 'Imported: 2 new pictures.' })).toBeVisible();
    await expect(tiles(page)).toHaveCount(2);

    // A picture pasted on the library (not into the search box) is imported as well.
    const pasted = await png(33);
    await page.evaluate(
      ({ base64 }) => {
        const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([data], '', { type: 'image/png' }));
        document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
      },
      { base64: pasted.bytes.toString('base64') },
    );
    await expect(tiles(page)).toHaveCount(3);

    // Dropped on Settings, a picture goes to the chat as the source of the next prompt.
    await nav(page, 'Settings').click();
    await drop(page.locator('main'), { files: [await png(34)] });
    await expect(page.getByRole('heading', { name: 'New chat', level: 1 })).toBeVisible();
    await expect(chips(page)).toHaveCount(1);
    await expect(chips(page).first()).toContainText('drop-34.png');
  });
});

test('GigaChat: a follow-up is "based on" the last picture, uploaded once and attached, after the earlier turns', async ({ page }) => {
  const giga = await startGigaChatServer();
  const app = await openGigaChatApp(page, giga);
  try {
    await nav(page, 'Chat').click();

    const first = await ask(page, 'Нарисуй рыжего кота', 0);
    await expect(chips(page).first()).toContainText('Based on');
    await expect(prompt(page)).toHaveAttribute('placeholder', 'Describe the new picture…');
    const firstId = Number(/\/(\d+)$/.exec((await first.getByRole('img', { name: 'Generated image 1' }).getAttribute('src')) ?? '')![1]);

    // The composer offers ×N (1-10) for every kind; GigaChat takes up to 4 in one request, so 2 go as n.
    const count = await setting(page, 'Images');
    await expect(count).toHaveAttribute('max', '10');
    await count.fill('2');
    // The settings popover closes (Esc) so it covers none of the chips above it.
    await page.keyboard.press('Escape');
    const night = await ask(page, 'Нарисуй его ночью', 1);
    // GigaChat draws one picture an answer whatever n says: the core asks again for the other.
    await expectLoaded(night.getByRole('img', { name: 'Generated image 2' }));
    await expect(night.getByRole('status')).toHaveCount(0);
    expect(giga.chats[1]!.body.n).toBe(2);
    expect(giga.chats[2]!.body.n).toBe(1);
    await (await setting(page, 'Images')).fill('');
    await page.keyboard.press('Escape');
    expect(giga.chats[0]!.body.n).toBeUndefined();
    expect(giga.uploads).toHaveLength(1);
    const messages = giga.chats[1]!.body.messages as Array<{ role: string; content: string; attachments?: string[] }>;
    // Picture mode (on in a new chat) steers with a system message first; prompts that already ask to draw go as written.
    expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(messages[1]!.content).toBe('Нарисуй рыжего кота');
    expect(messages[3]).toMatchObject({ content: 'Нарисуй его ночью', attachments: [giga.uploads[0]!.id] });

    // Going on from the first picture again: GigaChat still has it, so it is not uploaded twice.
    await page.getByRole('button', { name: 'Swap' }).click();
    await page.getByRole('button', { name: `Go on from image ${firstId}` }).click();
    await ask(page, 'Нарисуй его зимой', 2);
    expect(giga.uploads).toHaveLength(1);
    const third = giga.chats[3]!.body.messages as Array<{ role: string; attachments?: string[] }>;
    expect(third.at(-1)!.attachments).toEqual([giga.uploads[0]!.id]);
  } finally {
    await app.close();
  }
});
