import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../../shared/library';
import { errorText } from '../../../i18n/errors';
import { useThread } from '../../../store/chat';

interface AnswerErrorProps {
  message: Message;
  userMessage: Message | null;
  /** The prompt is not the conversation's first: the request carried earlier turns. */
  followUp: boolean;
  /** No other answer to this prompt is being written. */
  canRetry: boolean;
  retryButton: ReactNode;
}

/**
 * A failed answer: why, with Retry. A provider that refused a follow-up's body (400) may be
 * refusing the history: the user can send the prompt alone (never done without asking).
 */
export function AnswerError({ message, userMessage, followUp, canRetry, retryButton }: AnswerErrorProps) {
  const { t } = useTranslation('chat');
  const retry = useThread((s) => s.retry);
  const alone =
    canRetry && userMessage !== null && followUp && message.error?.code === 'bad_request' && userMessage.request?.singleTurn !== true;

  return (
    <div className="message-error" role="alert">
      <div>
        <strong>{t('answer.failed')}</strong>
        <p>{message.error ? errorText(message.error) : t('answer.failedUnknown')}</p>
        {alone && <p className="small">{t('answer.historyRefused')}</p>}
      </div>
      <div className="message-error-actions">
        {retryButton}
        {alone && (
          <button type="button" onClick={() => void retry(userMessage.id, { singleTurn: true })}>
            {t('answer.sendAlone')}
          </button>
        )}
      </div>
    </div>
  );
}
