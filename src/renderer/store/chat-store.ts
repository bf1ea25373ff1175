import { create } from 'zustand';
import type { ChatSendInput, ChatStarted, GenerationEvent } from '../../shared/generation';
import type { Conversation, ImageRecord, MaskRecord, Message } from '../../shared/library';
import { MASK_KINDS } from '../../shared/mask';
import type { ProviderKind } from '../../shared/settings';
import { holst, unwrap } from '../bridge';
import { checkImageFiles, fileName, readBase64 } from '../bridge/files';
import { i18n } from '../i18n';
import { errorText, reasonOf } from '../i18n/errors';
import { lastPicture } from '../features/chat/format';
import {
  buildParams,
  cleanDraft,
  draftFromConversation,
  draftKey,
  EMPTY_PARAMS,
  pickDraft,
  type Draft,
  type DraftKey,
  type LastUsed,
  type MissingReason,
  type ParamsDraft,
} from './composer-drafts';
import { FrameBatch, pageClock } from './frame-batch';
import { applyGenerationEvents, liveEntry, type FollowedGeneration, type LiveGeneration } from './live-generations';

/** The most images one request may carry: a source and 16 references. */
export const MAX_ATTACHMENTS = 17;
/** Conversations listed at a time. */
const LIST_PAGE = 200;
/** A chat opens with its newest messages; a longer one gets the rest once those show. */
const FIRST_MESSAGES = 40;
/** How long typing in the conversation search pauses before the search runs. */
const SEARCH_DELAY_MS = 200;

export type { LiveGeneration } from './live-generations';
export { buildParams, PARAMS_BY_KIND, type MissingReason, type ParamsDraft } from './composer-drafts';

// The sentences the state keeps (errors above all) are made when they happen, in the language in use then.
interface ChatState extends Draft {
  conversations: Conversation[];
  conversationsLoaded: boolean;
  /** More conversations than are listed match (the list loads a page at a time as it scrolls). */
  conversationsMore: boolean;
  listError: string | null;
  /** What is typed in the conversation search box. */
  search: string;
  /** The open conversation; null for a new chat not sent yet. */
  currentId: number | null;
  messages: Message[];
  messagesLoading: boolean;
  messagesError: string | null;
  /** Running generations, by generation id. */
  live: Record<string, LiveGeneration>;
  /** The answer shown for a user message with several, when the user picked one (else the newest). */
  versionChoice: Record<number, number>;
  sending: boolean;
  /** The last send / retry / rename / delete that failed, for the composer to show. */
  error: string | null;
  /** Bumped when the prompt box should take focus (a new chat). */
  focusTick: number;

  // The open conversation's draft (composer-drafts.ts) is spread over the state (Draft's fields);
  // the drafts of the conversations not open wait here until they are opened again.
  drafts: Partial<Record<DraftKey, Draft>>;
  /** The provider and model the last prompt went to: a new chat starts from them. */
  lastUsed: LastUsed | null;

  init(): Promise<void>;
  /** Lists the conversations again (as many as are listed now, at least a page). */
  loadConversations(): Promise<void>;
  /** Lists the next page, when the list scrolls near its end. */
  loadMoreConversations(): Promise<void>;
  setSearch(search: string): void;
  select(id: number | null): Promise<void>;
  newChat(): void;
  send(target: { providerId: string; kind: ProviderKind; model: string }): Promise<boolean>;
  /** Answers a prompt again; `singleTurn` sends it without the conversation's earlier turns. */
  retry(userMessageId: number, options?: { singleTurn?: boolean }): Promise<void>;
  cancel(generationId: string): Promise<void>;
  rename(id: number, title: string): Promise<boolean>;
  remove(id: number): Promise<boolean>;
  chooseVersion(userMessageId: number, assistantMessageId: number): void;
  setPrompt(prompt: string): void;
  setProvider(providerId: string): void;
  setModel(providerId: string, model: string): void;
  /** Sets a picture setting for one provider (each provider keeps its own). */
  setParam<K extends keyof ParamsDraft>(providerId: string, key: K, value: ParamsDraft[K]): void;
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
  dismissError(): void;
  dismissAttachError(): void;
}

/** Resolves after the next frame has been drawn (a timeout stands in where frames stop). */
const afterNextFrame = () =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });

const LAST_USED_KEY = 'holst.chat.lastUsed.v1';

function readLastUsed(): LastUsed | null {
  try {
    const saved = JSON.parse(localStorage.getItem(LAST_USED_KEY) ?? 'null') as unknown;
    if (saved && typeof saved === 'object') {
      const { providerId, model } = saved as Record<string, unknown>;
      if (typeof providerId === 'string' && typeof model === 'string') return { providerId, model };
    }
  } catch {
    // Storage off or a damaged entry: a new chat starts with the first provider.
  }
  return null;
}

function writeLastUsed(lastUsed: LastUsed): void {
  try {
    localStorage.setItem(LAST_USED_KEY, JSON.stringify(lastUsed));
  } catch {
    // Storage full or off: not kept across restarts.
  }
}

export const useChatStore = create<ChatState>()((set, get) => {
  const lastUsedAtStart = readLastUsed();
  /** Final messages of generations that ended, by message id, for answers that arrive after them. */
  const finals = new Map<number, Message>();
  /** Bumped by every select, so a slow answer cannot fill in a conversation the user left. */
  let selectTicket = 0;
  let listTicket = 0;
  /** The search the listed conversations are for, and whether a next page is on its way. */
  let listedQuery: string | null = null;
  let loadingMore = false;
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  let initialized: Promise<void> | null = null;

  const rememberFinal = (final: Message) => {
    finals.set(final.id, final);
    if (finals.size > 200) finals.delete(finals.keys().next().value!);
  };

  /** The conversation list is ordered by activity: refresh it soon after something happened. */
  const refreshListSoon = () => {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => void get().loadConversations(), 250);
  };

  const updateLive = (generationId: string, change: (entry: LiveGeneration) => LiveGeneration) => {
    const entry = get().live[generationId];
    if (entry) set({ live: { ...get().live, [generationId]: change(entry) } });
  };

  const follow = (about: FollowedGeneration, pickedUp: boolean, waiting = false) => {
    if (get().live[about.generationId] || finals.has(about.messageId)) return;
    set({ live: { ...get().live, [about.generationId]: liveEntry(about, pickedUp, waiting) } });
  };

  // Generation events wait for the next frame and are applied together, as one update: a model
  // writing 2,000 tokens a second costs the window one render a frame, not one per event (and
  // none in the frame right after the user's own input, see FrameBatch).
  const applyEvents = (events: GenerationEvent[]) => {
    const { live, messages, finished } = applyGenerationEvents(get(), events, (messageId) => finals.has(messageId));
    for (const final of finished) rememberFinal(final);
    set({ live, messages });
    if (finished.length === 0) return;
    refreshListSoon();
    const here = finished.filter((m) => m.conversationId === get().currentId);
    if (here.some((m) => m.imageIds.length > 0)) set({ autoOff: false });
    // After any end (a stopped or failed answer too), the next prompt goes on from the last complete picture.
    if (here.length > 0) void followLastPicture();
  };
  const pendingEvents = new FrameBatch<GenerationEvent>(
    applyEvents,
    (event) => event.type !== 'text' && event.type !== 'progress',
    pageClock(),
  );

  /** Takes in what chat.send / chat.retry answered: the messages, and the generation to follow. */
  const adopt = (started: ChatStarted, viewing: boolean) => {
    // Events that came before this answer are applied first, so `finals` knows whether it already ended.
    pendingEvents.flush();
    follow(
      { generationId: started.generationId, conversationId: started.conversationId, messageId: started.assistantMessage.id },
      false,
      started.waiting === true,
    );
    if (!viewing) return;
    const assistant = finals.get(started.assistantMessage.id) ?? started.assistantMessage;
    const have = new Set(get().messages.map((m) => m.id));
    const added = [started.userMessage, assistant].filter((m) => !have.has(m.id));
    set({ messages: [...get().messages, ...added].sort((a, b) => a.id - b.id) });
  };

  /** The key of the draft the composer shows (the open conversation's). */
  const activeKey = () => draftKey(get().currentId);
  /** A conversation's draft, open or waiting. */
  const draftIn = (key: DraftKey): Draft => (key === activeKey() ? pickDraft(get()) : (get().drafts[key] ?? cleanDraft(get().lastUsed)));
  /**
   * Changes one conversation's draft, wherever it is: what was begun in one chat (a file being
   * imported, a picture being fetched) lands in that chat even if the user has opened another since.
   */
  const patchDraft = (key: DraftKey, change: Partial<Draft> | ((draft: Draft) => Partial<Draft>)) => {
    const draft = draftIn(key);
    const patch = typeof change === 'function' ? change(draft) : change;
    if (key === activeKey()) set(patch);
    else set({ drafts: { ...get().drafts, [key]: { ...draft, ...patch } } });
  };

  /** Reads one library image; null (with the reason in the draft's `attachError`) when it cannot be attached. */
  const fetchImage = async (id: number, key: DraftKey): Promise<ImageRecord | null> => {
    try {
      const { image } = await unwrap(holst.library.get({ id }));
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

  /** Puts `image` first (the source), keeping the other attachments as references. */
  const asSource = (draft: Draft, image: ImageRecord, auto: boolean): Partial<Draft> => {
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
  };

  /** Bumped each time the automatic source is looked for, so a slow answer cannot win over a newer one. */
  let autoTicket = 0;
  /** A follow-up goes on from the conversation's last picture, unless the user chose otherwise. */
  const followLastPicture = async () => {
    const ticket = ++autoTicket;
    const { messages, versionChoice, attachments, sourceAuto, autoOff, currentId } = get();
    if (autoOff || (attachments.length > 0 && !sourceAuto)) return;
    const id = lastPicture(messages, versionChoice);
    if (id === null || attachments[0]?.id === id) return;
    const image = await unwrap(holst.library.get({ id })).then(
      (detail) => detail.image,
      () => null,
    );
    const now = get();
    if (ticket !== autoTicket || now.currentId !== currentId || now.autoOff) return;
    if (now.attachments.length > 0 && !now.sourceAuto) return;
    if (!image || image.trashedAt !== null) {
      // The last picture is gone: start without a source rather than one that cannot be sent.
      if (now.sourceAuto) set({ attachments: now.attachments.slice(1), sourceAuto: false, mask: null });
      return;
    }
    set(asSource(now, image, true));
  };

  /** What a draft keeps once its prompt has been sent: the provider, model and settings, for the next one. */
  const SENT: Partial<Draft> = {
    prompt: '',
    attachments: [],
    sourceAuto: false,
    autoOff: false,
    mask: null,
    missing: {},
    attachError: null,
  };

  return {
    conversations: [],
    conversationsLoaded: false,
    conversationsMore: false,
    listError: null,
    search: '',
    currentId: null,
    messages: [],
    messagesLoading: false,
    messagesError: null,
    live: {},
    versionChoice: {},
    sending: false,
    error: null,
    focusTick: 0,
    ...cleanDraft(lastUsedAtStart),
    drafts: {},
    lastUsed: lastUsedAtStart,

    init() {
      initialized ??= (async () => {
        holst.on('generation.event', (event) => pendingEvents.push(event));
        holst.on('library.changed', ({ ids }) => void get().refreshAttachments(ids));
        const running = holst.chat.running().then(
          (result) => {
            if (!result.ok) return;
            for (const generation of result.value) follow(generation, true);
          },
          () => undefined,
        );
        await Promise.all([get().loadConversations(), running]);
      })();
      return initialized;
    },

    async loadConversations() {
      const ticket = ++listTicket;
      const query = get().search.trim().slice(0, 500);
      // A refresh (activity reorders the list) keeps as many as the user has scrolled through.
      const limit = query === listedQuery ? Math.min(2000, Math.max(LIST_PAGE, get().conversations.length)) : LIST_PAGE;
      try {
        const conversations = await unwrap(holst.conversations.list({ limit, ...(query ? { query } : {}) }));
        if (ticket !== listTicket) return;
        listedQuery = query;
        set({ conversations, conversationsMore: conversations.length === limit, conversationsLoaded: true, listError: null });
      } catch (error) {
        if (ticket === listTicket) set({ listError: errorText(error), conversationsLoaded: true });
      }
    },

    async loadMoreConversations() {
      const last = get().conversations.at(-1);
      if (!get().conversationsMore || loadingMore || !last || listedQuery === null) return;
      const ticket = listTicket;
      loadingMore = true;
      try {
        const after = { updatedAt: last.updatedAt, id: last.id };
        const page = await unwrap(holst.conversations.list({ limit: LIST_PAGE, after, ...(listedQuery ? { query: listedQuery } : {}) }));
        // A new search or a refresh in the meantime has its own answer.
        if (ticket !== listTicket) return;
        const have = new Set(get().conversations.map((c) => c.id));
        set({
          conversations: [...get().conversations, ...page.filter((c) => !have.has(c.id))],
          conversationsMore: page.length === LIST_PAGE,
        });
      } catch (error) {
        if (ticket === listTicket) set({ listError: errorText(error) });
      } finally {
        loadingMore = false;
      }
    },

    setSearch(search) {
      set({ search });
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => void get().loadConversations(), SEARCH_DELAY_MS);
    },

    async select(id) {
      const ticket = ++selectTicket;
      // The draft of the chat left behind waits for it; the one opened comes back as it was left.
      const leaving = activeKey();
      const opening = draftKey(id);
      const { [opening]: kept, ...others } = get().drafts;
      const drafts = leaving === opening ? get().drafts : { ...others, [leaving]: pickDraft(get()) };
      set({
        currentId: id,
        messages: [],
        messagesLoading: id !== null,
        messagesError: null,
        error: null,
        versionChoice: {},
        drafts,
        ...(leaving === opening ? {} : (kept ?? cleanDraft(get().lastUsed))),
      });
      // Pictures attached while the chat was not open may have gone to the trash since.
      if (kept && kept.attachments.length > 0) void get().refreshAttachments(kept.attachments.map((a) => a.id));
      if (id === null) return;
      try {
        const loaded = (await unwrap(holst.conversations.messages({ id, last: FIRST_MESSAGES }))).map((m) => finals.get(m.id) ?? m);
        if (ticket !== selectTicket) return;
        // Generations picked up after a reload continue the text saved so far.
        const live = { ...get().live };
        for (const entry of Object.values(live)) {
          const saved = entry.pickedUp && entry.conversationId === id ? loaded.find((m) => m.id === entry.messageId) : undefined;
          if (saved) live[entry.generationId] = { ...entry, base: saved.text, text: '' };
        }
        // A conversation with no draft yet goes on with the provider, model and settings it last used.
        set({ messages: loaded, messagesLoading: false, live, ...(kept ? {} : draftFromConversation(loaded, get().lastUsed)) });
        // Awaited, so that a picture sent here next (Edit, Use as reference) finds the source in place.
        await followLastPicture();
        if (ticket !== selectTicket) return;
        if (loaded.length < FIRST_MESSAGES) return;
        // The rest is asked for once the newest part is on screen, so taking it in does not hold that frame up.
        await afterNextFrame();
        if (ticket !== selectTicket) return;
        const all = (await unwrap(holst.conversations.messages({ id }))).map((m) => finals.get(m.id) ?? m);
        if (ticket !== selectTicket) return;
        // Messages that came meanwhile (a prompt sent, its answer started) stay.
        const have = new Set(all.map((m) => m.id));
        set({ messages: [...all, ...get().messages.filter((m) => !have.has(m.id))].sort((a, b) => a.id - b.id) });
      } catch (error) {
        if (ticket === selectTicket) set({ messagesLoading: false, messagesError: errorText(error) });
      }
    },

    newChat() {
      void get().select(null);
      // A new chat starts clean, with the provider and model last used; only words already typed in it stay.
      set({ ...cleanDraft(get().lastUsed), prompt: get().prompt, focusTick: get().focusTick + 1 });
    },

    async send({ providerId, kind, model }) {
      const { prompt, attachments, params, currentId, sending, attaching, mask, missing, sourceAuto, autoOff } = get();
      if (sending || attaching > 0 || prompt.trim() === '') return false;
      const gone = attachments.find((image) => missing[image.id]);
      if (gone) {
        const why = missing[gone.id] === 'trashed' ? 'chat:attach.goneTrashed' : 'chat:attach.goneDeleted';
        set({ error: i18n.t(why, { id: gone.id }) });
        return false;
      }
      const input: ChatSendInput = {
        providerId,
        prompt,
        imageIds: attachments.map((image) => image.id),
        ...(mask && attachments.length > 0 && MASK_KINDS.includes(kind) ? { maskId: mask.id } : {}),
        params: buildParams(kind, params[providerId] ?? EMPTY_PARAMS),
        ...(currentId !== null ? { conversationId: currentId } : {}),
        ...(model.trim() ? { model: model.trim() } : {}),
        // A follow-up the user chose no picture for goes on from the last one, even if it is still on its way.
        ...(currentId !== null && !mask && (sourceAuto || (attachments.length === 0 && !autoOff)) ? { autoSource: true } : {}),
      };
      const key = draftKey(currentId);
      set({ sending: true, error: null });
      try {
        const started = await unwrap(holst.chat.send(input));
        const viewing = get().currentId === currentId;
        const lastUsed = { providerId, model: model.trim() };
        writeLastUsed(lastUsed);
        set({ lastUsed });
        if (viewing && currentId === null) {
          // The new chat is now this conversation, and its draft with it; the next new chat starts clean.
          selectTicket++;
          set({ currentId: started.conversationId, messages: [], messagesLoading: false, messagesError: null });
        }
        adopt(started, viewing);
        if (viewing) set(SENT);
        else if (currentId === null) {
          // The user left the new chat while it was being sent: its draft goes with the conversation it became.
          const { new: sent, ...others } = get().drafts;
          set({ drafts: { ...others, [draftKey(started.conversationId)]: { ...(sent ?? cleanDraft(lastUsed)), ...SENT } } });
        } else patchDraft(key, SENT);
        set({ sending: false });
        // A new conversation gets its title from the prompt: list it at once.
        if (currentId === null) void get().loadConversations();
        else refreshListSoon();
        return true;
      } catch (error) {
        set({ sending: false, error: errorText(error) });
        return false;
      }
    },

    async retry(userMessageId, options = {}) {
      set({ error: null });
      try {
        const started = await unwrap(holst.chat.retry({ messageId: userMessageId, ...(options.singleTurn ? { singleTurn: true } : {}) }));
        const { [userMessageId]: _old, ...versionChoice } = get().versionChoice;
        set({ versionChoice });
        adopt(started, get().currentId === started.conversationId);
        refreshListSoon();
      } catch (error) {
        set({ error: errorText(error) });
      }
    },

    async cancel(generationId) {
      updateLive(generationId, (entry) => ({ ...entry, cancelling: true, cancelError: null }));
      try {
        await unwrap(holst.chat.cancel({ generationId }));
      } catch (error) {
        updateLive(generationId, (entry) => ({ ...entry, cancelling: false, cancelError: errorText(error) }));
      }
    },

    async rename(id, title) {
      try {
        const renamed = await unwrap(holst.conversations.rename({ id, title: title.trim() }));
        set({ conversations: get().conversations.map((c) => (c.id === id ? renamed : c)), error: null });
        return true;
      } catch (error) {
        set({ error: errorText(error) });
        return false;
      }
    },

    async remove(id) {
      try {
        await unwrap(holst.conversations.delete({ id }));
      } catch (error) {
        set({ error: errorText(error) });
        return false;
      }
      set({ conversations: get().conversations.filter((c) => c.id !== id) });
      if (get().currentId === id) await get().select(null);
      // Its draft goes with it.
      const { [draftKey(id)]: _deleted, ...drafts } = get().drafts;
      set({ drafts });
      return true;
    },

    chooseVersion(userMessageId, assistantMessageId) {
      set({ versionChoice: { ...get().versionChoice, [userMessageId]: assistantMessageId } });
      // A follow-up goes on from the version in view.
      void followLastPicture();
    },

    setPrompt: (prompt) => set({ prompt }),
    setProvider: (providerId) => set({ providerId, error: null }),
    setModel: (providerId, model) => set({ models: { ...get().models, [providerId]: model } }),
    setParam: (providerId, key, value) => {
      const params = get().params;
      set({ params: { ...params, [providerId]: { ...(params[providerId] ?? EMPTY_PARAMS), [key]: value } } });
    },

    async attachFiles(files) {
      // The files go to the chat they were given to, even if another is opened while they are read.
      const key = activeKey();
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
          const record = await unwrap(holst.library.importBytes({ name: fileName(file), base64: await readBase64(file) }));
          patchDraft(key, (draft) =>
            // A picture dropped on a follow-up replaces the automatic source: the user means this one.
            draft.sourceAuto
              ? asSource(draft, record, false)
              : draft.attachments.some((a) => a.id === record.id)
                ? {}
                : { attachments: [...draft.attachments, record] },
          );
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

    removeAttachment(id) {
      const { attachments, sourceAuto, missing } = get();
      const wasSource = attachments[0]?.id === id;
      const { [id]: _gone, ...stillMissing } = missing;
      set({
        attachments: attachments.filter((a) => a.id !== id),
        attachError: null,
        missing: stillMissing,
        ...(wasSource ? { sourceAuto: false, mask: null } : {}),
        // Taking the automatic source off starts fresh: no picture is chosen again until the next answer.
        ...(wasSource && sourceAuto ? { autoOff: true } : {}),
      });
    },

    async editImage(id) {
      const key = activeKey();
      const image = await fetchImage(id, key);
      if (!image) return false;
      patchDraft(key, (draft) => asSource(draft, image, false));
      set({ focusTick: get().focusTick + 1 });
      return true;
    },

    async addReference(id) {
      const key = activeKey();
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
      const keys = [activeKey(), ...(Object.keys(get().drafts) as DraftKey[])];
      const watched = new Set(
        keys.flatMap((key) =>
          draftIn(key)
            .attachments.filter((a) => ids.includes(a.id))
            .map((a) => a.id),
        ),
      );
      if (watched.size === 0) return;
      const updates = await Promise.all(
        [...watched].map(async (id) => {
          try {
            const { image: now } = await unwrap(holst.library.get({ id }));
            const reason: MissingReason | null = now.trashedAt !== null ? 'trashed' : null;
            return { id, record: now, reason };
          } catch {
            const reason: MissingReason = 'deleted';
            return { id, record: null, reason };
          }
        }),
      );
      for (const key of new Set([activeKey(), ...(Object.keys(get().drafts) as DraftKey[])])) {
        patchDraft(key, (draft) => {
          if (!draft.attachments.some((a) => watched.has(a.id))) return {};
          const missing = { ...draft.missing };
          let attachments = draft.attachments;
          for (const { id, record, reason } of updates) {
            if (!attachments.some((a) => a.id === id)) continue;
            if (reason) missing[id] = reason;
            else delete missing[id];
            if (record) attachments = attachments.map((a) => (a.id === id ? record : a));
          }
          return { missing, attachments };
        });
      }
    },

    dismissError: () => set({ error: null }),
    dismissAttachError: () => set({ attachError: null }),
  };
});
