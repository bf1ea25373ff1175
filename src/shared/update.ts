/** Where the desktop app's self-update stands, as Help → Check for updates… and Settings → About show it. */
import * as z from 'zod';

/** Why a check or download failed; the window words each one. */
export const UpdateFailureSchema = z.enum(['unreachable', 'malformed', 'checksum', 'other']);
export type UpdateFailure = z.infer<typeof UpdateFailureSchema>;

export const UpdateStatusSchema = z.discriminatedUnion('state', [
  /** Not the packaged desktop app, or built without a publish feed (no app-update.yml): nothing to check. */
  z.object({ state: z.literal('unavailable') }),
  z.object({ state: z.literal('idle') }),
  z.object({ state: z.literal('checking') }),
  z.object({ state: z.literal('up-to-date'), version: z.string() }),
  z.object({
    state: z.literal('downloading'),
    version: z.string(),
    /** 0–100. */
    percent: z.number().min(0).max(100),
    transferred: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
  }),
  /** Downloaded and verified; installed when the app restarts. */
  z.object({ state: z.literal('ready'), version: z.string() }),
  /** Nothing was installed. `detail` is the updater's own words, in English, for the log and a report. */
  z.object({ state: z.literal('error'), reason: UpdateFailureSchema, detail: z.string() }),
]);
export type UpdateStatus = z.infer<typeof UpdateStatusSchema>;
