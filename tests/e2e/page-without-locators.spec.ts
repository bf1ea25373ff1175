// The tool the timed pages rest on (tests/support/page-without-locators.ts): a page driven from its
// own script has no touch-handler region, and the check does see the one a Playwright locator
// leaves. Should a Playwright upgrade stop adding its blocking touch listeners, the second half
// fails, and the timed pages may go back to locators.
import { expect, test } from '@playwright/test';
import { clickButton, clickNav, expectNoTouchRegions, touchRegions } from '../support/page-without-locators';
import { openApp, type AppSession } from './app-session';
import { nav } from './browser';

let app: AppSession | undefined;
test.afterEach(() => app?.close());

test('a page driven from its own script has no touch-handler region; one a locator touched has one over the whole window', async ({
  page,
}) => {
  app = await openApp(page);
  await clickNav(page, 'Chat');
  await page.evaluate(clickButton, { within: 'aside.chat-sidebar', text: 'New chat', exact: true });
  await expectNoTouchRegions(page, 'the page driven from its own script');

  await nav(page, 'Library').click();
  const viewport = page.viewportSize()!;
  expect(await touchRegions(page)).toContain(`0,0 ${viewport.width}x${viewport.height}`);

  // Loaded again, the page is clean again.
  await page.reload();
  await clickNav(page, 'Chat');
  await expectNoTouchRegions(page, 'the page loaded again');
});
