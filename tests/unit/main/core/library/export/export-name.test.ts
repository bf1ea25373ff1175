// Exported file names: readable, and safe on Windows, macOS and Linux whatever the prompt holds.
import { describe, expect, it } from 'vitest';
import { exportFileName, promptSlug, safeFileName, SLUG_MAX } from '../../../../../../src/main/core/library/export/export-name';

const at = Date.UTC(2026, 2, 14, 23, 59, 59);
const name = (prompt: string | null, id = 1234, mime = 'image/png') => exportFileName({ id, prompt, createdAt: at, mime });

/** What Windows refuses: reserved device names, illegal characters, a trailing dot or space. */
function expectSafe(file: string): void {
  // eslint-disable-next-line no-control-regex
  expect(file).not.toMatch(/[<>:"/\\|?*\u0000-\u001f\u007f]/);
  expect(file).not.toMatch(/[. ]$/);
  expect(file.split('.')[0]).not.toMatch(/^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i);
  expect(Buffer.byteLength(file)).toBeLessThanOrEqual(255);
  expect(file.length).toBeGreaterThan(0);
}

describe('exportFileName', () => {
  it('is the UTC day, a slug of the prompt and the id', () => {
    expect(name('A lighthouse at dawn!')).toBe('2026-03-14_a-lighthouse-at-dawn_1234.png');
    expect(name('Cat', 7, 'image/jpeg')).toBe('2026-03-14_cat_7.jpg');
    expect(name('Cat', 7, 'image/webp')).toBe('2026-03-14_cat_7.webp');
  });

  it('names pictures without a usable prompt "image"', () => {
    expect(name(null)).toBe('2026-03-14_image_1234.png');
    expect(name('')).toBe('2026-03-14_image_1234.png');
    expect(name('!!! ??? ...')).toBe('2026-03-14_image_1234.png');
    expect(name('山の上の猫 🐱')).toBe('2026-03-14_image_1234.png');
  });

  it('transliterates Cyrillic and drops accents', () => {
    expect(name('Ёжик в тумане, щука и объём')).toBe('2026-03-14_ezhik-v-tumane-shchuka-i-obem_1234.png');
    expect(name('Їжак і ґава')).toBe('2026-03-14_yizhak-i-gava_1234.png');
    expect(name('Crème brûlée à Zürich')).toBe('2026-03-14_creme-brulee-a-zurich_1234.png');
  });

  it('survives nasty prompts', () => {
    const nasty = [
      'CON',
      'nul.txt',
      'COM1',
      '../../etc/passwd',
      'C:\\Windows\\System32\\cmd.exe',
      'a<b>c:d"e/f\\g|h?i*j',
      'tab\there\nnewline\r\u0000null\u001b[31m',
      '   .  ..  ',
      'x'.repeat(10_000),
      'word '.repeat(500),
      '\u202eevil\u202d right-to-left override',
      'emoji 😀👍🏽 mixed ЖЖЖ',
    ];
    for (const prompt of nasty) {
      const file = name(prompt);
      expectSafe(file);
      expect(file).toMatch(/^2026-03-14_[a-z0-9-]+_1234\.png$/);
      expect(file.length).toBeLessThanOrEqual('2026-03-14__1234.png'.length + SLUG_MAX);
    }
    expect(name('word '.repeat(500))).toMatch(/_word(-word)+_1234\.png$/); // cut between words, not inside one
  });
});

describe('promptSlug', () => {
  it('is at most SLUG_MAX characters with no dash at either end', () => {
    for (const prompt of ['a'.repeat(200), 'ab-'.repeat(100), `${'ж'.repeat(59)} x`]) {
      const slug = promptSlug(prompt);
      expect(slug.length).toBeLessThanOrEqual(SLUG_MAX);
      expect(slug).toMatch(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/);
    }
  });
});

describe('safeFileName', () => {
  it('makes any name safe on every OS', () => {
    expect(safeFileName('CON', 'png')).toBe('_CON.png');
    expect(safeFileName('lpt9', 'jpg')).toBe('_lpt9.jpg');
    expect(safeFileName('aux.tar', 'gz')).toBe('_aux.tar.gz');
    expect(safeFileName('console', 'png')).toBe('console.png');
    expect(safeFileName('report. . ', 'png')).toBe('report.png');
    expect(safeFileName('', 'png')).toBe('image.png');
    expect(safeFileName('...', '')).toBe('image');
    expect(safeFileName('a/b\\c:d', 'png')).toBe('a-b-c-d.png');
    for (const raw of ['ж'.repeat(300), `${'x'.repeat(250)}. . .`, 'CON. ', 'nul\u0000', '😀'.repeat(200)])
      expectSafe(safeFileName(raw, 'webp'));
    expect(safeFileName('😀'.repeat(200), 'webp')).toMatch(/^(😀)+\.webp$/); // never cut inside a character
  });
});
