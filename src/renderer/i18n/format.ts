/**
 * Dates, times, numbers, sizes and durations in the language in use (Intl), so a Russian window
 * reads "1 дек. 2026 г., 21:55" and "1,5 МБ". Called during render: a component that uses
 * `useTranslation` renders again when the language changes, and picks up the new format.
 */
import { currentLanguage, i18n } from './index';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  const id = `${currentLanguage()}|${key}`;
  let format = cache.get(id) as T | undefined;
  if (!format) cache.set(id, (format = make()));
  return format;
}
const dateTime = (options: Intl.DateTimeFormatOptions) =>
  cached(`d${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(currentLanguage(), options));
const number = (options: Intl.NumberFormatOptions = {}) =>
  cached(`n${JSON.stringify(options)}`, () => new Intl.NumberFormat(currentLanguage(), options));

/** "Dec 1, 2026, 9:55 PM" / "1 дек. 2026 г., 21:55". */
export const formatDateTime = (ms: number): string => dateTime({ dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));

/** "Mar 14, 2026" / "14 мар. 2026 г.". */
export const formatDate = (ms: number): string => dateTime({ dateStyle: 'medium' }).format(new Date(ms));

/** Today: the time; this year: the day; older: the full date (for lists). */
export function formatShortDate(ms: number, now = Date.now()): string {
  const date = new Date(ms);
  const today = new Date(now);
  if (date.toDateString() === today.toDateString()) return dateTime({ timeStyle: 'short' }).format(date);
  if (date.getFullYear() === today.getFullYear()) return dateTime({ month: 'short', day: 'numeric' }).format(date);
  return dateTime({ dateStyle: 'medium' }).format(date);
}

/** A month of a year: "Mar" / "мар." (short) or "March 2026" / "март 2026 г." (long); `month` is 1–12. */
export const formatMonth = (year: number, month: number, style: 'short' | 'long'): string =>
  dateTime(style === 'short' ? { month: 'short' } : { month: 'long', year: 'numeric' }).format(new Date(year, month - 1, 1));

export const formatNumber = (value: number, options?: Intl.NumberFormatOptions): string => number(options).format(value);

/** "578 B", "1.5 MB" / "1,5 МБ": binary steps, the unit words from the catalogue. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'kilobytes', 'megabytes', 'gigabytes'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = unit === 0 ? formatNumber(value) : formatNumber(value, { maximumFractionDigits: value < 10 ? 1 : 0 });
  return i18n.t(`units.${units[unit]!}`, { value: shown });
}

/** "12.4 s" under a minute, "1 min 05 s" under an hour, "1 h 02 min" above. */
export function formatDuration(ms: number): string {
  if (ms < 59_950)
    return i18n.t('units.seconds', { value: formatNumber(Math.max(0, ms) / 1000, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) });
  const seconds = Math.round(ms / 1000);
  if (seconds < 3600)
    return i18n.t('units.minutesSeconds', { minutes: Math.floor(seconds / 60), seconds: String(seconds % 60).padStart(2, '0') });
  return i18n.t('units.hoursMinutes', {
    hours: Math.floor(seconds / 3600),
    minutes: String(Math.floor((seconds % 3600) / 60)).padStart(2, '0'),
  });
}

/** Whole seconds as they tick ("8 s", "1 min 05 s"). */
export function formatElapsedSeconds(seconds: number): string {
  if (seconds < 60) return i18n.t('units.wholeSeconds', { value: seconds });
  return i18n.t('units.minutesSeconds', { minutes: Math.floor(seconds / 60), seconds: String(seconds % 60).padStart(2, '0') });
}

/** The formats a chat shows first, made through the formatters it shows them with: a new chat's row in the list, an answer's date, cost and time, a count's plural. */
const DAY_MS = 86_400_000;
const FIRST_SHOWN: Array<() => unknown> = [
  () => formatShortDate(Date.now()),
  () => formatShortDate(Date.now() - 2 * DAY_MS),
  () => formatDate(Date.now()),
  () => formatDateTime(Date.now()),
  () => formatNumber(1),
  () => formatDuration(1000),
  () => i18n.t('chat:tokens', { count: 2, value: '2' }),
];

/**
 * Makes the formats a chat shows first while the window is idle, one an idle period: the first
 * Intl format of a language loads its locale data, and made during a render it took 40-50 ms of
 * the task that shows the first prompt's new chat (a long task while the answer starts to stream).
 */
export function warmFormats(): void {
  if (typeof requestIdleCallback !== 'function') return;
  let next = 0;
  requestIdleCallback(function make() {
    FIRST_SHOWN[next]!();
    next += 1;
    if (next < FIRST_SHOWN.length) requestIdleCallback(make);
  });
}
