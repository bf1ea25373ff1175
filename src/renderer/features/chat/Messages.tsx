import { lazy, memo, Suspense, useEffect, useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../shared/library';
import { withoutProgressPreamble } from '../../../shared/progress-lines';
import { BACKGROUNDS, QUALITIES } from '../../../shared/model-takes';
import { mediaUrl } from '../../bridge/media';
import { formatElapsedSeconds, warmFormats } from '../../i18n/format';
import { coreText } from '../../i18n/core-text';
import { useThread } from '../../store/chat';
import { useQueue } from '../../store/queue';
import type { LiveGeneration } from '../../store/thread/live-generations';
import { liveFor } from '../../store/thread/selectors';
import { useProviderName } from '../../store/providers-store';
import { VersionsSideBySide } from '../compare/VersionsSideBySide';
import { turnMarks, type TurnMarks } from '../../../shared/turn-marks';
import { AnswerCost } from './answer/AnswerCost';
import { Candidates } from './answer/Candidates';
import { FanOutAnswers } from './answer/FanOutAnswers';
import { useElapsed } from './answer/use-elapsed';
import { AnswerError } from './answer/AnswerError';
import { PartialPicture } from './answer/PartialPicture';
import { RequestSent } from './answer/RequestSent';
import { ImageWithActions } from './answer/ImageWithActions';
import { pictureStyle, sizesById } from './answer/picture-shape';
import { VersionsBar, type Versions } from './answer/VersionsBar';
import { toTurns, type Turn } from '../../store/thread/turns';
import { requestParams } from './format';
import { useVirtualTurns } from './useVirtualTurns';
import { RetryIcon } from '../../icons';

// The Markdown renderer is its own chunk, fetched as soon as the chat's code loads (long before a
// conversation is open), so the first answer never shows its raw text.
const markdownChunk = import('./Markdown');
void markdownChunk.then((module) => module.warmUp());
warmFormats();
const Markdown = lazy(() => markdownChunk.then((module) => ({ default: module.Markdown })));
/** Turns above and below the rendered ones whose answers are parsed (in a worker) and rendered ahead. */
const RENDER_AHEAD = 16;

interface MessagesProps {
  /** Opens an image of the conversation in the viewer. */
  onOpenImage(id: number): void;
}

/**
 * The conversation: each prompt with its answer (or its answers, as versions), newest at the
 * bottom. Only the turns near the visible part are in the DOM (useVirtualTurns), so a chat of
 * hundreds of messages opens and scrolls as fast as a short one.
 */
export function Messages({ onOpenImage }: MessagesProps) {
  const { t } = useTranslation('chat');
  const messages = useThread((s) => s.messages);
  const currentId = useThread((s) => s.currentId);
  const turns = useMemo(() => toTurns(messages), [messages]);
  const firstPromptId = useMemo(() => messages.find((m) => m.role === 'user')?.id ?? null, [messages]);
  const { scroller, list, visible, measure, onScroll, away, toNewest } = useVirtualTurns(turns, currentId);

  // The answers just outside the window are rendered ahead while the window is idle, nearest first.
  useEffect(() => {
    const texts: string[] = [];
    for (let step = 1; step <= RENDER_AHEAD; step++) {
      for (const turn of [turns[visible.start - step], turns[visible.end - 1 + step]]) {
        const answer = turn?.answers.at(-1);
        if (answer && answer.status !== 'streaming' && answer.text.trim() !== '') texts.push(answer.text);
      }
    }
    if (texts.length > 0) void markdownChunk.then((module) => module.renderAnswersAhead(texts));
  }, [turns, visible.start, visible.end]);

  return (
    <div className="chat-scroller" ref={scroller} onScroll={onScroll}>
      <ol className="chat-turns" ref={list} aria-label={t('messages.label')}>
        {visible.before > 0 && <li className="turns-spacer" aria-hidden="true" style={{ height: visible.before }} />}
        {turns.slice(visible.start, visible.end).map((turn) => (
          <li key={turn.key} className="turn" data-turn={turn.key} ref={measure}>
            <TurnView turn={turn} followUp={turn.user !== null && turn.user.id !== firstPromptId} onOpenImage={onOpenImage} />
          </li>
        ))}
        {visible.after > 0 && <li className="turns-spacer" aria-hidden="true" style={{ height: visible.after }} />}
      </ol>
      {away && (
        <div className="chat-newest">
          <button type="button" className="chat-newest-button" onClick={toNewest} title={t('messages.newestTitle')}>
            {t('messages.newest')}
            <span aria-hidden="true"> ↓</span>
          </button>
        </div>
      )}
    </div>
  );
}

const TurnView = memo(function TurnView({ turn, followUp, onOpenImage }: { turn: Turn; followUp: boolean; onOpenImage(id: number): void }) {
  const choice = useThread((s) => (turn.user ? s.versionChoice[turn.user.id] : undefined));
  const chooseVersion = useThread((s) => s.chooseVersion);
  const [comparing, setComparing] = useState(false);
  const { t } = useTranslation('chat');
  const { user, answers } = turn;
  const chosen = Math.max(0, choice === undefined ? answers.length - 1 : answers.findIndex((a) => a.id === choice));
  const answer = answers[chosen];
  const pick = (index: number) => user && answers[index] && chooseVersion(user.id, answers[index].id);
  const followed = useThread((s) => Object.values(s.live).some((g) => answers.some((a) => a.id === g.messageId)));
  const busy = followed || answers.some((a) => a.status === 'streaming');
  const versions: Versions | null =
    answers.length > 1
      ? {
          index: chosen,
          count: answers.length,
          previous: () => pick(chosen - 1),
          next: () => pick(chosen + 1),
          comparing,
          toggleCompare: () => setComparing(!comparing),
        }
      : null;

  // A fan-out's answers stand side by side; a "×N" is one set of candidates (batch.ts in the core).
  const marks: TurnMarks = user ? turnMarks(user.request) : {};
  const layout =
    user && marks.fanOut && answers.length > 0 ? 'fan-out' : user && (marks.count ?? 1) > 1 && answers.length > 0 ? 'candidates' : null;

  return (
    <>
      {user && <UserMessage message={user} onOpenImage={onOpenImage} />}
      {user && layout === 'fan-out' ? (
        <FanOutAnswers user={user} answers={answers} onOpenImage={onOpenImage} />
      ) : user && layout === 'candidates' ? (
        <Candidates user={user} answers={answers} onOpenImage={onOpenImage} />
      ) : answer && versions?.comparing ? (
        <section className="message message-assistant" aria-label={t('versions.label')}>
          <VersionsBar versions={versions} />
          <VersionsSideBySide answers={answers} chosen={chosen} onChoose={pick} />
        </section>
      ) : (
        answer && (
          <AssistantMessage
            key={answer.id}
            message={answer}
            userMessage={user}
            followUp={followUp}
            busy={busy}
            onOpenImage={onOpenImage}
            versions={versions}
          />
        )
      )}
    </>
  );
});

function UserMessage({ message, onOpenImage }: { message: Message; onOpenImage(id: number): void }) {
  const { t } = useTranslation('chat');
  const summary = useRequestSummary(message.request);
  const providerName = useProviderName(message.provider);
  return (
    <article className="message message-user" aria-label={t('messages.yours')}>
      {message.imageIds.length > 0 && (
        <ul className="message-attachments" aria-label={t('messages.attached')}>
          {message.imageIds.map((id, index) => (
            <li key={id}>
              <ImageWithActions id={id} number={index + 1} frameClass="thumb-frame attachment-thumb" onOpen={() => onOpenImage(id)} compact>
                <img
                  src={mediaUrl('thumb', id)}
                  decoding="async"
                  alt={index === 0 ? t('messages.sourceImage') : t('messages.referenceImage', { n: index })}
                  draggable={false}
                />
                <span className="attachment-badge" aria-hidden="true">
                  {t(index === 0 ? 'messages.sourceBadge' : 'messages.referenceBadge')}
                </span>
              </ImageWithActions>
            </li>
          ))}
        </ul>
      )}
      <p className="message-text">{message.text}</p>
      {(summary || message.model) && <p className="message-meta">{[providerName, message.model, summary].filter(Boolean).join(' · ')}</p>}
    </article>
  );
}

function AssistantMessage({
  message,
  userMessage,
  followUp,
  versions,
  busy,
  onOpenImage,
}: {
  message: Message;
  userMessage: Message | null;
  /** Its prompt is not the conversation's first. */
  followUp: boolean;
  versions: Versions | null;
  /** Some answer to the same prompt is being written: no second one until it ends. */
  busy: boolean;
  onOpenImage(id: number): void;
}) {
  const live: LiveGeneration | undefined = useThread(liveFor(message.id));
  // Held by the queue (its provider's or the overall limit, a paused queue) until it starts; also after a reload.
  const queued = useQueue((s) => live !== undefined && (live.queued || s.byId[live.generationId]?.state === 'queued'));
  const retry = useThread((s) => s.retry);
  const cancel = useThread((s) => s.cancel);
  const { t } = useTranslation('chat');
  const providerName = useProviderName(message.provider);
  const streaming = live !== undefined || message.status === 'streaming';
  const elapsed = useElapsed(message.createdAt, streaming);

  // Answers with a picture saved before status lines were kept out of the text still start with them.
  const text = live ? (live.base ?? '') + live.text : message.imageIds.length > 0 ? withoutProgressPreamble(message.text) : message.text;
  const imageIds = live ? [...new Set([...message.imageIds, ...live.imageIds])] : message.imageIds;
  const sizes = live ? sizesById(message, live) : sizesById(message);
  const status = streaming ? 'streaming' : message.status;
  const canRetry = userMessage !== null && !busy;

  // Failed and stopped answers offer the same Retry.
  const retryButton = canRetry && (
    <button type="button" onClick={() => void retry(userMessage.id)}>
      <RetryIcon />
      {t('answer.retry')}
    </button>
  );

  return (
    <article className={`message message-assistant status-${status}`} aria-label={t('answer.label')} aria-busy={streaming}>
      {versions && <VersionsBar versions={versions} />}

      {text.trim() !== '' && (
        <Suspense fallback={<p className="message-text">{text}</p>}>
          <Markdown text={text} streaming={streaming} />
        </Suspense>
      )}

      {imageIds.length > 0 && (
        <ul className={`message-images${gridClass(imageIds.length)}`} aria-label={t('answer.images')}>
          {imageIds.map((id, index) => (
            <li key={id}>
              <ImageWithActions
                id={id}
                number={index + 1}
                frameClass="message-image"
                onOpen={() => onOpenImage(id)}
                style={pictureStyle(sizes.get(id))}
                draggable
              >
                <img src={mediaUrl('preview', id)} decoding="async" alt={t('answer.generatedImage', { n: index + 1 })} draggable={false} />
              </ImageWithActions>
            </li>
          ))}
        </ul>
      )}

      {live?.partial && <PartialPicture partial={live.partial} />}

      {streaming && (
        <div className="message-status" role="status">
          <span className="spinner" aria-hidden="true" />
          <span>
            {t(live?.cancelling ? 'answer.stopping' : live?.waiting ? 'answer.waiting' : queued ? 'answer.queued' : 'answer.generating')}
          </span>
          {live?.retry ? (
            <span className="muted">{retryLine(live.retry, providerName ?? '', t)}</span>
          ) : (
            live?.progress && <span className="muted">{coreText(live.progress)}</span>
          )}
          <span className="muted small elapsed">{formatElapsedSeconds(elapsed)}</span>
          {live && (live.waiting || queued) && !live.cancelling && (
            <button
              type="button"
              className="link-button"
              onClick={() => void cancel(live.generationId)}
              title={t('answer.cancelWaitingTitle')}
            >
              {t('answer.cancelWaiting')}
            </button>
          )}
        </div>
      )}
      {live?.cancelError && (
        <p role="alert" className="error small">
          {t('answer.cancelError', { error: live.cancelError })}
        </p>
      )}

      {status === 'error' && (
        <AnswerError message={message} userMessage={userMessage} followUp={followUp} canRetry={canRetry} retryButton={retryButton} />
      )}

      {(status === 'cancelled' || status === 'interrupted') && (
        <div className="message-stopped">
          <span className="badge">{t(status === 'cancelled' ? 'answer.stopped' : 'answer.interrupted')}</span>
          <span className="muted small">{t(status === 'cancelled' ? 'answer.stoppedText' : 'answer.interruptedText')}</span>
          {retryButton}
        </div>
      )}

      {status === 'complete' && (
        <footer className="message-footer">
          {text.trim() === '' && imageIds.length === 0 && <span className="muted small">{t('answer.empty')}</span>}
          {/* One run of text, so a narrow column wraps it between words, never before a lone "·". */}
          <span className="message-meta">
            {[providerName, message.model].filter(Boolean).join(' · ')}
            <AnswerCost message={{ ...message, imageIds }} />
          </span>
          {canRetry && (
            <button type="button" className="link-button" onClick={() => void retry(userMessage.id)} title={t('answer.againTitle')}>
              <RetryIcon />
              {t('answer.again')}
            </button>
          )}
        </footer>
      )}
      {!streaming && <RequestSent request={message.request} />}
    </article>
  );
}

/** One picture on its own row; several in a grid of two, or three from five on. */
const gridClass = (count: number) => (count < 2 ? '' : count < 5 ? ' is-grid' : ' is-grid is-wide-grid');

/** "Rate limited — trying again in 3 s (2 of 3)", counting down (the status re-renders every second). */
function retryLine(retry: NonNullable<LiveGeneration['retry']>, provider: string, t: TFunction<'chat'>): string {
  const seconds = Math.max(0, Math.ceil((retry.at + retry.delayMs - Date.now()) / 1000));
  const values = { provider, status: retry.status, seconds, retry: retry.retry, of: retry.of };
  if (seconds === 0) return t(retry.status === 429 ? 'answer.retryNow429' : 'answer.retryNow5xx', values);
  return t(retry.status === 429 ? 'answer.retry429' : 'answer.retry5xx', values);
}

const known = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** The picture settings a prompt was sent with, in words: "2 images · 1536×1024 · high quality". */
function useRequestSummary(request: Message['request']): string | null {
  const { t } = useTranslation('chat');
  const parts = requestParams(request).flatMap(([name, value]) => {
    // Said when on; off is plain talk, nothing worth a word.
    if (name === 'pictureMode') return value === 'true' ? [t('messages.summary.pictureMode')] : [];
    const part = summaryPart(name, value);
    return part === null ? [] : [part];
  });
  return parts.length > 0 ? parts.join(' · ') : null;

  /** A setting in words; null for one at its default that is not worth a word (moderation auto, fidelity low). */
  function summaryPart(name: string, value: string): string | null {
    if (name === 'n' && /^\d+$/.test(value)) return t('messages.summary.images', { count: Number(value) });
    if (name === 'size')
      return value === 'auto' ? t('messages.summary.sizeAuto') : t('messages.summary.size', { size: value.replace('x', '×') });
    if (name === 'quality' && known(QUALITIES, value)) return t('messages.summary.quality', { quality: t(`messages.quality.${value}`) });
    if (name === 'aspect') return t('messages.summary.aspect', { aspect: value });
    if (name === 'resolution') return t('messages.summary.resolution', { resolution: value });
    if (name === 'outputFormat') return t('messages.summary.outputFormat', { format: value.toUpperCase() });
    if (name === 'compression') return t('messages.summary.compression', { value });
    if (name === 'background' && known(BACKGROUNDS, value))
      return t('messages.summary.background', { background: t(`messages.background.${value}`) });
    if (name === 'moderation') return value === 'low' ? t('messages.summary.moderationLow') : null;
    if (name === 'inputFidelity') return value === 'high' ? t('messages.summary.inputFidelityHigh') : null;
    if (name === 'seed') return t('messages.summary.seed', { seed: value });
    if (name === 'partialImages' && /^\d+$/.test(value)) return t('messages.summary.partialImages', { count: Number(value) });
    return `${name} ${value}`;
  }
}
