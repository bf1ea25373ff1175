/** What the composer's views read from a draft, as selectors. */
import { MAX_ATTACHMENTS } from './attachments';
import type { Draft } from './drafts';

/** An attached picture can no longer be sent (moved to the trash, deleted): nothing goes until it is replaced or removed. */
export const sendBlocked = (draft: Pick<Draft, 'attachments' | 'missing'>): boolean =>
  draft.attachments.some((image) => draft.missing[image.id]);

/** No room for another picture (those being imported count). */
export const attachmentsFull = (draft: Pick<Draft, 'attachments' | 'attaching'>): boolean =>
  draft.attachments.length + draft.attaching >= MAX_ATTACHMENTS;
