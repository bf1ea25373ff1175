/** Library images, messages and conversations as the core sends them, with only what a test cares about given. */
import type { Conversation, ImageDetail, ImageRecord, Message } from '../../../src/shared/library';

export function image(id: number, fields: Partial<ImageRecord> = {}): ImageRecord {
  return {
    id,
    sha256: `sha-${id}`,
    mime: 'image/png',
    width: 64,
    height: 64,
    bytes: 100,
    prompt: null,
    revisedPrompt: null,
    provider: null,
    model: null,
    params: null,
    source: 'generated',
    conversationId: null,
    messageId: null,
    originalName: null,
    createdAt: 1_700_000_000_000 - id,
    favorite: false,
    trashedAt: null,
    hasPreview: false,
    ...fields,
  };
}

export const detail = (record: ImageRecord): ImageDetail => ({ image: record, parents: [], mask: null, children: [], tags: [] });

export function message(id: number, conversationId: number, fields: Partial<Message> = {}): Message {
  return {
    id,
    conversationId,
    role: 'user',
    text: '',
    status: 'complete',
    provider: null,
    model: null,
    error: null,
    imageIds: [],
    request: null,
    replyTo: null,
    usage: null,
    elapsedMs: null,
    createdAt: 1000 + id,
    updatedAt: 1000 + id,
    ...fields,
  };
}

export const conversation = (id: number, updatedAt = 10_000 - id): Conversation => ({
  id,
  title: `Chat ${id}`,
  createdAt: updatedAt,
  updatedAt,
});
