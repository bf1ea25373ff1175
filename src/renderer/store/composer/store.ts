/**
 * The composer: the open chat's draft (prompt, provider, model, settings, pictures) and the drafts
 * of the chats not open, which wait for them (see drafts.ts). Whatever was begun in one chat (a
 * file being imported, a picture being fetched) lands in that chat's draft, even if another is open by then.
 */
import { create } from 'zustand';
import type { HolstApi } from '../../../shared/contract';
import type { ImageRecord, MaskRecord, Message } from '../../../shared/library';
import { unwrap } from '../../bridge';
import { checkImageFiles, fileName, readBase64 } from '../../lib/image-files';
import { i18n } from '../../i18n';
import { errorText, reasonOf } from '../../i18n/errors';
import { lastPicture } from '../thread/turns';
import { asSource, MAX_ATTACHMENTS, SENT, withImported, withoutAttachment, withRechecked, type Rechecked } from './attachments';
import {
  cleanDraft,
  draftFromConversation,
  draftKey,
  EMPTY_PARAMS,
  pickDraft,
  type CompareTarget,
  type Draft,
  type DraftKey,
  type LastUsed,
  type ParamsDraft,
} from './drafts';
import { readLastUsed, writeLastUsed, type KeyValueStorage } from './last-used';

// The sentences the state keeps (errors above all) are made when they happen, in the language in use then.
export interface ComposerState extends Draft {
  /** Whose draft is spread over the state (Draft's fields): the open conversation's, or the new chat's. */
  key: DraftKey;
  /** The drafts of the chats not open, until they are opened again. */
  drafts: Partial<Record<DraftKey, Draft>>;
  /** The provider and model the last prompt went to: a new chat starts from them. */
  lastUsed: LastUsed | null;
  /** The last send / retry / rename / delete that failed, for the composer to show. */
  error: string | null;
  /** Bumped when the prompt box should take focus (a new chat, a picture to edit). */
  focusTick: number;

  setPrompt(prompt: string): void;
  setProvider(providerId: string): void;
  setModel(providerId: string, model: string): void;
  /** Sets a picture setting for one provider (each provider keeps its own). */
  setParam<K extends keyof ParamsDraft>(providerId: string, key: K, value: ParamsDraft[K]): void;
  /** Fan-out: the providers (and models) the next prompt also goes to. */
  setCompare(targets: CompareTarget[]): void;
  attachFiles(files: File[]): Promise<void>;
  removeAttachment(id: number): void;
  /** Makes a library image the source of the next prompt (Edit). */
  editImage(id: number): Promise<boolean>;
  /** Adds a library image to the next prompt as a reference (the source, if there is none yet). */
  addReference(id: number): Promise<boolean>;
  /** Attaches a library image dragged onto the composer: the source if there is none, else a reference. */
  attachLibraryImage(id: number): Promise<boolean>;
  setMask(mask: MaskRecord | null): void;
  /** Re-reads attached images after the library changed (one may have gone to the trash). */
  refreshAttachments(ids: number[]): Promise<void>;
  setError(error: string | null): void;
  dismissError(): void;
  dismissAttachError(): void;

  // What the thread does to the composer as chats open and prompts go out.
  /** Opens conversation `id`'s draft (null: the new chat's), keeping the one left; returns the draft it had, if any. */
  open(id: number | null): Draft | undefined;
  /** A new chat starts clean, with the provider and model last used; only words already typed in it stay. */
  startNewChat(): void;
  /** A conversation opened with no draft of its own goes on with what its newest prompt used. */
  continueFrom(messages: readonly Message[]): void;
  /** The draft `from` was sent and became conversation `to`'s (the same, but for a new chat): it keeps only its provider, model and settings. */
  sent(from: DraftKey, to: number, lastUsed: LastUsed): void;
  /** A deleted conversation's draft goes with it. */
  forget(id: number): void;
  /**
   * A follow-up goes on from the conversation's last picture, unless the user chose otherwise:
   * puts it in as the source (the thread calls this after a chat opens or an answer ends).
   */
  followLastPicture(
    thread: { messages: readonly Message[]; versionChoice: Record<number, number> },
    /** Pictures known to be gone (just discarded to the trash): passed over. */
    gone?: (imageId: number) => boolean,
  ): Promise<void>;
}

export interface ComposerDeps {
  bridge: HolstApi;
  /** Where the provider and model last used are kept (localStorage in the app). */
  storage: KeyValueStorage | undefined;
}

export function createComposerStore({ bridge, storage }: ComposerDeps) {
  return create<ComposerState>()((set, get) => {
    const lastUsedAtStart = readLastUsed(storage);
    /** Bumped each time the automatic source is looked for, so a slow answer cannot win over a newer one. */
    let autoTicket = 0;

    /** A chat's draft, open or waiting. */
    const draftIn = (key: DraftKey): Draft => (key === get().key ? pickDraft(get()) : (get().drafts[key] ?? cleanDraft(get().lastUsed)));
    /** Changes one chat's draft, wherever it is. */
    const patchDraft = (key: DraftKey, change: Partial<Draft> | ((draft: Draft) => Partial<Draft>)) => {
      const draft = draftIn(key);
      const patch = typeof change === 'function' ? change(draft) : change;
      if (key === get().key) set(patch);
      else set({ drafts: { ...get().drafts, [key]: { ...draft, ...patch } } });
    };

    /** Reads one library image; null (with the reason in the draft's `attachError`) when it cannot be attached. */
    const fetchImage = async (id: number, key: DraftKey): Promise<ImageRecord | null> => {
      try {
        const { image } = await unwrap(bridge.library.get({ id }));
        if (image.trashedAt !== null) {
          patchDraft(key, { attachError: i18n.t('chat:attach.trashed', { id }) });
          return null;
        }
        return image;
      } catch (error) {
        patchDraft(key, { attachError: errorText(error) });
        return null;
      }
    };

    return {
      ...cleanDraft(lastUsedAtStart),
      key: draftKey(null),
      drafts: {},
      lastUsed: lastUsedAtStart,
      error: null,
      focusTick: 0,

      setPrompt: (prompt) => set({ prompt }),
      setProvider: (providerId) => set({ providerId, error: null }),
      setModel: (providerId, model) => set({ models: { ...get().models, [providerId]: model } }),
      setCompare: (compare) => set({ compare }),
      setParam: (providerId, key, value) => {
        const params = get().params;
        set({ params: { ...params, [providerId]: { ...(params[providerId] ?? EMPTY_PARAMS), [key]: value } } });
      },

      async attachFiles(files) {
        // The files go to the chat they were given to, even if another is opened while they are read.
        const key = get().key;
        const { images, problems } = checkImageFiles(files);
        const before = draftIn(key);
        const room = MAX_ATTACHMENTS - before.attachments.length - before.attaching;
        if (images.length > room) {
          problems.push(i18n.t('chat:attach.tooMany', { max: MAX_ATTACHMENTS, left: images.length - Math.max(room, 0) }));
          images.splice(Math.max(room, 0));
        }
        patchDraft(key, (draft) => ({
          attachError: problems.length > 0 ? problems.join(' ') : null,
          attaching: draft.attaching + images.length,
        }));
        // One after the other, so the chips keep the order the files came in (the first is the source).
        for (const file of images) {
          try {
            const record = await unwrap(bridge.library.importBytes({ name: fileName(file), base64: await readBase64(file) }));
            patchDraft(key, (draft) => withImported(draft, record));
          } catch (error) {
            problems.push(
              file.name
                ? i18n.t('chat:attach.couldNotAdd', { name: file.name, error: reasonOf(error) })
                : i18n.t('chat:attach.couldNotAddPasted', { error: reasonOf(error) }),
            );
            patchDraft(key, { attachError: problems.join(' ') });
          } finally {
            patchDraft(key, (draft) => ({ attaching: draft.attaching - 1 }));
          }
        }
      },

      removeAttachment: (id) => set(withoutAttachment(get(), id)),

      async editImage(id) {
        const key = get().key;
        const image = await fetchImage(id, key);
        if (!image) return false;
        patchDraft(key, (draft) => asSource(draft, image, false));
        set({ focusTick: get().focusTick + 1 });
        return true;
      },

      async addReference(id) {
        const key = get().key;
        const { attachments } = get();
        const at = attachments.findIndex((a) => a.id === id);
        if (at >= 0) {
          // Sent once: say why nothing was added rather than doing nothing.
          set({ attachError: i18n.t(at === 0 ? 'chat:attach.alreadySource' : 'chat:attach.alreadyReference') });
          return true;
        }
        if (attachments.length >= MAX_ATTACHMENTS) {
          set({ attachError: i18n.t('chat:attach.full', { max: MAX_ATTACHMENTS }) });
          return false;
        }
        const image = await fetchImage(id, key);
        if (!image) return false;
        patchDraft(key, (draft) => ({ attachments: [...draft.attachments.filter((a) => a.id !== id), image], attachError: null }));
        set({ focusTick: get().focusTick + 1 });
        return true;
      },

      async attachLibraryImage(id) {
        const { attachments, sourceAuto } = get();
        return attachments.length === 0 || sourceAuto ? get().editImage(id) : get().addReference(id);
      },

      setMask: (mask) => set({ mask }),

      async refreshAttachments(ids) {
        // Every draft that holds one of these pictures, the open one and those waiting.
        const keys = () => new Set([get().key, ...(Object.keys(get().drafts) as DraftKey[])]);
        const watched = new Set([...keys()].flatMap((key) => draftIn(key).attachments.flatMap((a) => (ids.includes(a.id) ? [a.id] : []))));
        if (watched.size === 0) return;
        const updates = await Promise.all(
          [...watched].map(async (id): Promise<Rechecked> => {
            try {
              const { image: now } = await unwrap(bridge.library.get({ id }));
              return { id, record: now, reason: now.trashedAt !== null ? 'trashed' : null };
            } catch {
              return { id, record: null, reason: 'deleted' };
            }
          }),
        );
        for (const key of keys()) patchDraft(key, (draft) => withRechecked(draft, updates));
      },

      setError: (error) => set({ error }),
      dismissError: () => set({ error: null }),
      dismissAttachError: () => set({ attachError: null }),

      open(id) {
        // The draft of the chat left behind waits for it; the one opened comes back as it was left.
        const leaving = get().key;
        const opening = draftKey(id);
        if (leaving === opening) {
          set({ error: null });
          return get().drafts[opening];
        }
        const { [opening]: kept, ...others } = get().drafts;
        set({ key: opening, drafts: { ...others, [leaving]: pickDraft(get()) }, error: null, ...(kept ?? cleanDraft(get().lastUsed)) });
        // Pictures attached while the chat was not open may have gone to the trash since.
        if (kept && kept.attachments.length > 0) void get().refreshAttachments(kept.attachments.map((a) => a.id));
        return kept;
      },

      startNewChat() {
        set({ ...cleanDraft(get().lastUsed), prompt: get().prompt, focusTick: get().focusTick + 1 });
      },

      continueFrom(messages) {
        set(draftFromConversation(messages, get().lastUsed));
      },

      sent(from, to, lastUsed) {
        writeLastUsed(storage, lastUsed);
        set({ lastUsed });
        const into = draftKey(to);
        if (from === get().key) {
          // The new chat is now this conversation, and its draft with it; the next new chat starts clean.
          set({ key: into, ...SENT });
        } else if (from !== into) {
          // The user left the new chat while it was being sent: its draft goes with the conversation it became.
          const { [from]: sentDraft, ...others } = get().drafts;
          set({ drafts: { ...others, [into]: { ...(sentDraft ?? cleanDraft(lastUsed)), ...SENT } } });
        } else patchDraft(from, SENT);
      },

      forget(id) {
        const { [draftKey(id)]: _deleted, ...drafts } = get().drafts;
        set({ drafts });
      },

      async followLastPicture({ messages, versionChoice }, gone) {
        const ticket = ++autoTicket;
        const { attachments, sourceAuto, autoOff, key } = get();
        if (autoOff || (attachments.length > 0 && !sourceAuto)) return;
        const id = lastPicture(messages, versionChoice, gone);
        if (id === null || attachments[0]?.id === id) return;
        const image = await unwrap(bridge.library.get({ id })).then(
          (detail) => detail.image,
          () => null,
        );
        const now = get();
        if (ticket !== autoTicket || now.key !== key || now.autoOff) return;
        if (now.attachments.length > 0 && !now.sourceAuto) return;
        if (!image || image.trashedAt !== null) {
          // The last picture is gone: start without a source rather than one that cannot be sent.
          if (now.sourceAuto) set({ attachments: now.attachments.slice(1), sourceAuto: false, mask: null });
          return;
        }
        set(asSource(now, image, true));
      },
    };
  });
}

export type ComposerStore = ReturnType<typeof createComposerStore>;
