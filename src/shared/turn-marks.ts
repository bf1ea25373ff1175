/**
 * What a prompt's stored request says of its answers, read alike by the core and the window: a set
 * of candidates ("×N"), a fan-out to several providers, the answer (and picture) chosen to go on
 * from, the candidates kept.
 */
import * as z from 'zod';
import type { Message } from './library';

const FanOutTargetSchema = z.object({ provider: z.string(), model: z.string().nullable() });

/** What a prompt's stored request says of its answers (each part read on its own: a damaged one reads as absent). */
const TurnMarksSchema = z.object({
  /** "×N": the pictures asked for in all; its answers are one set of candidates. */
  count: z.number().int().positive().optional().catch(undefined),
  /** The providers (and models) it was sent to side by side, in the order chosen. */
  fanOut: z.array(FanOutTargetSchema).optional().catch(undefined),
  /** "Continue with this": the answer the conversation goes on from (its text in the history, its picture the source). */
  chosen: z.number().int().positive().optional().catch(undefined),
  /** …and among candidates, the picture. */
  chosenImage: z.number().int().positive().optional().catch(undefined),
  /** Candidates the person kept (never moved by "Discard the rest"). */
  kept: z.array(z.number().int().positive()).optional().catch(undefined),
});
export type TurnMarks = Partial<z.output<typeof TurnMarksSchema>>;

export function turnMarks(request: Message['request']): TurnMarks {
  const parsed = TurnMarksSchema.safeParse(request ?? {});
  return parsed.success ? parsed.data : {};
}
