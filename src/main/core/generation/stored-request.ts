import type * as z from 'zod';
import { GenerateParamsSchema } from '../../../shared/generation';

/** What a user message asked for besides its text and images; stored with it so Retry can ask again. */
export interface StoredRequest {
  params: z.output<typeof GenerateParamsSchema>;
  system?: string;
  /** A mask id (`masks`; stored as `maskImageId` by versions that kept masks as pictures, under the same id). */
  maskId?: number;
  /** Sent without the conversation's earlier turns. */
  singleTurn?: boolean;
}

/** A conversation is named after its first prompt, on one line. */
export function titleOf(prompt: string): string {
  const line = prompt.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

/** A user message's stored request, checked again: it was written by this or another version of Holst. */
export function readStoredRequest(stored: Record<string, unknown> | null): StoredRequest {
  const params = GenerateParamsSchema.safeParse(stored?.params ?? {});
  // Versions that kept masks as pictures stored `maskImageId`; the migration kept those ids.
  const mask = stored?.maskId ?? stored?.maskImageId;
  return {
    params: params.success ? params.data : {},
    ...(typeof stored?.system === 'string' ? { system: stored.system } : {}),
    ...(typeof mask === 'number' ? { maskId: mask } : {}),
    ...(stored?.singleTurn === true ? { singleTurn: true } : {}),
  };
}
