// Variations and fan-out in the window (issue 23, points 4 and 5), in the built renderer through the
// harness against OpenAI Images reference servers: a batch of 4 arrives as candidates, two are kept
// and "Discard the rest" moves the other two to the library's trash; one prompt sent to three
// providers shows their answers side by side, each labelled, and "Continue with this" on the
// second makes the next follow-up go on from its picture (the reference server gets it).
import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { startOpenAIImagesServer, type OpenAIImagesServer } from '../servers/openai-images-server';
import { openApp, type AppSession } from './app-session';
import { answers, composer, conversations, expectLoaded, nav, prompt, setting, tiles } from './browser';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Three Images API providers on their own reference servers ("Studio A", "B", "C"), on a new chat. */
async function openStudios(page: Page, count: number): Promise<{ app: AppSession; servers: OpenAIImagesServer[] }> {
  const servers = await Promise.all(Array.from({ length: count }, () => startOpenAIImagesServer()));
  const letters = ['a', 'b', 'c'];
  const providers = servers.map((server, i) => ({
    id: `studio-${letters[i]}`,
    kind: 'openai-images',
    name: `Studio ${letters[i]!.toUpperCase()}`,
    baseUrl: server.baseUrl,
    models: ['gpt-image-1'],
  }));
  const keys = Object.fromEntries(servers.map((server, i) => [`studio-${letters[i]}`, server.apiKey]));
  const app = await openApp(page, { providers, keys, servers });
  await nav(page, 'Chat').click();
  await expect(page.getByRole('heading', { name: 'New chat', level: 1 })).toBeVisible();
  return { app, servers };
}

test.use({ viewport: { width: 1280, height: 800 } });

async function send(page: Page, text: string): Promise<void> {
  await prompt(page).fill(text);
  await prompt(page).press('Enter');
}

test('a batch of 4 arrives as candidates: two kept, "Discard the rest" sends the other two to the trash', async ({ page }) => {
  const { app, servers } = await openStudios(page, 1);
  try {
    await (await setting(page, 'Images')).fill('4');
    await page.keyboard.press('Escape');
    await expect(composer(page).getByRole('button', { name: /^Picture settings: / })).toContainText('×4');
    await send(page, 'Four red foxes');

    // One answer: the four pictures as a set of candidates.
    const set = answers(page).last();
    await expect(set.getByRole('list', { name: 'Candidates (4)' })).toBeVisible();
    const pictures = set.getByRole('img', { name: /^Generated image \d$/ });
    await expect(pictures).toHaveCount(4);
    for (let i = 0; i < 4; i++) await expectLoaded(pictures.nth(i));
    await expect(set.getByRole('status')).toHaveCount(0);
    // The model takes n: one request for all four.
    expect(servers[0]!.generations.map((g) => g.body.n)).toEqual([4]);

    // Keep the first with its button, the third from the keyboard (K on the focused picture).
    await set.getByRole('button', { name: 'Keep picture 1' }).click();
    await expect(set.getByRole('button', { name: 'Keep picture 1' })).toHaveAttribute('aria-pressed', 'true');
    await set.getByRole('button', { name: 'Generated image 3' }).focus();
    await page.keyboard.press('k');
    await expect(set.getByRole('button', { name: 'Keep picture 3' })).toHaveAttribute('aria-pressed', 'true');
    await expect(set).toContainText('2 of 4 kept');

    await set.getByRole('button', { name: 'Discard the rest' }).click();
    await expect(set.getByText('In the trash')).toHaveCount(2);
    await expect(page.getByRole('status').filter({ hasText: /to the trash\./ })).toHaveText(/^Moved 2 pictures to the trash\./);
    await expect(set.getByRole('button', { name: 'Restore picture 2' })).toBeVisible();
    await expect(set.getByRole('button', { name: 'Restore picture 4' })).toBeVisible();
    await expect(set.getByRole('button', { name: 'Discard the rest' })).toBeDisabled();

    // The library shows two pictures, and two in its trash.
    await nav(page, 'Library').click();
    await expect(tiles(page)).toHaveCount(2);
    await page
      .getByRole('group', { name: 'Show' })
      .getByRole('button', { name: /^Trash/ })
      .click();
    await expect(tiles(page)).toHaveCount(2);
  } finally {
    await app.close();
  }
});

test('a fan-out to three providers: answers side by side, each labelled; continue from the second', async ({ page }) => {
  const { app, servers } = await openStudios(page, 3);
  try {
    await composer(page).getByRole('button', { name: 'Compare with…' }).click();
    const menu = composer(page).getByRole('dialog', { name: 'Also send to' });
    await menu.getByLabel('Studio B · gpt-image-1').check();
    await menu.getByLabel('Studio C · gpt-image-1').check();
    await page.keyboard.press('Escape');
    const compared = composer(page).getByRole('group', { name: 'Compared with' });
    await expect(compared.getByRole('button', { name: /^Stop comparing with/ })).toHaveCount(2);
    await send(page, 'A paper kite');

    const fanOut = page.getByRole('region', { name: 'Answers side by side (3 providers)' });
    const columns = fanOut.getByRole('listitem').filter({ has: page.locator('header') });
    await expect(columns).toHaveCount(3);
    const names = ['Studio A', 'Studio B', 'Studio C'];
    for (const [i, name] of names.entries()) {
      const column = fanOut.getByRole('listitem', { name: `Answer from ${name} · gpt-image-1` });
      await expect(column.locator('header')).toContainText(name);
      await expectLoaded(column.getByRole('img', { name: 'Generated image 1' }));
      // Its time and what it cost.
      await expect(column.locator('.message-cost')).toContainText(/\d+(\.\d+)? s/);
      await expect(column.locator('.message-cost')).toContainText('1 image');
      expect(servers[i]!.generations).toHaveLength(1);
    }
    // Side by side: the three columns share a row in a wide window.
    const tops = await Promise.all([0, 1, 2].map(async (i) => (await columns.nth(i).boundingBox())!.y));
    expect(new Set(tops).size).toBe(1);

    const second = fanOut.getByRole('listitem', { name: 'Answer from Studio B · gpt-image-1' });
    await second.getByRole('button', { name: 'Continue with this' }).click();
    await expect(second.getByRole('button', { name: 'Continuing with this' })).toHaveAttribute('aria-pressed', 'true');
    const src = await second.getByRole('img', { name: 'Generated image 1' }).getAttribute('src');
    const secondId = Number(/\/(\d+)$/.exec(src ?? '')![1]);
    // The composer's source is now the second answer's picture.
    await expect(composer(page).getByRole('list', { name: 'Attached images' }).locator(`img[src$="/${secondId}"]`)).toHaveCount(1);

    // Only the first provider now (the fan-out is taken off), and the follow-up carries the second's picture.
    const stops = compared.getByRole('button', { name: /^Stop comparing with/ });
    await stops.first().click();
    await stops.first().click();
    await expect(stops).toHaveCount(0);
    await send(page, 'now at dusk');
    await expect.poll(() => servers[0]!.edits.length).toBe(1);
    const original = Buffer.from(await (await page.request.get(`${app.harness.origin}/media/original/${secondId}`)).body());
    expect(sha256(servers[0]!.edits[0]!.images[0]!.part.data)).toBe(sha256(original));

    // After a reload the fan-out is still side by side, the second still the one continued with.
    await page.reload();
    await nav(page, 'Chat').click();
    await conversations(page)
      .getByRole('button', { name: /A paper kite/ })
      .click();
    const again = page.getByRole('region', { name: 'Answers side by side (3 providers)' });
    await expect(
      again.getByRole('listitem', { name: 'Answer from Studio B · gpt-image-1' }).getByRole('button', { name: 'Continuing with this' }),
    ).toBeVisible();
  } finally {
    await app.close();
  }
});
