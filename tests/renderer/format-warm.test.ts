// The formats a new chat shows first are made while the window is idle, so the render that shows
// the first prompt's chat does not load a language's locale data (40-50 ms, a long task, traced).
import './support/page-globals';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatShortDate, warmFormats } from '../../src/renderer/i18n/format';

const originals = { DateTimeFormat: Intl.DateTimeFormat, NumberFormat: Intl.NumberFormat };

/** Counts the Intl formats made from now on. */
function countFormatsMade(): { readonly count: number } {
  const made = { count: 0 };
  for (const name of ['DateTimeFormat', 'NumberFormat'] as const) {
    const counted = new Proxy(originals[name], {
      construct(target, args: unknown[]) {
        made.count += 1;
        return Reflect.construct(target, args) as object;
      },
    });
    Object.defineProperty(Intl, name, { value: counted, configurable: true, writable: true });
  }
  return made;
}

describe('warming the formats', () => {
  afterEach(() => {
    for (const name of ['DateTimeFormat', 'NumberFormat'] as const)
      Object.defineProperty(Intl, name, { value: originals[name], configurable: true, writable: true });
    vi.unstubAllGlobals();
  });

  it('makes them one idle period at a time, and the chat list and answers then make none', () => {
    const idle: Array<() => void> = [];
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
    const made = countFormatsMade();
    warmFormats();
    expect(made.count).toBe(0);
    let periods = 0;
    while (idle.length > 0) {
      const before = made.count;
      idle.shift()!();
      periods += 1;
      expect(made.count - before).toBeLessThanOrEqual(1);
    }
    expect(periods).toBeGreaterThanOrEqual(6);
    const madeAhead = made.count;
    expect(madeAhead).toBeGreaterThan(0);

    const now = new Date(2026, 11, 7, 15, 30).getTime();
    expect(formatShortDate(now, now)).toMatch(/\d/);
    expect(formatShortDate(new Date(2026, 2, 14).getTime(), now)).toMatch(/14/);
    expect(formatDate(now)).toMatch(/2026/);
    expect(formatDateTime(now)).toMatch(/2026/);
    expect(formatNumber(12_345)).toMatch(/12/);
    expect(made.count).toBe(madeAhead);
  });

  it('does nothing where the page has no idle callbacks', () => {
    vi.stubGlobal('requestIdleCallback', undefined);
    const made = countFormatsMade();
    expect(() => warmFormats()).not.toThrow();
    expect(made.count).toBe(0);
  });
});
