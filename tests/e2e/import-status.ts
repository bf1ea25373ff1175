// Shared by the import specs: the import status's Cancel, pressed at the right moment.
import type { Page } from '@playwright/test';

/**
 * Presses Cancel from inside the page the moment the progress shows `done` files in: the job goes on
 * in the core meanwhile, and a click from the test, with its round trips, could come after its end.
 */
export const cancelOnceDone = (page: Page, done: number) =>
  page.evaluate((done) => {
    const observer = new MutationObserver(() => {
      const bar = document.querySelector<HTMLProgressElement>('.file-import progress[max]');
      if (!bar || bar.value < done) return;
      observer.disconnect();
      Array.from(document.querySelectorAll<HTMLButtonElement>('.file-import button'))
        .find((button) => button.textContent === 'Cancel')!
        .click();
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  }, done);

/** "1 new picture" / "3 new pictures", as the import summary counts them. */
export const newPictures = (count: number): string => `${count} new picture${count === 1 ? '' : 's'}`;
