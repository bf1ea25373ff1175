/** Files the user drops, pastes or picks, on their way to the library as bytes (the browser gives no paths). */
import { i18n } from '../i18n';
import { formatBytes } from '../i18n/format';

/** The largest file sent over the bridge (the core checks its own, configurable limit too). */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

const IMAGE_NAME = /\.(png|jpe?g|webp|gif|avif|bmp|tiff?|heic|heif)$/i;
const isImageFile = (file: File) => file.type.startsWith('image/') || (file.type === '' && IMAGE_NAME.test(file.name));

/** Splits files into images worth sending and a sentence for each one turned down. */
export function checkImageFiles(files: File[]): { images: File[]; problems: string[] } {
  const images: File[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const name = file.name;
    const size = formatBytes(MAX_FILE_BYTES);
    // A pasted picture has no name: its sentences say "the pasted file" instead.
    if (!isImageFile(file)) problems.push(name ? i18n.t('files.notImage', { name }) : i18n.t('files.notImagePasted'));
    else if (file.size === 0) problems.push(name ? i18n.t('files.empty', { name }) : i18n.t('files.emptyPasted'));
    else if (file.size > MAX_FILE_BYTES)
      problems.push(name ? i18n.t('files.tooLarge', { name, size }) : i18n.t('files.tooLargePasted', { size }));
    else images.push(file);
  }
  return { images, problems };
}

/** A name for the library: the file's own, or one made from its type for a pasted picture. */
export const fileName = (file: File): string => (file.name.trim() || `pasted.${file.type.split('/')[1] ?? 'png'}`).slice(-255);

/** The bytes of a file as base64 (without the data: prefix). */
export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () =>
      reject(new Error(file.name ? i18n.t('files.unreadable', { name: file.name }) : i18n.t('files.unreadableNoName')));
    reader.readAsDataURL(file);
  });
}
