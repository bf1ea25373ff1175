import type { GenerationEvent, ProgressLine, RetryNotice } from '../../../shared/generation';
import type { ImageSize, Message } from '../../../shared/library';
import { withMessages } from './messages';

/** An answer being written right now, as this window follows it through `generation.event`s. */
export interface LiveGeneration {
  generationId: string;
  conversationId: number;
  /** The assistant message being written. */
  messageId: number;
  /**
   * For a generation this window picked up mid-way (started before a reload): the message's saved
   * text when it was loaded, which the streamed text continues. Null when the window saw it start.
   */
  base: string | null;
  pickedUp: boolean;
  /** Waiting for an earlier answer of its conversation to finish before it goes out. */
  waiting: boolean;
  /** Waiting for its turn in the generation queue (its provider's or the overall limit, or a paused queue). */
  queued: boolean;
  /** Text streamed so far. */
  text: string;
  /** The provider's last progress line ("Givon: queued…", "27%" …), with its catalogue key when the core has one. */
  progress: ProgressLine | null;
  /** The provider refused for now (429, 5xx) and Holst tries again at `at + delayMs`; cleared by what comes next. */
  retry: (RetryNotice & { at: number }) | null;
  /** A picture still being drawn (a streamed partial image), until the next one or a saved image replaces it. */
  partial: { index: number; dataUrl: string } | null;
  /** Images saved so far (already in the library), and their sizes in the same order. */
  imageIds: number[];
  imageSizes: ImageSize[];
  cancelling: boolean;
  cancelError: string | null;
}

export type LiveGenerations = Record<string, LiveGeneration>;

export interface FollowedGeneration {
  generationId: string;
  conversationId: number;
  messageId: number;
}

/** A new entry for a generation the window starts to follow. */
export function liveEntry(about: FollowedGeneration, pickedUp: boolean, waiting = false, queued = false): LiveGeneration {
  return {
    ...about,
    base: null,
    pickedUp,
    waiting,
    queued,
    text: '',
    progress: null,
    retry: null,
    partial: null,
    imageIds: [],
    imageSizes: [],
    cancelling: false,
    cancelError: null,
  };
}

export interface AppliedEvents {
  live: LiveGenerations;
  messages: Message[];
  /** Final messages of the generations that ended, in order. */
  finished: Message[];
}

/**
 * Applies a frame's worth of generation events in order, as one change: text deltas are joined,
 * an event for a generation not followed yet starts following it (unless `ended` says its answer
 * already finished), and a `finished` event replaces the message and stops following.
 */
export function applyGenerationEvents(
  state: { live: LiveGenerations; messages: Message[] },
  events: readonly GenerationEvent[],
  ended: (messageId: number) => boolean,
): AppliedEvents {
  const live = { ...state.live };
  let messages = state.messages;
  const finished: Message[] = [];
  for (const event of events) {
    if (event.type === 'finished') {
      delete live[event.generationId];
      messages = replaceMessage(messages, event.message);
      finished.push(event.message);
      continue;
    }
    // An event for a generation this window has not heard of yet (its chat.send answer may still be on the way).
    const entry =
      live[event.generationId] ??
      (ended(event.messageId) || finished.some((m) => m.id === event.messageId) ? undefined : liveEntry(event, false));
    if (!entry) continue;
    // A prompt that waited has gone out: its message now shows the picture it went on from.
    if (event.type === 'started') messages = replaceMessage(messages, event.userMessage);
    // A further request of a "×N" (the core asked for pictures a provider returned short): its answer joins its prompt.
    if (event.type === 'started' && event.assistantMessage && messages.some((m) => m.id === event.userMessage.id))
      messages = withMessages(messages, [event.assistantMessage]);
    live[event.generationId] = applyOne(entry, event);
  }
  return { live, messages, finished };
}

function applyOne(entry: LiveGeneration, event: Exclude<GenerationEvent, { type: 'finished' }>): LiveGeneration {
  switch (event.type) {
    case 'started':
      return { ...entry, waiting: false, queued: false };
    case 'text':
      return { ...entry, text: entry.text + event.delta, retry: null };
    case 'progress':
      return { ...entry, progress: { message: event.message, key: event.key, params: event.params }, retry: null };
    case 'retry':
      return { ...entry, retry: { ...event.notice, at: Date.now() } };
    case 'partial-image':
      return { ...entry, retry: null, partial: { index: event.index, dataUrl: event.dataUrl } };
    case 'image':
      if (entry.imageIds.includes(event.image.id)) return { ...entry, partial: null };
      return {
        ...entry,
        retry: null,
        partial: null,
        imageIds: [...entry.imageIds, event.image.id],
        imageSizes: [...entry.imageSizes, { width: event.image.width, height: event.image.height }],
      };
    default:
      return entry;
  }
}

export function replaceMessage(messages: Message[], next: Message): Message[] {
  const index = messages.findIndex((m) => m.id === next.id);
  return index < 0 ? messages : messages.with(index, next);
}

/** Ids of the conversations with an answer being written, sorted: a stable value for selectors. */
export function runningConversationIds(live: LiveGenerations): number[] {
  return [...new Set(Object.values(live).map((g) => g.conversationId))].sort((a, b) => a - b);
}
