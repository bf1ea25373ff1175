import { useMemo } from 'react';
import { useChatStore } from '../../../store/chat-store';
import { conversationCost, costParts } from './usage';

/** The open conversation's answers summed (tokens, images, time), for its header. */
export function ConversationCost() {
  const messages = useChatStore((s) => s.messages);
  const parts = useMemo(() => costParts(conversationCost(messages)), [messages]);
  if (parts.length === 0) return null;
  return (
    <p className="chat-cost" title="All answers in this chat together">
      <span className="visually-hidden">This chat in all: </span>
      {parts.join(' · ')}
    </p>
  );
}
