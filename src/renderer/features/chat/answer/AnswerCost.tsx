import { useTranslation } from 'react-i18next';
import type { Message } from '../../../../shared/library';
import { answerCost, costParts, usageDetail } from './usage';

/** What a finished answer cost: tokens, time from send to its end, images. Unknown parts are left out. */
export function AnswerCost({ message }: { message: Pick<Message, 'usage' | 'elapsedMs' | 'imageIds'> }) {
  // Rendered again when the language changes, so the parts are made in the new one.
  useTranslation('chat');
  const parts = costParts(answerCost(message), { oneAnswer: true });
  if (parts.length === 0) return null;
  return (
    <span className="message-meta message-cost" title={usageDetail(message.usage)}>
      {parts.join(' · ')}
    </span>
  );
}
