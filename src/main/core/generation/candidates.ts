import type * as z from 'zod';
import { say } from '../../../shared/core-messages';
import { HolstError } from '../../../shared/errors';
import type { ChatCandidatesSchema, ChatChooseSchema } from '../../../shared/generation';
import type { Message } from '../../../shared/library';
import { turnMarks } from '../../../shared/turn-marks';
import type { CoreServices } from '../services';
import { picturesOf } from './batch';

type Deps = Pick<CoreServices, 'conversations' | 'library' | 'events'>;

/** How a prompt's candidates stand: those kept, those in the library's trash, and what the last discard moved. */
export interface CandidatesState {
  message: Message;
  kept: number[];
  trashed: number[];
  /** The trash action of this call (for Undo), null when it moved nothing. */
  trashedAt: number | null;
  moved: number;
}

/** A prompt (user message) and its answers, or a typed error for any other message. */
function promptWithAnswers(core: Deps, messageId: number): { user: Message; answers: Message[] } {
  const user = core.conversations.requireMessage(messageId);
  if (user.role !== 'user') throw HolstError.said('invalid_input', say('candidatesNotPrompt', {}), { field: 'messageId' });
  const answers = core.conversations.messages(user.conversationId).filter((m) => m.role === 'assistant' && m.replyTo === user.id);
  return { user, answers };
}

/**
 * Keeps, un-keeps and discards candidates of one prompt. Discarded pictures go to the library's
 * trash in one action (restorable there, or by Undo with `trashedAt`); "the rest" is every one
 * not kept. With nothing to change it only says how they stand (the window asks so on opening).
 */
export function updateCandidates(core: Deps, input: z.output<typeof ChatCandidatesSchema>): CandidatesState {
  const { user, answers } = promptWithAnswers(core, input.messageId);
  const all = picturesOf(answers);
  const explicit = Array.isArray(input.discard) ? input.discard : [];
  const foreign = [...input.keep, ...input.unkeep, ...explicit].find((id) => !all.includes(id));
  if (foreign !== undefined) throw HolstError.said('invalid_input', say('candidateNotHere', { id: foreign }), { field: 'imageId' });

  const kept = new Set(turnMarks(user.request).kept?.filter((id) => all.includes(id)) ?? []);
  for (const id of input.keep) kept.add(id);
  for (const id of [...input.unkeep, ...explicit]) kept.delete(id);
  const discard = input.discard === 'rest' ? all.filter((id) => !kept.has(id)) : explicit;

  let message = user;
  const before = turnMarks(user.request).kept ?? [];
  if (before.length !== kept.size || before.some((id) => !kept.has(id)))
    message = core.conversations.updateRequest(user.id, { ...(user.request ?? {}), kept: [...kept] });

  const result = discard.length > 0 ? core.library.bulk.trash({ ids: discard }) : null;
  if (result && result.count > 0) core.events.emit('library.changed', { ids: result.ids });
  const trashed = all.filter((id) => core.library.get(id)?.trashedAt != null);
  return { message, kept: [...kept], trashed, trashedAt: result && result.count > 0 ? result.trashedAt : null, moved: result?.count ?? 0 };
}

/**
 * "Continue with this": the conversation goes on from this answer of the prompt (its text in the
 * history, its picture, or among candidates the one named, the next follow-up's source).
 */
export function chooseAnswer(core: Deps, input: z.output<typeof ChatChooseSchema>): Message {
  const { user, answers } = promptWithAnswers(core, input.messageId);
  const answer = answers.find((a) => a.id === input.answerId);
  if (!answer) throw HolstError.said('invalid_input', say('answerNotOfPrompt', { id: input.answerId }), { field: 'answerId' });
  if (input.imageId !== undefined && !answer.imageIds.includes(input.imageId))
    throw HolstError.said('invalid_input', say('candidateNotHere', { id: input.imageId }), { field: 'imageId' });
  const { chosenImage: _old, ...request } = user.request ?? {};
  return core.conversations.updateRequest(user.id, {
    ...request,
    chosen: answer.id,
    ...(input.imageId !== undefined ? { chosenImage: input.imageId } : {}),
  });
}
