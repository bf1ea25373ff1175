import type { ImageRecord } from '../../../../shared/library';

/** Longest slug of the prompt kept in a file name, so names stay readable and well under path limits. */
export const SLUG_MAX = 60;
/** Longest whole file name, in UTF-8 bytes (most file systems allow 255). */
const NAME_MAX_BYTES = 200;

// Russian, Ukrainian and Belarusian letters in Latin (close to ISO 9 / passport practice), so every
// name is plain ASCII: it survives ZIP tools, old file systems and shells that mangle Cyrillic.
// prettier-ignore
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'ye', ж: 'zh', з: 'z', и: 'i', і: 'i', ї: 'yi',
  й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ў: 'u', ф: 'f', х: 'kh',
  ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// Characters Windows refuses in names, plus control characters (illegal or troublesome everywhere).
// eslint-disable-next-line no-control-regex
const ILLEGAL = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;

/** A prompt as a short lower-case ASCII slug: letters and digits kept, Cyrillic transliterated, the rest '-'. */
export function promptSlug(prompt: string | null | undefined, max = SLUG_MAX): string {
  if (!prompt) return '';
  const latin = [...prompt.toLowerCase()].map((ch) => CYRILLIC[ch] ?? ch).join('');
  // Accented Latin letters lose their accents (é → e); anything else that is not a-z/0-9 becomes a separator.
  const ascii = latin.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  // Cut at a word boundary when one is reasonably close, so the name does not end mid-word.
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > max / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/, '');
}

/** Makes any file name safe on Windows, macOS and Linux: legal characters, no reserved name, bounded length. */
export function safeFileName(name: string, ext = ''): string {
  let base = name
    .replace(ILLEGAL, '-')
    .replace(/[. ]+$/, '')
    .replace(/^[. ]+/, '');
  if (!base) base = 'image';
  const suffix = ext ? `.${ext.replace(ILLEGAL, '').replace(/^\.+/, '')}` : '';
  while (Buffer.byteLength(base + suffix) > NAME_MAX_BYTES) base = [...base].slice(0, -1).join('');
  base = base.replace(/[. ]+$/, '') || 'image';
  if (WINDOWS_RESERVED.test(base)) base = `_${base}`;
  return base + suffix;
}

const EXT_BY_MIME: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/gif': 'gif' };

/** `2026-03-14_a-lighthouse-at-dawn_1234.png`: the day made (UTC), the prompt, the library id. */
export function exportFileName(image: Pick<ImageRecord, 'id' | 'prompt' | 'createdAt' | 'mime'>): string {
  const day = new Date(image.createdAt).toISOString().slice(0, 10);
  const slug = promptSlug(image.prompt) || 'image';
  return safeFileName(`${day}_${slug}_${image.id}`, EXT_BY_MIME[image.mime] ?? 'bin');
}
