/** Frames of the WebSocket that connects a browser-hosted renderer to the core (the harness). */
import * as z from 'zod';
import { ErrorPayloadSchema } from './errors';

export const BRIDGE_PATH = '/bridge';

export const ClientFrameSchema = z.object({
  t: z.literal('req'),
  id: z.number().int().nonnegative(),
  channel: z.string().max(200),
  input: z.unknown().optional(),
});
export type ClientFrame = z.infer<typeof ClientFrameSchema>;

export const ResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ErrorPayloadSchema }),
]);

export const ServerFrameSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('res'), id: z.number(), result: ResultSchema }),
  z.object({ t: z.literal('evt'), event: z.string(), payload: z.unknown() }),
]);
export type ServerFrame = z.infer<typeof ServerFrameSchema>;
