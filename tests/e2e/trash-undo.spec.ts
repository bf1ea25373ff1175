// Trash can be undone from where you are (issue 20, finding 6), in the built renderer through the
// harness: a bulk trash offers Undo; the viewer of a trashed picture offers Restore and Delete for
// good (after the app's own confirmation); deleting a chat asks in the app's own dialog.
import { expect, test, type Page } from '@playwright/test';
import { solidImage } from '../support/images';
import { openApp, useAggregatorChat } from './app-session';
import { answers, conversations, drop, expectLoaded, nav, prompt, tiles } from './browser';

const viewSwitch = (page: Page, name: 'Images' | 'Trash') =>
  page.getByRole('group', { name: 'Show' }).getByRole('button', { name: new RegExp(`^${name}`) });
const toast = (page: Page) => page.getByRole('status').filter({ hasText: /to the trash\./ });
/** The viewer keeps Move to trash in its "…" menu. */
async function trashFromViewer(page: Page) {
  await page.getByRole('dialog').getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('dialog').getByRole('menuitem', { name: 'Move to trash' }).click();
}

test('a bulk trash offers Undo; a trashed picture’s viewer offers Restore and Delete for good', async ({ page }) => {
  const app = await openApp(page);
  try {
    await nav(page, 'Library').click();
    const files = await Promise.all(
      [51, 52, 53].map(async (seed) => ({ name: `pic-${seed}.png`, bytes: await solidImage(seed, 'png', 40, 30) })),
    );
    await drop(page.getByRole('region', { name: 'Library' }), { files });
    await expect(tiles(page)).toHaveCount(3);

    // Two moved to the trash at once, and back with Undo.
    await tiles(page)
      .nth(0)
      .click({ modifiers: ['ControlOrMeta'] });
    await tiles(page)
      .nth(1)
      .click({ modifiers: ['ControlOrMeta'] });
    await page.getByRole('region', { name: 'Selection' }).getByRole('button', { name: 'Move to trash' }).click();
    await expect(tiles(page)).toHaveCount(1);
    await expect(toast(page)).toHaveText(/^Moved 2 pictures to the trash\./);
    await toast(page).getByRole('button', { name: 'Undo' }).click();
    await expect(tiles(page)).toHaveCount(3);
    await expect(toast(page)).toHaveCount(0);

    // One trashed from its viewer; in the trash, its viewer restores it, and it can be edited again.
    await tiles(page).first().click();
    await trashFromViewer(page);
    await expect(toast(page)).toHaveText(/^Moved 1 picture to the trash\./);
    await viewSwitch(page, 'Trash').click();
    await expect(tiles(page)).toHaveCount(1);
    await tiles(page).first().click();
    const viewer = page.getByRole('dialog');
    await expect(viewer).toContainText('This image is in the trash.');
    await expect(viewer.getByRole('button', { name: 'Edit', exact: true })).toHaveCount(0);
    await viewer.getByRole('button', { name: 'Restore' }).click();
    await expect(viewer.getByRole('button', { name: 'Edit', exact: true })).toBeVisible();
    await expect(viewer).not.toContainText('This image is in the trash.');
    await page.keyboard.press('Escape');
    await expect(tiles(page)).toHaveCount(0);

    // Trashed again, then deleted for good from its viewer, after the app's own confirmation.
    await viewSwitch(page, 'Images').click();
    await expect(tiles(page)).toHaveCount(3);
    await tiles(page).first().click();
    await trashFromViewer(page);
    await viewSwitch(page, 'Trash').click();
    await tiles(page).first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete for good…' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete this image for good?' });
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await confirm.getByRole('button', { name: 'Delete for good' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'The trash is empty' })).toBeVisible();
    await viewSwitch(page, 'Images').click();
    await expect(tiles(page)).toHaveCount(2);
  } finally {
    await app.close();
  }
});

test.describe('deleting a chat', () => {
  useAggregatorChat();

  test('asks in the app’s own dialog; Cancel keeps it', async ({ page }) => {
    await prompt(page).fill('A red kite');
    await prompt(page).press('Enter');
    await expectLoaded(answers(page).first().getByRole('img', { name: 'Generated image 1' }));
    await page.getByRole('button', { name: 'Delete chat' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete this chat?' });
    await expect(confirm).toContainText('“A red kite” and its messages will be deleted. Its pictures stay in the library.');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(conversations(page).getByRole('button', { name: /A red kite/ })).toBeVisible();
    await page.getByRole('button', { name: 'Delete chat' }).click();
    await confirm.getByRole('button', { name: 'Delete chat' }).click();
    await expect(page.getByRole('heading', { name: 'New chat', level: 1 })).toBeVisible();
    await expect(conversations(page).getByRole('button', { name: /A red kite/ })).toHaveCount(0);
    await nav(page, 'Library').click();
    await expect(tiles(page)).toHaveCount(1);
  });
});
