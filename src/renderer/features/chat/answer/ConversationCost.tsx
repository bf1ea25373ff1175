import { useTranslation } from 'react-i18next';
import { useThread } from '../../../store/chat';
import { conversationCost, costParts } from './usage';

/** The open conversation's answers summed (tokens, images, time), for its header. */
export function ConversationCost() {
  const { t } = useTranslation('chat');
  const messages = useThread((s) => s.messages);
  // Made at each render (a short sum): the words follow the language in use.
  const parts = costParts(conversationCost(messages));
  if (parts.length === 0) return null;
  return (
    <p className="chat-cost" title={t('header.costTitle')}>
      <span className="visually-hidden">{t('header.costLabel')} </span>
      {parts.join(' · ')}
    </p>
  );
}
