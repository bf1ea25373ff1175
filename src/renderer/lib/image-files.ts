/** Files the user drops, pastes or picks, checked and read on their way to the library as bytes. */
import { i18n } from '../i18n';
import { formatBytes } from '../i18n/format';

export const MAX_FILE_BYTES = 100 * 1024 * 1024;

const IMAGE_NAME = /\.(png|jpe?g|webp|gif|avif|bmp|tiff?|heic|heif)$/i;
const isImageFile = (file: File) => file.type.startsWith('image/') || (file.type === '' && IMAGE_NAME.test(file.name));

/** Why a file is turned down: a sentence naming it (chat attachments), a few words (beside its name in an import summary). */
export interface ImageProblem {
  sentence: string;
  reason: string;
}

/** Whether a file is an image we take (null) or why not: not a picture, empty, or over MAX_FILE_BYTES. */
export function imageProblem(file: File): ImageProblem | null {
  const kind = !isImageFile(file) ? 'notImage' : file.size === 0 ? 'empty' : file.size > MAX_FILE_BYTES ? 'tooLarge' : null;
  if (!kind) return null;
  const name = file.name;
  const size = formatBytes(MAX_FILE_BYTES);
  return {
    // A pasted picture has no name: its sentence says "the pasted file" instead.
    sentence: name ? i18n.t(`files.${kind}`, { name, size }) : i18n.t(`files.${kind}Pasted`, { size }),
    reason: i18n.t(`library:fileImport.reason.${kind}`, { size }),
  };
}

/** Splits files into images worth sending and a sentence for each one turned down. */
export function checkImageFiles(files: File[]): { images: File[]; problems: string[] } {
  const images: File[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const problem = imageProblem(file);
    if (problem) problems.push(problem.sentence);
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
