import { useTranslation } from 'react-i18next';
import type { Message } from '../../../../shared/library';
import { withoutProgressPreamble } from '../../../../shared/progress-lines';
import { turnMarks } from '../../../../shared/turn-marks';
import { mediaUrl } from '../../../bridge/media';
import { formatElapsedSeconds } from '../../../i18n/format';
import { coreText } from '../../../i18n/core-text';
import { errorText } from '../../../i18n/errors';
import { useThread } from '../../../store/chat';
import { useProviderName } from '../../../store/providers-store';
import { liveFor } from '../../../store/thread/selectors';
import { RetryIcon } from '../../../icons';
import { AnswerCost } from './AnswerCost';
import '../../../styles/batch.css';
import { pictureStyle, sizesById } from './picture-shape';
import { useElapsed } from './use-elapsed';

interface FanOutProps {
  user: Message;
  answers: Message[];
  onOpenImage(id: number): void;
}

/**
 * One prompt sent to several providers: their answers side by side (columns that wrap on a narrow
 * window) as they arrive, each labelled with its provider and model, its time and what it cost.
 * "Continue with this" picks the one the conversation goes on from; the others stay as versions.
 */
export function FanOutAnswers({ user, answers, onOpenImage }: FanOutProps) {
  const { t } = useTranslation('chat');
  const versionChoice = useThread((s) => s.versionChoice[user.id]);
  const marks = turnMarks(user.request);
  const chosen = versionChoice ?? marks.chosen;
  const providers = new Set(answers.map((a) => a.provider)).size;
  return (
    <section className="message message-assistant fan-out" aria-label={t('batch.fanOutLabel', { count: Math.max(providers, 2) })}>
      <ol className="fan-out-columns">
        {answers.map((answer) => (
          <FanOutColumn key={answer.id} user={user} answer={answer} chosen={answer.id === chosen} onOpenImage={onOpenImage} />
        ))}
      </ol>
    </section>
  );
}

function FanOutColumn({
  user,
  answer,
  chosen,
  onOpenImage,
}: {
  user: Message;
  answer: Message;
  chosen: boolean;
  onOpenImage(id: number): void;
}) {
  const { t } = useTranslation('chat');
  const live = useThread(liveFor(answer.id));
  const choose = useThread((s) => s.choose);
  const retry = useThread((s) => s.retry);
  const name = useProviderName(answer.provider) ?? answer.provider ?? '';
  const streaming = live !== undefined || answer.status === 'streaming';
  const elapsed = useElapsed(answer.createdAt, streaming);
  const imageIds = live ? [...new Set([...answer.imageIds, ...live.imageIds])] : answer.imageIds;
  const sizes = live ? sizesById(answer, live) : sizesById(answer);
  const text = withoutProgressPreamble(live ? (live.base ?? '') + live.text : answer.text).trim();
  const label = [name, answer.model].filter(Boolean).join(' · ');

  return (
    <li
      className={chosen ? 'fan-out-column chosen' : 'fan-out-column'}
      aria-label={t('batch.columnLabel', { name: label })}
      aria-busy={streaming}
    >
      <header className="fan-out-head">
        <span className="fan-out-provider">{name}</span>
        {answer.model && <span className="muted small fan-out-model">{answer.model}</span>}
      </header>
      {imageIds.length > 0 && (
        <ul className="fan-out-images">
          {imageIds.map((id, index) => (
            <li key={id}>
              <button
                type="button"
                className="message-image"
                style={pictureStyle(sizes.get(id))}
                onClick={() => onOpenImage(id)}
                title={t('answer.open')}
              >
                <img src={mediaUrl('preview', id)} decoding="async" alt={t('answer.generatedImage', { n: index + 1 })} draggable={false} />
              </button>
            </li>
          ))}
        </ul>
      )}
      {text !== '' && <p className="fan-out-text">{text}</p>}
      {streaming ? (
        <div className="message-status" role="status">
          <span className="spinner" aria-hidden="true" />
          <span>{t(live?.waiting ? 'answer.waiting' : 'answer.generating')}</span>
          {live?.progress && <span className="muted">{coreText(live.progress)}</span>}
          <span className="muted small elapsed">{formatElapsedSeconds(elapsed)}</span>
        </div>
      ) : answer.status === 'complete' ? (
        <footer className="fan-out-foot">
          <AnswerCost message={{ ...answer, imageIds }} />
          <button
            type="button"
            className={chosen ? 'fan-out-continue chosen' : 'fan-out-continue'}
            aria-pressed={chosen}
            title={t('batch.continueWithTitle')}
            onClick={() => void choose(user.id, answer.id)}
          >
            {t(chosen ? 'batch.continuingWith' : 'batch.continueWith')}
          </button>
        </footer>
      ) : (
        <footer className="fan-out-foot">
          {answer.status === 'error' ? (
            <span className="error small">{answer.error ? errorText(answer.error) : t('answer.failedUnknown')}</span>
          ) : (
            <span className="badge">{t(answer.status === 'cancelled' ? 'answer.stopped' : 'answer.interrupted')}</span>
          )}
          <button
            type="button"
            className="link-button"
            title={t('batch.againTitle')}
            onClick={() => void retry(user.id, { like: answer.id })}
          >
            <RetryIcon />
            {t('batch.again')}
          </button>
        </footer>
      )}
    </li>
  );
}
