import { Fragment } from 'react';
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
      {/* Each part wraps as a whole ("2 images", never "2" at a line's end); a line ends after a "·". */}
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 && ' '}
          <span className="cost-part">{index < parts.length - 1 ? `${part} ·` : part}</span>
        </Fragment>
      ))}
    </span>
  );
}
