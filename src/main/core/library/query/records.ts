import type { ImageRecord, MaskRecord } from '../../../../shared/library';

/** A row of the `images` table as SQLite returns it. */
export interface ImageRow {
  id: number;
  sha256: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  prompt: string | null;
  revised_prompt: string | null;
  provider: string | null;
  model: string | null;
  params: string | null;
  source: ImageRecord['source'];
  conversation_id: number | null;
  message_id: number | null;
  original_name: string | null;
  created_at: number;
  favorite: number;
  trashed_at: number | null;
  has_preview: number;
}

export function toImageRecord(row: ImageRow): ImageRecord {
  return {
    id: row.id,
    sha256: row.sha256,
    mime: row.mime,
    width: row.width,
    height: row.height,
    bytes: row.bytes,
    prompt: row.prompt,
    revisedPrompt: row.revised_prompt,
    provider: row.provider,
    model: row.model,
    params: row.params ? (JSON.parse(row.params) as Record<string, unknown>) : null,
    source: row.source,
    conversationId: row.conversation_id,
    messageId: row.message_id,
    originalName: row.original_name,
    createdAt: row.created_at,
    favorite: row.favorite === 1,
    trashedAt: row.trashed_at,
    hasPreview: row.has_preview === 1,
  };
}

/** A row of the `masks` table as SQLite returns it. */
export interface MaskRow {
  id: number;
  sha256: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  source_id: number | null;
  created_at: number;
}

export function toMaskRecord(row: MaskRow): MaskRecord {
  return {
    id: row.id,
    sha256: row.sha256,
    width: row.width,
    height: row.height,
    bytes: row.bytes,
    sourceId: row.source_id,
    createdAt: row.created_at,
  };
}

/**
 * Turns what a person types into a safe FTS5 query: each word quoted (no operators can be
 * injected), all words required, the last one matched as a prefix for search-as-you-type.
 * Null when nothing searchable is left.
 */
export function toFtsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}_]+/gu);
  if (!words || words.length === 0) return null;
  return words.map((word, i) => `"${word}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}
