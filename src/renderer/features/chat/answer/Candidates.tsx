import { useCallback, useEffect, useMemo, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Message } from '../../../../shared/library';
import { turnMarks } from '../../../../shared/turn-marks';
import { holst, unwrap } from '../../../bridge';
import { mediaUrl } from '../../../bridge/media';
import { errorText } from '../../../i18n/errors';
import { useComposer, useThread } from '../../../store/chat';
import { useProviderName } from '../../../store/providers-store';
import { useTrashUndo } from '../../../store/trash-undo';
import { RetryIcon } from '../../../icons';
import { AnswerCost } from './AnswerCost';
import { pictureStyle, sizesById } from './picture-shape';
import { tokensOf } from './usage';
import '../../../styles/batch.css';

interface CandidatesProps {
  user: Message;
  answers: Message[];
  onOpenImage(id: number): void;
}

interface Standing {
  kept: number[];
  trashed: number[];
}

/**
 * A prompt's "×N" as one set of candidates: every picture its answers brought, in a grid, each
 * with Keep / Discard / Continue from this (also K, D, C on a focused picture), and "Discard the
 * rest" that moves every picture not kept to the library's trash in one action (Undo offered).
 */
export function Candidates({ user, answers, onOpenImage }: CandidatesProps) {
  const { t } = useTranslation('chat');
  const live = useThread(useShallow((s) => Object.values(s.live).filter((g) => answers.some((a) => a.id === g.messageId))));
  const choose = useThread((s) => s.choose);
  const retry = useThread((s) => s.retry);
  const providerName = useProviderName(user.provider);
  const marks = turnMarks(user.request);
  const want = marks.count ?? answers.length;
  const pictures = useMemo(() => {
    const list: Array<{ id: number; answer: Message; style: CSSProperties | undefined }> = [];
    for (const answer of answers) {
      const entry = live.find((g) => g.messageId === answer.id);
      const sizes = entry ? sizesById(answer, entry) : sizesById(answer);
      const ids = entry ? [...new Set([...answer.imageIds, ...entry.imageIds])] : answer.imageIds;
      // Each at its own shape before it loads, as an answer's pictures (picture-shape.ts).
      for (const id of ids) if (!list.some((p) => p.id === id)) list.push({ id, answer, style: pictureStyle(sizes.get(id)) });
    }
    return list;
  }, [answers, live]);
  const [standing, setStanding] = useState<Standing>({ kept: marks.kept ?? [], trashed: [] });
  const [error, setError] = useState<string | null>(null);
  const making = live.length > 0 || answers.some((a) => a.status === 'streaming');
  const failed = answers.some((a) => a.status === 'error');
  const chosenImage = marks.chosenImage;

  const act = useCallback(
    async (change: { keep?: number[]; unkeep?: number[]; discard?: number[] | 'rest' }) => {
      setError(null);
      try {
        const result = await unwrap(holst.chat.candidates({ messageId: user.id, ...change }));
        setStanding({ kept: result.kept, trashed: result.trashed });
        if (result.trashedAt === null) return;
        useTrashUndo.getState().moved({ count: result.moved, trashedAt: result.trashedAt });
        // The next prompt goes on from a picture still in the library, not one just discarded.
        void useComposer.getState().followLastPicture(useThread.getState(), (id) => result.trashed.includes(id));
      } catch (failure) {
        setError(errorText(failure));
      }
    },
    [user.id],
  );

  // How they stand now (kept, in the trash), again whenever the library changes (a Restore, an Undo).
  const count = pictures.length;
  const refresh = useCallback(
    () =>
      unwrap(holst.chat.candidates({ messageId: user.id })).then(
        (result) => setStanding({ kept: result.kept, trashed: result.trashed }),
        (failure: unknown) => setError(errorText(failure)),
      ),
    [user.id],
  );
  useEffect(() => {
    if (count === 0) return;
    void refresh();
    return holst.on('library.changed', () => void refresh());
  }, [refresh, count]);

  const kept = new Set(standing.kept);
  const trashed = new Set(standing.trashed);
  const rest = pictures.filter((p) => !kept.has(p.id) && !trashed.has(p.id));

  const onKey = (event: KeyboardEvent, id: number, answer: Message) => {
    if (event.target !== event.currentTarget || event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key === 'k') void act(kept.has(id) ? { unkeep: [id] } : { keep: [id] });
    else if (key === 'd' || key === 'delete') void act({ discard: [id] });
    else if (key === 'c') void choose(user.id, answer.id, id);
    else if (key === 'enter') onOpenImage(id);
    else return;
    event.preventDefault();
  };

  return (
    // The answer of a "×N" prompt: an article like any answer, its pictures a grid with their actions.
    <article className="message message-assistant candidates" aria-label={t('answer.label')} aria-busy={making}>
      <div className="candidates-bar">
        <span className="small muted" aria-live="polite">
          {making ? t('batch.making', { done: count, total: want }) : t('batch.kept', { kept: kept.size, total: count })}
        </span>
        {failed && <span className="small error">{t('batch.failed')}</span>}
        <button
          type="button"
          className="link-button"
          disabled={rest.length === 0 || making}
          title={t('batch.discardRestTitle')}
          onClick={() => void act({ discard: 'rest' })}
        >
          {t('batch.discardRest')}
        </button>
        {!making && (
          <button type="button" className="link-button" title={t('answer.againTitle')} onClick={() => void retry(user.id)}>
            <RetryIcon />
            {t('answer.again')}
          </button>
        )}
      </div>
      <ul
        className={`message-images candidates-grid${gridClass(Math.max(want, count))}`}
        aria-label={t('batch.candidatesLabel', { count: want })}
      >
        {pictures.map(({ id, answer, style }, index) => {
          const n = index + 1;
          const inTrash = trashed.has(id);
          const isKept = kept.has(id);
          const continuing = chosenImage === id;
          return (
            <li key={id} className={`candidate${isKept ? ' kept' : ''}${inTrash ? ' in-trash' : ''}${continuing ? ' continuing' : ''}`}>
              <button
                type="button"
                className="message-image candidate-frame"
                style={style}
                title={continuing ? `${t('batch.continuing')} · ${t('batch.keysHint')}` : t('batch.keysHint')}
                onClick={() => onOpenImage(id)}
                onKeyDown={(event) => onKey(event, id, answer)}
              >
                <img src={mediaUrl('preview', id)} decoding="async" alt={t('answer.generatedImage', { n })} draggable={false} />
                {inTrash && <span className="badge candidate-badge">{t('batch.inTrash')}</span>}
              </button>
              <div className="candidate-actions">
                {inTrash ? (
                  <button
                    type="button"
                    aria-label={t('batch.restoreLabel', { n })}
                    onClick={() => void unwrap(holst.library.restore({ ids: [id] })).then(refresh, (e: unknown) => setError(errorText(e)))}
                  >
                    {t('batch.restore')}
                  </button>
                ) : (
                  <>
                    <button
                      type="button"
                      aria-pressed={isKept}
                      aria-label={t('batch.keepLabel', { n })}
                      onClick={() => void act(isKept ? { unkeep: [id] } : { keep: [id] })}
                    >
                      {t('batch.keep')}
                    </button>
                    <button type="button" aria-label={t('batch.discardLabel', { n })} onClick={() => void act({ discard: [id] })}>
                      {t('batch.discard')}
                    </button>
                    <button
                      type="button"
                      aria-pressed={continuing}
                      aria-label={t('batch.continueLabel', { n })}
                      disabled={answer.status !== 'complete'}
                      onClick={() => void choose(user.id, answer.id, id)}
                    >
                      {t('batch.continue')}
                    </button>
                  </>
                )}
              </div>
            </li>
          );
        })}
        {making &&
          Array.from({ length: Math.max(0, want - count) }, (_, i) => (
            <li key={`pending-${i}`} className="candidate pending" aria-hidden="true">
              <span className="message-image candidate-frame skeleton" />
            </li>
          ))}
      </ul>
      {making && (
        <div className="message-status" role="status">
          <span className="spinner" aria-hidden="true" />
          <span>{t('answer.generating')}</span>
        </div>
      )}
      {!making && answers.some((a) => a.status === 'complete') && (
        <footer className="message-footer">
          <span className="message-meta">
            {[providerName, answers[0]?.model].filter(Boolean).join(' · ')}
            <AnswerCost message={totalCost(answers)} />
          </span>
        </footer>
      )}
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
    </article>
  );
}

/** Two to a row, three from five on (as an answer's pictures). */
const gridClass = (count: number) => (count < 2 ? '' : count < 5 ? ' is-grid' : ' is-grid is-wide-grid');

/** What the whole set cost: every answer's tokens and pictures, and the longest time (they ran side by side). */
function totalCost(answers: readonly Message[]): Pick<Message, 'usage' | 'elapsedMs' | 'imageIds'> {
  const tokens = answers.reduce<number | null>((sum, a) => {
    const own = tokensOf(a.usage);
    return own !== null ? (sum ?? 0) + own : sum;
  }, null);
  const times = answers.flatMap((a) => (a.elapsedMs !== null ? [a.elapsedMs] : []));
  return {
    usage: tokens !== null ? { totalTokens: tokens } : null,
    elapsedMs: times.length > 0 ? Math.max(...times) : null,
    imageIds: [...new Set(answers.flatMap((a) => a.imageIds))],
  };
}
