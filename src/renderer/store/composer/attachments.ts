/**
 * What attaching and taking off pictures does to a draft, as plain functions: the store applies
 * them to whichever chat's draft a change belongs to, and Node tests check them as they are.
 */
import type { ImageRecord } from '../../../shared/library';
import { MAX_REQUEST_IMAGES } from '../../../shared/provider-kinds';
import type { Draft, MissingReason } from './drafts';

/** The most images one request may carry: a source and the most references a kind takes (provider-kinds.ts). */
export const MAX_ATTACHMENTS = MAX_REQUEST_IMAGES;

/** Puts `image` first (the source), keeping the other attachments as references. */
export function asSource(draft: Draft, image: ImageRecord, auto: boolean): Partial<Draft> {
  const { attachments, mask, sourceAuto } = draft;
  const rest = attachments.filter((a, i) => a.id !== image.id && !(i === 0 && sourceAuto));
  const keepMask = mask !== null && attachments[0]?.id === image.id;
  return {
    attachments: [image, ...rest].slice(0, MAX_ATTACHMENTS),
    sourceAuto: auto,
    mask: keepMask ? mask : null,
    attachError: null,
    ...(auto ? {} : { autoOff: false }),
  };
}

/** A file imported for the draft: a picture dropped on a follow-up replaces the automatic source (the user means this one). */
export const withImported = (draft: Draft, record: ImageRecord): Partial<Draft> =>
  draft.sourceAuto
    ? asSource(draft, record, false)
    : draft.attachments.some((a) => a.id === record.id)
      ? {}
      : { attachments: [...draft.attachments, record] };

/** The draft without attachment `id`; taking the automatic source off starts fresh (no picture is chosen again until the next answer). */
export function withoutAttachment(draft: Draft, id: number): Partial<Draft> {
  const { attachments, sourceAuto, missing } = draft;
  const wasSource = attachments[0]?.id === id;
  const { [id]: _gone, ...stillMissing } = missing;
  return {
    attachments: attachments.filter((a) => a.id !== id),
    attachError: null,
    missing: stillMissing,
    ...(wasSource ? { sourceAuto: false, mask: null } : {}),
    ...(wasSource && sourceAuto ? { autoOff: true } : {}),
  };
}

/** What the core said of an attached picture after the library changed: its record now, or why it can no longer be sent. */
export interface Rechecked {
  id: number;
  record: ImageRecord | null;
  reason: MissingReason | null;
}

/** The draft with the rechecked pictures' records and reasons put in (nothing when it holds none of them). */
export function withRechecked(draft: Draft, updates: readonly Rechecked[]): Partial<Draft> {
  if (!draft.attachments.some((a) => updates.some((u) => u.id === a.id))) return {};
  const missing = { ...draft.missing };
  let attachments = draft.attachments;
  for (const { id, record, reason } of updates) {
    if (!attachments.some((a) => a.id === id)) continue;
    if (reason) missing[id] = reason;
    else delete missing[id];
    if (record) attachments = attachments.map((a) => (a.id === id ? record : a));
  }
  return { missing, attachments };
}

/** What a draft keeps once its prompt has been sent: the provider, model and settings, for the next one. */
export const SENT: Partial<Draft> = Object.freeze({
  prompt: '',
  attachments: [],
  sourceAuto: false,
  autoOff: false,
  mask: null,
  missing: {},
  attachError: null,
});
