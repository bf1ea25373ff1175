import { HolstError } from '../../../shared/errors';
import type { DesktopCapabilities } from '../desktop';

/**
 * A capability only the desktop app has, bound to it; without it (the browser harness, the CLI) a
 * `config` error saying `${what} needs the Holst desktop app` and what to do instead.
 */
export function desktopOnly<K extends keyof DesktopCapabilities>(
  desktop: DesktopCapabilities | null,
  name: K,
  what: string,
  refusal: { instead?: string; field?: string } = {},
): NonNullable<DesktopCapabilities[K]> {
  const capability = desktop?.[name];
  if (!capability)
    throw new HolstError(
      'config',
      `${what} needs the Holst desktop app; ${refusal.instead ?? 'it is not available in the browser'}.`,
      refusal.field === undefined ? undefined : { field: refusal.field },
    );
  return capability.bind(desktop) as NonNullable<DesktopCapabilities[K]>;
}
