import { say, type CoreMessageKey } from '../../../shared/core-messages';
import { HolstError } from '../../../shared/errors';
import type { DesktopCapabilities } from '../desktop';

/** The catalogue's sentence for each action only the desktop app has (`desktopOnly…` in core-messages.ts). */
export type DesktopOnlyRefusal = Extract<CoreMessageKey, `desktopOnly${string}`>;

/**
 * A capability only the desktop app has, bound to it; without it (the browser harness, the CLI) a
 * `config` error whose sentence says what needs the desktop app and what to do instead.
 */
export function desktopOnly<K extends keyof DesktopCapabilities>(
  desktop: DesktopCapabilities | null,
  name: K,
  refusal: DesktopOnlyRefusal,
  field?: string,
): NonNullable<DesktopCapabilities[K]> {
  const capability = desktop?.[name];
  if (!capability) throw HolstError.said('config', say(refusal, {}), field === undefined ? undefined : { field });
  return capability.bind(desktop) as NonNullable<DesktopCapabilities[K]>;
}
