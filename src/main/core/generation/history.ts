import type { ImageRecord, Message } from '../../../shared/library';
import { turnMarks } from '../../../shared/turn-marks';
import { historyAnswer } from '../../../shared/turns';
import type { CoreServices } from '../services';
import type { HistorySupport, HistoryTurn, InputImage } from '../providers/types';
import { HISTORY_IMAGE_BUDGET, planHistoryImages, type BudgetImage } from './history-budget';
import { loadLibraryInput } from './input-images';

/** One earlier message of a conversation as stored: its text and the library images it showed. */
export interface StoredTurn {
  role: 'user' | 'assistant';
  text: string;
  imageIds: number[];
}

/**
 * The earlier turns a follow-up carries, oldest first: every prompt before `beforeMessageId` with
 * its chosen (else newest) complete answer (answers reply to their prompt). A prompt with no complete answer is
 * left out, so user and assistant turns alternate.
 */
export function conversationTurns(messages: readonly Message[], beforeMessageId?: number): StoredTurn[] {
  const answers = new Map<number, Message[]>();
  for (const m of messages) {
    if (m.role !== 'assistant' || m.replyTo === null) continue;
    answers.set(m.replyTo, [...(answers.get(m.replyTo) ?? []), m]);
  }
  const turns: StoredTurn[] = [];
  for (const m of messages) {
    if (m.role !== 'user' || (beforeMessageId !== undefined && m.id >= beforeMessageId)) continue;
    // A fan-out or a set of candidates goes on from the answer chosen with "Continue with this".
    const answer = historyAnswer(m, answers.get(m.id) ?? []);
    if (!answer) continue;
    const picked = turnMarks(m.request).chosenImage;
    const imageIds = picked !== undefined && answer.imageIds.includes(picked) ? [picked] : answer.imageIds;
    turns.push({ role: 'user', text: m.text, imageIds: m.imageIds }, { role: 'assistant', text: answer.text, imageIds });
  }
  return turns;
}

/**
 * The image a follow-up edits unless told otherwise: the first image still in the library (not in
 * the trash) of the newest complete answer that has one; null when no answer has an image.
 */
export function latestAnswerImage(messages: readonly Message[], library: { get(id: number): ImageRecord | null }): number | null {
  const answers = messages.filter((m) => m.role === 'assistant' && m.status === 'complete').sort((a, b) => b.id - a.id);
  for (const answer of answers) {
    const id = answer.imageIds.find((imageId) => {
      const image = library.get(imageId);
      return image !== null && image.trashedAt === null;
    });
    if (id !== undefined) return id;
  }
  return null;
}

/**
 * The history a kind gets for a follow-up: none for stateless kinds, the turns' text, or their text
 * and images within HISTORY_IMAGE_BUDGET (the new message's images count too). Whatever is left
 * out is written to the log, and said in `notes` for the user.
 */
export async function providerHistory(
  core: Pick<CoreServices, 'library' | 'logger'>,
  providerName: string,
  support: HistorySupport,
  turns: readonly StoredTurn[],
  newImages: readonly InputImage[],
): Promise<{ history: HistoryTurn[]; notes: string[] }> {
  if (support === 'none' || turns.length === 0) return { history: [], notes: [] };
  if (support === 'text') return { history: turns.map((t) => ({ role: t.role, text: t.text, images: [] })), notes: [] };

  const gone: number[] = [];
  const usable = turns.map((turn) =>
    turn.imageIds.flatMap((id): BudgetImage[] => {
      const image = core.library.get(id);
      if (image && image.trashedAt === null) return [{ id, bytes: image.bytes }];
      gone.push(id);
      return [];
    }),
  );
  const plan = planHistoryImages(
    newImages.map((image, i) => ({ id: image.libraryId ?? -(i + 1), bytes: image.bytes.length })),
    usable,
  );
  const history: HistoryTurn[] = [];
  for (const [i, turn] of turns.entries()) {
    const images: InputImage[] = [];
    for (const { id } of plan.kept[i]!) {
      try {
        images.push(await loadLibraryInput(core, id));
      } catch (error) {
        core.logger.warn(`follow-up to ${providerName}: image ${id} of the history cannot be read (${(error as Error).message})`);
      }
    }
    history.push({ role: turn.role, text: turn.text, images });
  }

  const notes: string[] = [];
  const byCount = plan.dropped.filter((d) => d.reason === 'count').map((d) => d.id);
  const byBytes = plan.dropped.filter((d) => d.reason === 'bytes').map((d) => d.id);
  const { maxImages, maxBytes } = HISTORY_IMAGE_BUDGET;
  if (byCount.length > 0)
    core.logger.warn(
      `follow-up to ${providerName}: earlier images ${byCount.join(', ')} left out of the history (over ${maxImages} images)`,
    );
  if (byBytes.length > 0)
    core.logger.warn(
      `follow-up to ${providerName}: earlier images ${byBytes.join(', ')} left out of the history (over ${maxBytes / 1024 / 1024} MB of images)`,
    );
  if (gone.length > 0)
    core.logger.info(`follow-up to ${providerName}: earlier images ${gone.join(', ')} are gone or in the trash, not sent`);
  const left = byCount.length + byBytes.length;
  if (left > 0)
    notes.push(
      `${left} earlier image${left === 1 ? ' was' : 's were'} left out of the conversation sent to ${providerName} ` +
        `(at most ${maxImages} images and ${maxBytes / 1024 / 1024} MB in all).`,
    );
  return { history, notes };
}
