/**
 * The open conversation: its messages, the answers being written (live generations, which this
 * window follows in every conversation), and the turns it takes: send, answer again, stop.
 */
import { create } from 'zustand';
import type { HolstApi } from '../../../shared/contract';
import type { ChatSendInput, ChatStarted, GenerationEvent } from '../../../shared/generation';
import type { Message } from '../../../shared/library';
import { MASK_KINDS } from '../../../shared/mask';
import { describeModel, type ModelCatalogue } from '../../../shared/model-catalogue';
import type { ProviderKind } from '../../../shared/settings';
import { unwrap } from '../../bridge';
import { i18n } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { FrameBatch, type FrameClock } from '../../lib/frame-batch';
import type { ComposerStore } from '../composer/store';
import { draftKey, EMPTY_PARAMS } from '../composer/drafts';
import type { ConversationsStore } from '../conversations/store';
import { applyGenerationEvents, liveEntry, replaceMessage, type FollowedGeneration, type LiveGeneration } from './live-generations';
import { compareTargets, sendParams } from './send-params';
import { withMessages } from './messages';

/** A chat opens with its newest messages; a longer one gets the rest once those show. */
export const FIRST_MESSAGES = 40;

// The sentences the state keeps (errors above all) are made when they happen, in the language in use then.
export interface ThreadState {
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

  /** Follows generation events and running generations, and lists the conversations (once). */
  init(): Promise<void>;
  select(id: number | null): Promise<void>;
  newChat(): void;
  /** Sends the composer's draft as the open chat's next prompt; false when it could not go. */
  /** `catalogue`: the settings file's model entries, so only what the model takes is sent (model-catalogue.ts). */
  send(target: { providerId: string; kind: ProviderKind; model: string; catalogue?: ModelCatalogue | undefined }): Promise<boolean>;
  /**
   * Answers a prompt again; `singleTurn` sends it without the conversation's earlier turns, `like`
   * asks as that answer was asked (a fan-out's column: its provider, model and settings).
   */
  retry(userMessageId: number, options?: { singleTurn?: boolean; like?: number }): Promise<void>;
  /** "Continue with this": the conversation goes on from this answer (and picture, among candidates); kept with the prompt. */
  choose(userMessageId: number, answerId: number, imageId?: number): Promise<void>;
  cancel(generationId: string): Promise<void>;
  chooseVersion(userMessageId: number, assistantMessageId: number): void;
}

export interface ThreadDeps {
  bridge: HolstApi;
  composer: ComposerStore;
  conversations: ConversationsStore;
  /** The clock generation events wait on (the page's frames and input in the app). */
  clock: FrameClock;
  /** Resolves after the next frame has been drawn. */
  afterNextFrame(): Promise<void>;
}

export function createThreadStore({ bridge, composer, conversations, clock, afterNextFrame }: ThreadDeps) {
  return create<ThreadState>()((set, get) => {
    /** Final messages of generations that ended, by message id, for answers that arrive after them. */
    const finals = new Map<number, Message>();
    /** Bumped by every select, so a slow answer cannot fill in a conversation the user left. */
    let selectTicket = 0;
    let initialized: Promise<void> | null = null;
    const reportError = (error: string | null) => composer.getState().setError(error);
    const followLastPicture = () => composer.getState().followLastPicture(get());

    const rememberFinal = (final: Message) => {
      finals.set(final.id, final);
      if (finals.size > 200) finals.delete(finals.keys().next().value!);
    };

    const updateLive = (generationId: string, change: (entry: LiveGeneration) => LiveGeneration) => {
      const entry = get().live[generationId];
      if (entry) set({ live: { ...get().live, [generationId]: change(entry) } });
    };

    const follow = (about: FollowedGeneration, pickedUp: boolean, waiting = false, queued = false) => {
      if (get().live[about.generationId] || finals.has(about.messageId)) return;
      set({ live: { ...get().live, [about.generationId]: liveEntry(about, pickedUp, waiting, queued) } });
    };

    // Generation events wait for the next frame and are applied together, as one update: a model
    // writing 2,000 tokens a second costs the window one render a frame, not one per event (and
    // none in the frame right after the user's own input, see FrameBatch).
    const applyEvents = (events: GenerationEvent[]) => {
      const { live, messages, finished } = applyGenerationEvents(get(), events, (messageId) => finals.has(messageId));
      for (const final of finished) rememberFinal(final);
      set({ live, messages });
      if (finished.length === 0) return;
      conversations.getState().refreshSoon();
      const here = finished.filter((m) => m.conversationId === get().currentId);
      if (here.some((m) => m.imageIds.length > 0)) composer.setState({ autoOff: false });
      // After any end (a stopped or failed answer too), the next prompt goes on from the last complete picture.
      if (here.length > 0) void followLastPicture();
    };
    const pendingEvents = new FrameBatch<GenerationEvent>(
      applyEvents,
      (event) => event.type !== 'text' && event.type !== 'progress',
      clock,
    );

    /** Takes in what chat.send / chat.retry answered: the messages, and the generation to follow. */
    const adopt = (started: ChatStarted, viewing: boolean) => {
      // Events that came before this answer are applied first, so `finals` knows whether it already ended.
      pendingEvents.flush();
      follow(
        { generationId: started.generationId, conversationId: started.conversationId, messageId: started.assistantMessage.id },
        false,
        started.waiting === true,
        started.queued === true,
      );
      for (const more of started.more ?? [])
        follow(
          { generationId: more.generationId, conversationId: started.conversationId, messageId: more.assistantMessage.id },
          false,
          more.waiting === true,
        );
      if (!viewing) return;
      const answers = [started.assistantMessage, ...(started.more ?? []).map((m) => m.assistantMessage)].map((m) => finals.get(m.id) ?? m);
      set({ messages: withMessages(get().messages, [started.userMessage, ...answers]) });
    };

    return {
      currentId: null,
      messages: [],
      messagesLoading: false,
      messagesError: null,
      live: {},
      versionChoice: {},
      sending: false,

      init() {
        initialized ??= (async () => {
          bridge.on('generation.event', (event) => pendingEvents.push(event));
          bridge.on('library.changed', ({ ids }) => void composer.getState().refreshAttachments(ids));
          const running = bridge.chat.running().then(
            (result) => {
              if (!result.ok) return;
              for (const generation of result.value) follow(generation, true);
            },
            () => undefined,
          );
          await Promise.all([conversations.getState().load(), running]);
        })();
        return initialized;
      },

      async select(id) {
        const ticket = ++selectTicket;
        set({ currentId: id, messages: [], messagesLoading: id !== null, messagesError: null, versionChoice: {} });
        const kept = composer.getState().open(id);
        if (id === null) return;
        try {
          const loaded = (await unwrap(bridge.conversations.messages({ id, last: FIRST_MESSAGES }))).map((m) => finals.get(m.id) ?? m);
          if (ticket !== selectTicket) return;
          // Generations picked up after a reload continue the text saved so far.
          const live = { ...get().live };
          for (const entry of Object.values(live)) {
            const saved = entry.pickedUp && entry.conversationId === id ? loaded.find((m) => m.id === entry.messageId) : undefined;
            if (saved) live[entry.generationId] = { ...entry, base: saved.text, text: '' };
          }
          set({ messages: loaded, messagesLoading: false, live });
          // A conversation with no draft yet goes on with the provider, model and settings it last used.
          if (!kept) composer.getState().continueFrom(loaded);
          // Awaited, so that a picture sent here next (Edit, Use as reference) finds the source in place.
          await followLastPicture();
          if (ticket !== selectTicket) return;
          if (loaded.length < FIRST_MESSAGES) return;
          // The rest is asked for once the newest part is on screen, so taking it in does not hold that frame up.
          await afterNextFrame();
          if (ticket !== selectTicket) return;
          const all = (await unwrap(bridge.conversations.messages({ id }))).map((m) => finals.get(m.id) ?? m);
          if (ticket !== selectTicket) return;
          // Messages that came meanwhile (a prompt sent, its answer started) stay.
          set({ messages: withMessages(all, get().messages) });
        } catch (error) {
          if (ticket === selectTicket) set({ messagesLoading: false, messagesError: errorText(error) });
        }
      },

      newChat() {
        void get().select(null);
        composer.getState().startNewChat();
      },

      async send({ providerId, kind, model, catalogue }) {
        const { currentId, sending } = get();
        const { prompt, attachments, params, attaching, mask, missing, sourceAuto, autoOff, compare } = composer.getState();
        if (sending || attaching > 0 || prompt.trim() === '') return false;
        const gone = attachments.find((image) => missing[image.id]);
        if (gone) {
          const why = missing[gone.id] === 'trashed' ? 'chat:attach.goneTrashed' : 'chat:attach.goneDeleted';
          reportError(i18n.t(why, { id: gone.id }));
          return false;
        }
        const others = compare.filter((c) => c.providerId !== providerId || c.model !== model.trim());
        const input: ChatSendInput = {
          providerId,
          prompt,
          imageIds: attachments.map((image) => image.id),
          ...(mask && attachments.length > 0 && MASK_KINDS.includes(kind) ? { maskId: mask.id } : {}),
          ...sendParams(describeModel(kind, model.trim(), catalogue), params[providerId] ?? EMPTY_PARAMS),
          ...(others.length > 0 ? { compare: compareTargets(others, params, catalogue) } : {}),
          ...(currentId !== null ? { conversationId: currentId } : {}),
          ...(model.trim() ? { model: model.trim() } : {}),
          // A follow-up the user chose no picture for goes on from the last one, even if it is still on its way.
          ...(currentId !== null && !mask && (sourceAuto || (attachments.length === 0 && !autoOff)) ? { autoSource: true } : {}),
        };
        set({ sending: true });
        reportError(null);
        try {
          const started = await unwrap(bridge.chat.send(input));
          const viewing = get().currentId === currentId;
          if (viewing && currentId === null) {
            // The new chat is now this conversation (its draft goes with it, see the composer's `sent`).
            selectTicket++;
            set({ currentId: started.conversationId, messages: [], messagesLoading: false, messagesError: null });
          }
          adopt(started, viewing);
          composer.getState().sent(draftKey(currentId), started.conversationId, { providerId, model: model.trim() });
          set({ sending: false });
          // A new conversation gets its title from the prompt: list it at once.
          if (currentId === null) void conversations.getState().load();
          else conversations.getState().refreshSoon();
          return true;
        } catch (error) {
          set({ sending: false });
          reportError(errorText(error));
          return false;
        }
      },

      async retry(userMessageId, options = {}) {
        reportError(null);
        try {
          const started = await unwrap(
            bridge.chat.retry({
              messageId: userMessageId,
              ...(options.singleTurn ? { singleTurn: true } : {}),
              ...(options.like !== undefined ? { like: options.like } : {}),
            }),
          );
          const { [userMessageId]: _old, ...versionChoice } = get().versionChoice;
          set({ versionChoice });
          adopt(started, get().currentId === started.conversationId);
          conversations.getState().refreshSoon();
        } catch (error) {
          reportError(errorText(error));
        }
      },

      async cancel(generationId) {
        updateLive(generationId, (entry) => ({ ...entry, cancelling: true, cancelError: null }));
        try {
          await unwrap(bridge.chat.cancel({ generationId }));
        } catch (error) {
          updateLive(generationId, (entry) => ({ ...entry, cancelling: false, cancelError: errorText(error) }));
        }
      },

      async choose(userMessageId, answerId, imageId) {
        reportError(null);
        try {
          const prompt = await unwrap(
            bridge.chat.choose({ messageId: userMessageId, answerId, ...(imageId !== undefined ? { imageId } : {}) }),
          );
          if (get().currentId !== prompt.conversationId) return;
          set({ messages: replaceMessage(get().messages, prompt) });
          get().chooseVersion(userMessageId, answerId);
        } catch (error) {
          reportError(errorText(error));
        }
      },

      chooseVersion(userMessageId, assistantMessageId) {
        set({ versionChoice: { ...get().versionChoice, [userMessageId]: assistantMessageId } });
        // A follow-up goes on from the version in view.
        void followLastPicture();
      },
    };
  });
}

export type ThreadStore = ReturnType<typeof createThreadStore>;
